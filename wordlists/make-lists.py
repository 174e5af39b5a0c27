"""Make wordlists/ru.txt and wordlists/fa.txt; see wordlists/README.md.

    python3 wordlists/make-lists.py ru 70000 ru-unmunch.txt > wordlists/ru.txt
    python3 wordlists/make-lists.py fa 100000 hazm/data/words.dat > wordlists/fa.txt

Run from the repository's root (it reads glossary/*.toml).
"""
import glob
import re
import sys
import tomllib
import unicodedata

import wordfreq


def fold(word):
    """termlint's folding of one word (src/text/fold.rs); a Rust test holds
    every shipped line unchanged by fold_term."""
    word = word.lower().replace("ё", "е").replace("й", "\0")
    word = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    word = word.replace("\0", "й")
    for a, b in (("ی", "ي"), ("ى", "ي"), ("ک", "ك"), ("ٱ", "ا"), ("ة", "ه")):
        word = word.replace(a, b)
    return "".join(c for c in word if c not in "\u200c\u200d\u0640\u00ad")


def glossary_words():
    """Every one-word form of a concept whose other spellings are looked
    for, and every word of four letters or more of a person's or a place's
    forms that is capitalized or of a script without case, in any language:
    the rule of tests/common_words.rs."""
    out = set()
    for path in sorted(glob.glob("glossary/*.toml")):
        for concept in tomllib.load(open(path, "rb"))["concept"]:
            if not concept.get("unlisted", concept.get("kind") != "term"):
                continue
            for terms in concept.get("lang", {}).values():
                for key in ("preferred", "admitted", "deprecated"):
                    value = terms.get(key)
                    for item in value if isinstance(value, list) else [value] if value else []:
                        text = item if isinstance(item, str) else item["term"]
                        parts = [w for w in re.split(r"[\s\-\u2010-\u2015]+", text) if fold(w)]
                        if len(parts) == 1:
                            out.add(fold(parts[0]))
                        elif concept.get("kind") in ("person", "place"):
                            out.update(fold(w) for w in parts if len(fold(w)) >= 4 and not w[:1].islower())
    return out


def russian_lexicon(unmunched):
    """The surface forms of the lower-case entries of Lebedev's dictionary,
    which capitalizes proper names, less any form a name shares."""
    words = open(unmunched, encoding="utf-8").read().split()
    names = {fold(w) for w in words if w[:1].isupper()}
    return {fold(w) for w in words if w[:1].islower() and w.isalpha()} - names


def persian_lexicon(words_dat):
    """The words of hazm's lexicon (first column of words.dat)."""
    return {fold(line.split("\t")[0].strip()) for line in open(words_dat, encoding="utf-8")}


def most_frequent(language, lexicon, n, excluded):
    """The n most frequent words of wordfreq's list that the lexicon holds."""
    wordlist = "large" if language == "ru" else "best"
    kept = []
    for word in wordfreq.top_n_list(language, 10**7, wordlist=wordlist):
        word = fold(word)
        if word in lexicon and word not in excluded:
            kept.append(word)
            excluded.add(word)
            if len(kept) == n:
                break
    return kept


def main():
    language, n, source = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    lexicon = russian_lexicon(source) if language == "ru" else persian_lexicon(source)
    words = most_frequent(language, lexicon, n, glossary_words())
    sys.stdout.buffer.write("".join(w + "\n" for w in sorted(words, key=str.encode)).encode())


main()
