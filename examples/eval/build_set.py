#!/usr/bin/env python3
"""Builds texts/, truth.jsonl, mentions.jsonl and docs.jsonl from the
annotated articles in src/ (see README.md). Standard library only.

Markup: [[text|concept_id|class]] where class is one of
  P preferred form, A admitted form, D deprecated form, U unlisted but
  attested spelling, S short form (surname, short name; after the full
  name, checked against its surname), X acronym,
  T original-language name quoted as a translation, O a listed form
  written with letters the document's language tells apart from the listed
  ones (Arabic yeh or kaf in Persian, Tajik typed with Russian letters, a
  missing zero-width non-joiner), L a form the glossary lists only for
  another language, written where the concept has a form in the document's
  language, C control (a different entity or an ordinary word that must
  stay quiet; concept_id names the glossary concept it looks like).
O and L mentions are expected as `orthography` and `other_language`
records; they take no part in the consistency comparison (each has its own
finding, with the listed form as its fix).
An optional fourth field names the form an inflected mention is a case
of, [[Кермане|kerman|P|Керман]]: mentions are compared for consistency
by that form, so a name declined alike stays consistent.
A set in another language than English has a file `lang.txt` holding its
language code (`ru`): the preferred forms are then that language's (the
English one where it has none), and docs.jsonl records the language.
Acronyms (X) are compared with acronyms: one that folds differently from
the document's first acronym of its concept is `inconsistent` (the acronym
after the full name is not a mix). A form offered as an alternative to the
mention just before it (`IS-KP or ISIS-K`, `ISIS/ISIL`, `A (B)`) is a gloss,
never a mix. Where a document mixes a concept's forms of one kind, no
mention of that kind (nor a surname written alone, for full names) is a
control: a finding on any of them is neither expected nor a false alarm.
Run with the set's folder: python3 examples/eval/build_set.py examples/eval/en-names
"""
import json
import pathlib
import re
import sys
import tomllib
import unicodedata

HERE = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()
GLOSSARY = pathlib.Path(__file__).resolve().parent.parent.parent / "glossary"
MARK = re.compile(r"\[\[([^|\]]+)\|([^|\]]+)\|([PADUSXTCOL])(?:\|([^|\]]+))?\]\]")
FORM_KIND = {"P": "preferred", "A": "admitted", "D": "deprecated", "U": "unlisted",
             "S": "short", "X": "acronym", "T": "original", "O": "orthography",
             "L": "other_language"}
FULL = {"P", "A", "D", "U"}


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = re.sub(r"['’ʼ‘`.]", "", s.lower())
    s = re.sub(r"[-‐‑‒–—]", " ", s)
    return " ".join(s.split())


PARTICLES = {"al", "el", "ul", "ad", "ar", "as", "ash", "at", "az", "ud", "ur", "us", "bin", "ibn",
             "аль", "эль", "ад", "ар", "ас", "аш", "ат", "аз", "ибн", "бин"}


def surname_core(name):
    """The last word of a name without a particle joined to it (al-Ansari
    -> ansari), folded: what a surname written alone is compared by."""
    last = name.split()[-1]
    head, _, rest = last.partition("-")
    if rest and head.lower() in PARTICLES:
        last = rest
    return fold(last)


def is_gloss(previous, current, data):
    """Whether `current` is offered as an alternative to the mention just
    before it, of the same concept and kind: only `or`, a slash or an
    opening parenthesis between them (with spaces, commas and quotes)."""
    (end, concept, cls), (start, concept2, cls2) = previous, current
    same_kind = (cls == "X") == (cls2 == "X") and (cls in FULL) == (cls2 in FULL)
    if concept != concept2 or not same_kind:
        return False
    between = data[end:start].decode("utf-8")
    words = re.sub(r"[\s,\"“”«»„'’‘]", "", between)
    return words in {"or", "/", "("}


def person_ids():
    return {c["id"] for f in GLOSSARY.glob("*.toml")
            for c in tomllib.loads(f.read_text())["concept"] if c.get("kind") == "person"}


def preferred_forms(lang="en"):
    out = {}
    for f in GLOSSARY.glob("*.toml"):
        for c in tomllib.loads(f.read_text())["concept"]:
            forms = c["lang"].get(lang) or c["lang"].get("en")
            if forms:
                p = forms["preferred"]
                out[c["id"]] = p if isinstance(p, str) else p["term"]
    return out


