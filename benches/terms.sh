#!/usr/bin/env bash
# Whole-process benchmark on a terminology glossary: a documentation team's
# own vocabulary, which nearly every file names; and, over the same tree,
# on a glossary of rare names (the synthetic 10,000-concept glossary of
# benches/gen_glossary.py, which benches/compare.sh measures in depth), so
# that the two kinds of glossary are seen side by side.
#
#   benches/terms.sh [--shared DIR] [--runs N]
#
# Needs the developers' data folder (default ../shared): bench/terms-10k.tbx
# (8,359 concepts, 10,000 deprecated forms), bench/forbidden-10k.txt and
# bench/typos-10k.toml (the same forms for ripgrep and typos), and
# corpus/vba-docs. Run by hand on a quiet machine; .ci/run does not run it.
# It builds termlint in release, warms the compiled-glossary cache, and
# times with hyperfine (output read through a pipe, as ripgrep stops at the
# first match when it writes to /dev/null):
#   - `rg -F -f`, typos, and termlint with the default configuration;
#   - termlint with each check off in turn (`[checks] NAME = "off"`);
#   - termlint on one thread and on two (RAYON_NUM_THREADS);
#   - the same for the name glossary: `rg -F -f` of its forms, termlint
#     default and with each check off;
# then prints hyperfine's tables and the findings of each default run per
# check. Results land in target/bench-terms/.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
shared="$repo/../shared"
runs=3
while [[ $# -gt 0 ]]; do
    case "$1" in
        --shared) shared="$2"; shift ;;
        --runs) runs="$2"; shift ;;
        -h | --help) sed -n '2,23p' "$0"; exit 0 ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
    shift
done
bench="$shared/bench"
corpus="$shared/corpus/vba-docs"
for needed in "$bench/terms-10k.tbx" "$bench/forbidden-10k.txt" "$bench/typos-10k.toml" "$corpus"; do
    [[ -e $needed ]] || { echo "missing: $needed" >&2; exit 2; }
done
for tool in hyperfine rg typos; do
    command -v "$tool" >/dev/null || { echo "needs $tool on PATH" >&2; exit 2; }
done

(cd "$repo" && cargo build --release --quiet)
termlint="$repo/target/release/termlint"
work="$repo/target/bench-terms"
mkdir -p "$work"
export TERMLINT_CACHE_DIR="$work/cache"

check="$termlint check --no-default-glossary --glossary $bench/terms-10k.tbx --format json"
commands=(
    -n "rg -F -f" "rg -F -f $bench/forbidden-10k.txt $corpus"
    -n "typos" "typos --config $bench/typos-10k.toml --format json $corpus"
    -n "termlint" "$check --no-config $corpus"
)
for off in unlisted inconsistent deprecated; do
    printf '[checks]\n%s = "off"\n' "$off" >"$work/no-$off.toml"
    commands+=(-n "termlint, $off off" "$check --config $work/no-$off.toml $corpus")
done
commands+=(
    -n "termlint, 1 thread" "env RAYON_NUM_THREADS=1 $check --no-config $corpus"
    -n "termlint, 2 threads" "env RAYON_NUM_THREADS=2 $check --no-config $corpus"
)

$check --no-config "$corpus" >"$work/findings.json" || true
hyperfine -N -i -w 1 -r "$runs" --output=pipe --export-markdown "$work/table.md" "${commands[@]}" >/dev/null

# The name glossary over the same tree.
python3 "$here/gen_glossary.py" 10000 --seed 1 --forms "$work/names-forms.txt" >"$work/names-10k.toml"
names="$termlint check --no-default-glossary --glossary $work/names-10k.toml --format json"
name_commands=(
    -n "rg -F -f (names)" "rg -F -f $work/names-forms.txt $corpus"
    -n "termlint (names)" "$names --no-config $corpus"
)
for off in unlisted inconsistent deprecated; do
    name_commands+=(-n "termlint (names), $off off" "$names --config $work/no-$off.toml $corpus")
done
$names --no-config "$corpus" >"$work/names-findings.json" || true
hyperfine -N -i -w 1 -r "$runs" --output=pipe --export-markdown "$work/names-table.md" \
    "${name_commands[@]}" >/dev/null

echo "$(date -u +%F), $(nproc) cores, $(rg --version | head -1), $(typos --version)"
echo
echo "Terminology glossary (terms-10k.tbx) over $corpus:"
cat "$work/table.md"
echo
echo "Name glossary (gen_glossary.py 10000) over the same tree:"
cat "$work/names-table.md"
python3 - "$work/findings.json" "$work/names-findings.json" <<'PY'
import collections, json, sys
for label, path in zip(["terms", "names"], sys.argv[1:]):
    report = json.load(open(path))
    counts = collections.Counter(f["check"] for f in report["findings"])
    print(f"\ntermlint findings, {label} (default configuration):", dict(sorted(counts.items())))
PY
