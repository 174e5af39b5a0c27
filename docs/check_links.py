#!/usr/bin/env python3
"""Check the relative links of the user guide and the README.

Every Markdown link in docs/src/*.md, README.md and benches/HISTORY.md
whose target is not a URL must name a file or folder that exists, and a
`#anchor` (in the same file or another Markdown file) must be the slug of
one of that file's headings, as GitHub and mdBook make them: lower case,
letters, digits, `-` and `_` kept, spaces to `-`, everything else dropped;
a repeated heading gets `-1`, `-2`, ... A link in docs/src must stay
inside docs/src: mdBook turns `.md` links into pages of the book, and a
file outside it is no page.

Code blocks and inline code are skipped. Exits 1 and lists every broken
link; run from anywhere: `python3 docs/check_links.py`.
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "docs" / "src"
FILES = sorted(SRC.glob("**/*.md")) + [
    ROOT / "README.md",
    ROOT / "benches" / "HISTORY.md",
]

FENCE = re.compile(r"^\s*(```|~~~)")
INLINE_CODE = re.compile(r"(`+)(.+?)\1")
# [text](target) and ![alt](target); the target ends at a space or ")".
INLINE_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$")
HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def prose_lines(text):
    """The lines outside fenced code blocks, with their 1-based numbers."""
    fenced = False
    for number, line in enumerate(text.split("\n"), 1):
        if FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            yield number, line


def slug(heading):
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # links: their text
    text = re.sub(r"<[^>]+>", "", text)  # HTML tags
    text = text.replace("`", "").replace("*", "")
    text = text.strip().lower()
    kept = "".join(c for c in text if c.isalnum() or c in "-_ ")
    return kept.replace(" ", "-")


_anchors = {}


def anchors(path):
    if path not in _anchors:
        seen = {}
        found = set()
        for _, line in prose_lines(path.read_text(encoding="utf-8")):
            match = HEADING.match(line)
            if not match:
                continue
            base = slug(match.group(2))
            count = seen.get(base, 0)
            seen[base] = count + 1
            found.add(base if count == 0 else f"{base}-{count}")
        _anchors[path] = found
    return _anchors[path]


def targets(text):
    for number, line in prose_lines(text):
        line = INLINE_CODE.sub("", line)
        for match in INLINE_LINK.finditer(line):
            yield number, match.group(1)
        match = REFERENCE_DEF.match(line)
        if match:
            yield number, match.group(1)


def check(path):
    problems = []
    for number, target in targets(path.read_text(encoding="utf-8")):
        if not target or SCHEME.match(target):
            continue
        file_part, _, anchor = target.partition("#")
        where = f"{path.relative_to(ROOT)}:{number}: {target}"
        goal = path if not file_part else (path.parent / file_part).resolve()
        if SRC in path.parents and SRC not in goal.parents and goal != SRC:
            problems.append(f"{where}: leaves docs/src, so the built book has no such page")
            continue
        if not goal.exists():
            problems.append(f"{where}: no such file")
            continue
        if anchor:
            if goal.is_dir() or goal.suffix != ".md":
                problems.append(f"{where}: an anchor into a file that is not Markdown")
            elif anchor not in anchors(goal):
                problems.append(f"{where}: no heading with this anchor in {goal.relative_to(ROOT)}")
    return problems


def main():
    problems = [problem for path in FILES for problem in check(path)]
    for problem in problems:
        print(problem)
    checked = len(FILES)
    if problems:
        print(f"{len(problems)} broken link(s) in {checked} files", file=sys.stderr)
        return 1
    print(f"links: {checked} files, every relative link and anchor resolves")
    return 0


if __name__ == "__main__":
    sys.exit(main())
