#!/usr/bin/env python3
"""Writes a synthetic termlint glossary of N concepts, deterministically.

Names are built from Arabic/Persian-style syllables, and each concept gets
transliteration variants made with the same alternations real romanizations
use (q/k/gh, kh/h, ou/u, -ah/-a, al-/el-), as admitted and deprecated forms.

    python3 benches/gen_glossary.py 10000 > /tmp/g10k.toml
    python3 benches/gen_glossary.py 10000 --seed 7 --forms /tmp/forms.txt > /tmp/g10k.toml

--forms writes every form, one per line (for `rg -F -f`).
"""
import argparse
import random

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
            replaced = form[:index] + b + form[index + len(a):]
            return replaced[0].upper() + replaced[1:]
    return form + "h" if form.endswith("a") else form + "a"


def quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--forms", help="also write every form, one per line, to this file")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    seen = set()
    forms = []
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
        out.append(
            f"[[concept]]\nid = \"c{made}\"\nkind = \"person\"\nsource = [\"synthetic\"]\n"
            f"[concept.lang.en]\npreferred = {quote(preferred)}\n"
            f"admitted = [{quote(admitted)}]\ndeprecated = [{quote(deprecated)}]\n"
        )
    print("\n".join(out))
    if args.forms:
        with open(args.forms, "w", encoding="utf-8") as handle:
            handle.write("\n".join(forms) + "\n")


if __name__ == "__main__":
    main()
