#!/usr/bin/env python3
"""Writes a synthetic English prose corpus of Markdown files, deterministically.

    python3 benches/gen_corpus.py OUT_DIR --mb 50 --files 3000 --seed 1

The prose is made from a small built-in vocabulary with sentence templates
(subject, verb, object, adjuncts), so it has the word lengths, punctuation
and line lengths of news-like English without copying any real text. Files
get a title, headings, paragraphs and the odd list, so that Markdown parsing
costs what it costs on real documentation. The same seed, size and file
count always give byte-identical files.

Names from a glossary are planted afterwards by `gen_glossary.py --plant`.
"""
import argparse
import os
import random

SUBJECTS = [
    "the minister", "the committee", "officials", "the agency", "local residents", "the report",
    "analysts", "the government", "the delegation", "observers", "the court", "the company",
    "the council", "researchers", "the spokesman", "the commission", "witnesses", "the board",
    "the authorities", "several groups", "the mayor", "the union", "investors", "the police",
]
VERBS = [
    "said", "announced", "denied", "confirmed", "reported", "questioned", "welcomed", "rejected",
    "approved", "reviewed", "described", "criticised", "supported", "delayed", "published",
    "discussed", "examined", "proposed", "accepted", "postponed", "considered", "outlined",
]
OBJECTS = [
    "the new agreement", "a revised budget", "the border crossing", "the trade deal",
    "an independent inquiry", "the security plan", "the election results", "a draft law",
    "the water supply", "new sanctions", "the pipeline project", "the ceasefire", "a joint statement",
    "the housing programme", "the transport network", "the annual figures", "the proposal",
    "a series of reforms", "the tax changes", "the final report", "the court ruling",
]
ADJUNCTS = [
    "on Tuesday", "last week", "after a long meeting", "in the capital", "according to a statement",
    "despite strong objections", "for the second time this year", "without further comment",
    "in a brief interview", "at a press conference", "earlier this month", "in the northern region",
    "before the end of the session", "under growing pressure", "with some reservations",
    "in a letter to parliament", "during a visit abroad", "ahead of the summit",
]
CLAUSES = [
    "which had been expected for months", "although no date was given", "while talks continued",
    "as prices rose again", "because the deadline had passed", "so that work could resume",
    "even though funding remained uncertain", "after earlier drafts were withdrawn",
]
HEADINGS = [
    "Background", "Reactions", "Next steps", "Context", "Details", "Analysis", "Timeline",
    "What changes", "Costs", "Opposition", "Regional impact", "Outlook",
]


def sentence(rng):
    parts = [rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(OBJECTS)]
    if rng.random() < 0.7:
        parts.append(rng.choice(ADJUNCTS))
    if rng.random() < 0.3:
        parts[-1] += ","
        parts.append(rng.choice(CLAUSES))
    text = " ".join(parts)
    return text[0].upper() + text[1:] + "."


def paragraph(rng):
    # Lines wrapped near 80 columns, as hand-written Markdown usually is.
    words = " ".join(sentence(rng) for _ in range(rng.randint(2, 6))).split(" ")
    lines, line = [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > 78:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "\n".join(lines)


def document(rng, target):
    blocks = [f"# {rng.choice(HEADINGS)}: {rng.choice(OBJECTS)}"]
    size = len(blocks[0])
    while size < target:
        roll = rng.random()
        if roll < 0.08:
            block = "## " + rng.choice(HEADINGS)
        elif roll < 0.15:
            block = "\n".join("- " + sentence(rng) for _ in range(rng.randint(2, 5)))
        else:
            block = paragraph(rng)
        blocks.append(block)
        size += len(block) + 2
    return "\n\n".join(blocks) + "\n"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out_dir")
    parser.add_argument("--mb", type=float, default=50, help="total size in MB (10^6 bytes)")
    parser.add_argument("--files", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    mean = args.mb * 1_000_000 / args.files
    for index in range(args.files):
        # Sizes vary from a third to about twice the mean, like real docs.
        target = int(mean * rng.uniform(0.33, 1.67))
        # 100 files per folder, so the walk has folders to descend into.
        folder = os.path.join(args.out_dir, f"part{index // 100:03d}")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"doc{index:05d}.md"), "w", encoding="utf-8") as handle:
            handle.write(document(rng, target))


if __name__ == "__main__":
    main()
