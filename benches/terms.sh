#!/usr/bin/env bash
# Whole-process benchmark on a terminology glossary: a documentation team's
# own vocabulary, which nearly every file names (the opposite of a glossary
# of rare names, which benches/compare.sh measures).
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
# then prints hyperfine's table and the findings of the default run per
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
        -h | --help) sed -n '2,20p' "$0"; exit 0 ;;
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
echo "$(date -u +%F), $(nproc) cores, $(rg --version | head -1), $(typos --version)"
cat "$work/table.md"
python3 - "$work/findings.json" <<'PY'
import collections, json, sys
report = json.load(open(sys.argv[1]))
counts = collections.Counter(f["check"] for f in report["findings"])
print("\ntermlint findings (default configuration):", dict(sorted(counts.items())))
PY
