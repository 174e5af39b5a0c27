#!/usr/bin/env bash
# A translation memory beside the same text as plain text (issue 19): does
# reading TMX, pairing units and the bilingual and segment-consistency
# checks cost less than twice what plain text costs?
#
#   benches/tmx.sh [--units N] [--runs N] [--seed S]
#
# Writes with benches/gen_tmx.py a TMX memory of N units (default 100,000;
# an English and a Russian segment each) and the same sources and targets as
# two plain-text files (one unit per paragraph), then times with hyperfine
# (-N, output read through a pipe) `termlint check` with the shipped
# glossary on the TMX and on the two text files (the Russian file read as
# Russian through [languages]), and prints the ratio of the means. Builds
# termlint in release in $CARGO_TARGET_DIR (default target/). Run by hand on
# a quiet machine; CI does not run it. Results land in
# $CARGO_TARGET_DIR/bench-tmx/.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
units=100000
runs=5
seed=1
while [[ $# -gt 0 ]]; do
    case "$1" in
        --units) units="$2"; shift ;;
        --runs) runs="$2"; shift ;;
        --seed) seed="$2"; shift ;;
        -h | --help) sed -n '2,17p' "$0"; exit 0 ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
    shift
done
command -v hyperfine >/dev/null || { echo "needs hyperfine on PATH" >&2; exit 2; }

target="${CARGO_TARGET_DIR:-$repo/target}"
(cd "$repo" && cargo build --release --quiet)
termlint="$target/release/termlint"
work="$target/bench-tmx"
mkdir -p "$work"
python3 "$here/gen_tmx.py" "$work" --units "$units" --seed "$seed"
printf '[languages]\n"*.ru.txt" = "ru"\n"*.en.txt" = "en"\n' >"$work/termlint.toml"
export TERMLINT_CACHE_DIR="$work/cache"

check="$termlint check --config $work/termlint.toml --format json"
# Through a pipe: the report is written as it would be to a consumer.
hyperfine -N --warmup 1 --runs "$runs" --ignore-failure \
    --export-json "$work/results.json" \
    -n "TMX" "sh -c '$check $work/memory.tmx | cat >/dev/null'" \
    -n "plain text" "sh -c '$check $work/source.en.txt $work/target.ru.txt | cat >/dev/null'"
python3 - "$work/results.json" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
tmx, text = results["TMX"]["mean"], results["plain text"]["mean"]
print(f"TMX {tmx:.3f} s, plain text {text:.3f} s: {tmx / text:.2f}x")
PY
for input in "$work/memory.tmx" "$work/source.en.txt $work/target.ru.txt"; do
    # shellcheck disable=SC2086
    $check $input | python3 -c '
import collections, json, sys
report = json.load(sys.stdin)
counts = collections.Counter(f["check"] for f in report["findings"])
print(sys.argv[1], dict(sorted(counts.items())))' "$input" || true
done
ls -l "$work/memory.tmx" "$work/source.en.txt" "$work/target.ru.txt"
