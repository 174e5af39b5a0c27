#!/usr/bin/env python3
"""Writes a synthetic termlint glossary of N concepts, deterministically.

Names are built from Arabic/Persian-style syllables, and each concept gets
transliteration variants made with the same alternations real romanizations
use (q/k/gh, kh/h, ou/u, -ah/-a, al-/el-), as admitted and deprecated forms.

    python3 benches/gen_glossary.py 10000 > /tmp/g10k.toml
    python3 benches/gen_glossary.py 10000 --seed 7 --forms /tmp/forms.txt > /tmp/g10k.toml

--forms writes every form, one per line (for `rg -F -f`).

The concepts depend only on the seed, not on N: the 1,000-concept glossary
is the first 1,000 concepts of the 10,000-concept one with the same seed, so
forms planted from the smaller one are in every larger one too.

--typos writes a typos config (`[default.extend-words]`) mapping each word of
a deprecated form that differs from the preferred form to the preferred
word: the closest a word-based checker gets to the glossary. Words that are
also part of some preferred or admitted form are left out (typos would flag
correct names), and so are English words of the corpus generator's prose.

--plant DIR appends a sentence naming a form to --plant-count Markdown files
under DIR (each file at most once, forms from the first --plant-from concepts,
deprecated or preferred, half and half), and --manifest writes what was
planted as JSON, with the counts each tool is expected to find:

    python3 benches/gen_glossary.py 1000 --plant corpus/ --manifest planted.json > g1k.toml
"""
import argparse
import json
import os
import random
import re

ONSETS = ["b", "d", "f", "gh", "h", "j", "k", "kh", "l", "m", "n", "q", "r", "s", "sh", "t", "z", "dh"]
VOWELS = ["a", "i", "u", "o", "e"]
CODAS = ["", "", "n", "r", "m", "l", "d", "s", "h"]
ALTERNATIONS = [("q", "k"), ("kh", "h"), ("u", "ou"), ("dh", "z"), ("i", "ee"), ("sh", "ch")]


def word(rng):
    syllables = rng.randint(2, 3)
    return "".join(rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS) for _ in range(syllables))


def name(rng):
    parts = [word(rng).capitalize() for _ in range(rng.randint(2, 3))]
    if rng.random() < 0.5:
        parts.insert(rng.randint(1, len(parts) - 1), "al-" + word(rng).capitalize())
        parts = " ".join(parts).replace(" al-", " al-").split(" ")
    return " ".join(parts)


def variant(form, rng):
    for a, b in rng.sample(ALTERNATIONS, len(ALTERNATIONS)):
        if a in form.lower():
            index = form.lower().index(a)
            # Keep a capital where the alternation starts a word ("Dh" -> "Z").
            b = b.capitalize() if form[index].isupper() else b
            replaced = form[:index] + b + form[index + len(a):]
            return replaced[0].upper() + replaced[1:]
    return form + "h" if form.endswith("a") else form + "a"


def quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def tokens(form):
    """Words as typos splits them: runs of letters (so "al-Khadir" is two)."""
    return re.findall(r"[A-Za-z]+", form)


def typos_map(concepts):
    """Deprecated word -> preferred word, for words typos can express."""
    try:
        import gen_corpus  # beside this script: its English words

        english = {
            word.lower()
            for group in (gen_corpus.SUBJECTS, gen_corpus.VERBS, gen_corpus.OBJECTS, gen_corpus.ADJUNCTS,
                          gen_corpus.CLAUSES, gen_corpus.HEADINGS)
            for phrase in group
            for word in tokens(phrase)
        }
    except ImportError:
        english = set()
    allowed = {word.lower() for preferred, admitted, _ in concepts for form in (preferred, admitted)
               for word in tokens(form)}
    mapping = {}
    for preferred, _, deprecated in concepts:
        wrong, right = tokens(deprecated), tokens(preferred)
        if len(wrong) != len(right):
            continue
        for bad, good in zip(wrong, right):
            key = bad.lower()
            if key != good.lower() and key not in allowed and key not in english:
                mapping.setdefault(key, good.lower())
    return mapping


def plant(concepts, directory, count, source_count, rng):
    """Appends one sentence with a form to each of `count` Markdown files."""
    files = sorted(
        os.path.join(root, name)
        for root, _, names in os.walk(directory)
        for name in names
        if name.endswith(".md")
    )
    if count > len(files):
        raise SystemExit(f"--plant-count {count} is more than the {len(files)} Markdown files in {directory}")
    planted = []
    for index, path in enumerate(sorted(rng.sample(files, count))):
        concept = rng.randrange(min(source_count, len(concepts)))
        kind = "deprecated" if index % 2 == 0 else "preferred"
        preferred, _, deprecated = concepts[concept]
        form = deprecated if kind == "deprecated" else preferred
        with open(path, "a", encoding="utf-8") as handle:
            # A paragraph of its own at the end: never inside a list or a
            # code block the file opened earlier (real corpora are not ours).
            handle.write(f"\n\nReporters later spoke to {form} about the plan.\n")
        planted.append({"path": os.path.relpath(path, directory), "concept": f"c{concept + 1}",
                        "kind": kind, "form": form})
    return planted


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--forms", help="also write every form, one per line, to this file")
    parser.add_argument("--typos", help="also write a typos config with the deprecated words to this file")
    parser.add_argument("--plant", metavar="DIR", help="plant forms into the Markdown files under DIR")
    parser.add_argument("--plant-count", type=int, default=1000)
    parser.add_argument("--plant-from", type=int, default=1000, help="plant forms of the first K concepts only")
    parser.add_argument("--manifest", help="write the planted forms and expected counts (JSON) here")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    seen = set()
    forms = []
    concepts = []
    out = []
    made = 0
    while made < args.count:
        preferred = name(rng)
        admitted = variant(preferred, rng)
        deprecated = variant(admitted, rng)
        group = [preferred, admitted, deprecated]
        keys = {f.lower().replace("-", " ") for f in group}
        if keys & seen or len(keys) < 3:
            continue
        seen |= keys
        made += 1
        forms.extend(group)
        concepts.append(group)
        out.append(
            f"[[concept]]\nid = \"c{made}\"\nkind = \"person\"\nsource = [\"synthetic\"]\n"
            f"[concept.lang.en]\npreferred = {quote(preferred)}\n"
            f"admitted = [{quote(admitted)}]\ndeprecated = [{quote(deprecated)}]\n"
        )
    print("\n".join(out))
    if args.forms:
        with open(args.forms, "w", encoding="utf-8") as handle:
            handle.write("\n".join(forms) + "\n")
    if args.typos:
        with open(args.typos, "w", encoding="utf-8") as handle:
            handle.write("[default.extend-words]\n")
            handle.writelines(f'{bad} = "{good}"\n' for bad, good in sorted(typos_map(concepts).items()))
    if args.plant:
        # Its own generator, so planting does not change the glossary.
        planted = plant(concepts, args.plant, args.plant_count, args.plant_from, random.Random(args.seed * 7919))
        if args.manifest:
            with open(args.manifest, "w", encoding="utf-8") as handle:
                json.dump({"planted": planted, "deprecated": sum(p["kind"] == "deprecated" for p in planted),
                           "preferred": sum(p["kind"] == "preferred" for p in planted)}, handle, indent=1)


if __name__ == "__main__":
    main()
