#!/usr/bin/env python3
"""Writes a synthetic English-to-Russian TMX memory and the same text as plain
text, deterministically.

    python3 benches/gen_tmx.py OUT_DIR --units 100000 --seed 1

Writes OUT_DIR/memory.tmx (one <tu> per unit, an English and a Russian
<tuv>, UTF-8) and OUT_DIR/source.en.txt and OUT_DIR/target.ru.txt: each
unit's source and target, one per paragraph (a blank line between units),
so that plain text is cut into the same stretches the TMX is. Sentences are
made from small built-in templates (no real text is copied); about one unit
in six names a place of the shipped glossary, in its preferred form or a
deprecated one (Kirman, Кирман), and about one in a hundred repeats an
earlier source with another translation, so every check has work to do.
"""
import argparse
import os
import random
from xml.sax.saxutils import escape

# (English, Russian) pairs: the Russian is a fair rendering of the English.
SUBJECTS = [
    ("The committee", "Комитет"), ("The delegation", "Делегация"), ("The ministry", "Министерство"),
    ("The council", "Совет"), ("The agency", "Агентство"), ("The commission", "Комиссия"),
    ("The court", "Суд"), ("The company", "Компания"), ("The union", "Профсоюз"),
    ("The mayor", "Мэр"), ("The board", "Правление"), ("The government", "Правительство"),
]
VERBS = [
    ("approved", "одобрил"), ("rejected", "отклонил"), ("discussed", "обсудил"),
    ("postponed", "отложил"), ("published", "опубликовал"), ("reviewed", "рассмотрел"),
    ("welcomed", "приветствовал"), ("questioned", "поставил под сомнение"),
    ("supported", "поддержал"), ("proposed", "предложил"),
]
OBJECTS = [
    ("the new agreement", "новое соглашение"), ("a revised budget", "пересмотренный бюджет"),
    ("the trade deal", "торговую сделку"), ("the security plan", "план безопасности"),
    ("a draft law", "законопроект"), ("the water project", "водный проект"),
    ("the final report", "итоговый доклад"), ("the transport plan", "транспортный план"),
    ("the annual figures", "годовые показатели"), ("a joint statement", "совместное заявление"),
    ("the housing programme", "жилищную программу"), ("the tax changes", "налоговые изменения"),
]
ADJUNCTS = [
    ("on Tuesday", "во вторник"), ("last week", "на прошлой неделе"),
    ("after a long meeting", "после долгого заседания"), ("in the capital", "в столице"),
    ("without further comment", "без дальнейших комментариев"),
    ("earlier this month", "в начале месяца"), ("for the second time", "во второй раз"),
    ("at a press conference", "на пресс-конференции"), ("in the northern region", "в северном регионе"),
]
# Places of the shipped glossary, with a deprecated spelling where it has one,
# as ("in X" English, "в X" Russian, prepositional case).
PLACES = [
    ("in Kerman", "в Кермане"), ("in Kirman", "в Кирмане"),
    ("in Khorasan", "в Хорасане"), ("in Mashhad", "в Мешхеде"),
]


def sentence(rng):
    s, v, o, a = (rng.choice(x) for x in (SUBJECTS, VERBS, OBJECTS, ADJUNCTS))
    english = f"{s[0]} {v[0]} {o[0]} {a[0]}"
    russian = f"{s[1]} {a[1]} {v[1]} {o[1]}"
    if rng.random() < 1 / 6:
        p = rng.choice(PLACES)
        english += f" {p[0]}"
        russian += f" {p[1]}"
    return english + ".", russian + "."


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--units", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    units = []
    for _ in range(args.units):
        if units and rng.random() < 0.01:
            english, russian = rng.choice(units)
            russian = russian.rstrip(".") + ", как сообщается."
        else:
            english, russian = sentence(rng)
        units.append((english, russian))
    with open(os.path.join(args.out, "memory.tmx"), "w", encoding="utf-8", newline="\n") as tmx:
        tmx.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n')
        tmx.write('<header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" '
                  'o-tmf="gen_tmx" creationtool="gen_tmx.py" creationtoolversion="1"/>\n<body>\n')
        for n, (english, russian) in enumerate(units, 1):
            tmx.write(f'<tu tuid="{n}">\n <tuv xml:lang="en"><seg>{escape(english)}</seg></tuv>\n'
                      f' <tuv xml:lang="ru"><seg>{escape(russian)}</seg></tuv>\n</tu>\n')
        tmx.write("</body>\n</tmx>\n")
    for name, side in (("source.en.txt", 0), ("target.ru.txt", 1)):
        with open(os.path.join(args.out, name), "w", encoding="utf-8", newline="\n") as txt:
            txt.write("\n\n".join(unit[side] for unit in units) + "\n")


if __name__ == "__main__":
    main()
