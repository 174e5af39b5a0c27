#!/usr/bin/env python3
"""Writes a synthetic Russian text of about N megabytes, deterministically,
for timing the unlisted check on Cyrillic prose.

    python3 benches/gen_russian.py 10 > /tmp/ru-10mb.txt

Words are drawn from wordlists/ru.txt (inflected forms ranked by
frequency) with Zipf weights, in sentences of 6 to 24 words that start
with a capital; one word in 25 is capitalized as a proper noun would be
(most of them names the glossary does not know), and one sentence in 40
names a Russian form of the shipped glossary, sometimes with a case
ending. Paragraphs of 3 to 8 sentences.
"""
import pathlib
import random
import sys
import tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent


def glossary_forms(lang):
    forms = []
    for path in sorted((ROOT / "glossary").glob("*.toml")):
        for concept in tomllib.loads(path.read_text())["concept"]:
            terms = concept.get("lang", {}).get(lang)
            if not terms:
                continue
            for key in ("preferred", "admitted", "deprecated"):
                value = terms.get(key, [])
                for term in value if isinstance(value, list) else [value]:
                    forms.append(term if isinstance(term, str) else term["term"])
    return forms


def main():
    megabytes = float(sys.argv[1]) if len(sys.argv) > 1 else 10
    rng = random.Random(1)
    words = (ROOT / "wordlists" / "ru.txt").read_text().split()
    weights = [1 / (rank + 10) for rank in range(len(words))]
    names = glossary_forms("ru")
    endings = ["", "", "а", "е", "у", "ом", "ы", "ой"]
    target = int(megabytes * 1_000_000)
    size = 0
    out = sys.stdout
    while size < target:
        paragraph = []
        for _ in range(rng.randint(3, 8)):
            sentence = rng.choices(words, weights, k=rng.randint(6, 24))
            sentence = [w.capitalize() if rng.random() < 0.04 else w for w in sentence]
            if rng.random() < 1 / 40:
                name = rng.choice(names)
                if name[-1].isalpha() and name[-1] not in "аяоеиы":
                    name += rng.choice(endings)
                sentence.insert(rng.randrange(len(sentence)), name)
            sentence[0] = sentence[0][0].upper() + sentence[0][1:]
            paragraph.append(" ".join(sentence) + ".")
        text = " ".join(paragraph) + "\n\n"
        out.write(text)
        size += len(text.encode("utf-8"))


main()