def main():
    lang_file = HERE / "lang.txt"
    lang = lang_file.read_text().strip() if lang_file.exists() else "en"
    preferred = preferred_forms(lang)
    persons = person_ids()
    (HERE / "texts").mkdir(exist_ok=True)
    truth, mentions, docs = [], [], []
    for src in sorted((HERE / "src").glob("*.txt")):
        raw = src.read_text(encoding="utf-8")
        out, spans, pos = [], [], 0
        for m in MARK.finditer(raw):
            out.append(raw[pos:m.start()])
            start = len("".join(out).encode("utf-8"))
            text, concept, cls, lemma = m.groups()
            assert concept in preferred, concept
            out.append(text)
            spans.append((start, start + len(text.encode("utf-8")), text, concept, cls, lemma or text))
            pos = m.end()
        out.append(raw[pos:])
        body = "".join(out)
        (HERE / "texts" / src.name).write_text(body, encoding="utf-8")
        data = body.encode("utf-8")
        first = {}
        first_acronym = {}
        doc_concepts = []
        previous = None
        for start, end, text, concept, cls, lemma in spans:
            gloss = previous is not None and is_gloss(previous, (start, concept, cls), data)
            previous = (end, concept, cls)
            assert data[start:end].decode("utf-8") == text
            before = data[:start].decode("utf-8")
            line = before.count("\n") + 1
            col = len(before) - (before.rfind("\n") + 1) + 1
            base = {"doc": src.name, "byte_start": start, "byte_end": end, "line": line,
                    "col": col, "text": text, "concept_id": concept,
                    "preferred": preferred[concept], **({"base": lemma} if lemma != text else {})}
            if cls == "C":
                truth.append({**base, "kind": "decoy", "must_not_flag": True,
                              "near_form": preferred[concept]})
                continue
            if concept not in doc_concepts:
                doc_concepts.append(concept)
            quiet = cls in {"X", "T"}
            # A person's surname written alone after the full name is held
            # to the surname of the document's first full form; before any
            # full form, or spelled alike, it must stay quiet (as must other
            # short forms).
            surname_differs = (cls == "S" and concept in persons and concept in first
                               and surname_core(lemma) != surname_core(first[concept]))
            quiet = quiet or (cls == "S" and not surname_differs)
            mention = {**base, "form_kind": FORM_KIND[cls], "origin": "written"}
            if quiet:
                mention["must_not_flag"] = True
            mentions.append(mention)
            if cls == "D":
                truth.append({**base, "origin": "written", "kind": "nonpreferred"})
            if cls == "U":
                truth.append({**base, "origin": "written", "kind": "unlisted_variant"})
            if cls == "O":
                truth.append({**base, "origin": "written", "kind": "orthography"})
            if cls == "L":
                truth.append({**base, "origin": "written", "kind": "other_language"})
            if surname_differs:
                truth.append({**base, "origin": "written", "kind": "inconsistent",
                              "first_form": first[concept]})
            if cls == "X":
                if concept not in first_acronym:
                    first_acronym[concept] = lemma
                elif fold(lemma) != fold(first_acronym[concept]) and not gloss:
                    truth.append({**base, "origin": "written", "kind": "inconsistent",
                                  "first_form": first_acronym[concept], "form_kind": "acronym"})
            if cls in FULL:
                if concept not in first:
                    first[concept] = lemma
                elif fold(lemma) != fold(first[concept]) and not gloss:
                    truth.append({**base, "origin": "written", "kind": "inconsistent",
                                  "first_form": first[concept]})
        # The preferred form declined (class P with a base) is a control
        # where the document writes its concept consistently: it must stay
        # quiet, and a finding on it is a false alarm.
        mixed = {(r["concept_id"], r.get("form_kind", "full")) for r in truth
                 if r["doc"] == src.name and r["kind"] == "inconsistent"}
        for m in mentions:
            if m["doc"] != src.name:
                continue
            if (m["form_kind"] == "preferred" and "base" in m
                    and (m["concept_id"], "full") not in mixed):
                m["must_not_flag"] = True
            # In a mixed group the tool may settle on any of the forms.
            group = "acronym" if m["form_kind"] == "acronym" else "full"
            if m["form_kind"] in {"acronym", "short"} and (m["concept_id"], group) in mixed:
                m.pop("must_not_flag", None)
        doc = {"doc": src.name, "concepts": doc_concepts,
               "forms": [{"text": t, "concept_id": c, "class": k, **({"base": b} if b != t else {})}
                         for _, _, t, c, k, b in spans]}
        if lang != "en":
            doc["lang"] = lang
        docs.append(doc)
    key = lambda r: (r["doc"], r["byte_start"], r["kind"] if "kind" in r else "")
    for name, rows in (("truth.jsonl", sorted(truth, key=key)),
                       ("mentions.jsonl", sorted(mentions, key=key)),
                       ("docs.jsonl", docs)):
        with open(HERE / name, "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    kinds = {}
    for r in truth:
        kinds[r["kind"]] = kinds.get(r["kind"], 0) + 1
    forms = {}
    for r in mentions:
        forms[r["form_kind"]] = forms.get(r["form_kind"], 0) + 1
    print("truth:", kinds, "mentions:", len(mentions), forms)


main()
