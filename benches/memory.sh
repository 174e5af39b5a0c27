#!/usr/bin/env bash
# Whole-process memory bound (issue 8): does termlint's peak memory stay flat
# when the tree it checks grows from 50 MB to 1 GB?
#
#   benches/memory.sh [WORK_DIR] [--seed S] [--plant] [--single] [--keep]
#
# Run by hand (a few minutes, 1.1 GB of disk, 2.2 GB with --single); .ci/run
# does not run it. It
#   1. builds termlint in release;
#   2. writes a 50 MB corpus of 3,000 Markdown files (benches/gen_corpus.py)
#      and a 10,000-concept glossary (benches/gen_glossary.py), both
#      deterministic from the seed; with --plant, plants 1,000 forms of the
#      first 1,000 concepts (500 of them deprecated) into the corpus, as
#      compare.sh does, so that 500 files have findings;
#   3. makes a 1 GB tree: the corpus copied 20 times into subfolders;
#   4. runs `termlint check --no-config --no-default-glossary --glossary G
#      --format json` on each under /usr/bin/time -v, and prints the peak
#      RSS of both and their ratio;
#   5. with --single, also checks one 1 GB file (the corpus concatenated 20
#      times) and prints its peak RSS (no bound: one file is held whole);
#   6. deletes the 1 GB tree and file, unless --keep.
# It fails (exit 1) when the 1 GB tree's peak RSS is more than 1.5 times the
# 50 MB tree's (see BOUND), and exits 2 when termlint fails or the disk is
# too small.
#
# Everything lands in WORK_DIR (default target/bench-memory); results/ keeps
# the /usr/bin/time logs and termlint's output.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"

work="$repo/target/bench-memory"
seed=1
plant=0
single=0
keep=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --seed) seed="$2"; shift ;;
        --plant) plant=1 ;;
        --single) single=1 ;;
        --keep) keep=1 ;;
        -h | --help) sed -n '2,26p' "$0"; exit 0 ;;
        -*) echo "unknown argument: $1" >&2; exit 2 ;;
        *) work="$1" ;;
    esac
    shift
done

# Most of the peak is fixed: the compiled glossary (automaton and the index
# for unlisted spellings) and each thread's buffers. What may grow with the
# tree is per-file bookkeeping: every file's path and (empty) result are kept
# until the report, about 0.5 KB a file, 30 MB for the 57,000 more files of
# the 1 GB tree. Anything kept per byte read (a file's text, its folded copy)
# would multiply by 20 with the tree. 1.5 leaves room for the bookkeeping and
# allocator noise, not for memory that follows the bytes read. Files with
# findings keep their text for the report (--plant shows it: the bound fails).
BOUND=1.5
copies=20

[[ -x /usr/bin/time ]] || { apt-get update && apt-get install -y time; }
(cd "$repo" && cargo build --release --quiet)
termlint="$repo/target/release/termlint"

mkdir -p "$work"
work="$(cd "$work" && pwd)"
need_mb=$(( 60 * (copies + 2) ))
[[ $single == 1 ]] && need_mb=$(( need_mb + 55 * copies ))
avail_mb=$(df --output=avail -BM "$work" | tail -1 | tr -dc 0-9)
if (( avail_mb < need_mb )); then
    echo "memory.sh: $work has $avail_mb MB free, $need_mb MB needed" >&2
    exit 2
fi

rm -rf "$work/corpus" "$work/tree-1gb" "$work/single-1gb.md" "$work/results" "$work/planted.json"
mkdir -p "$work/results"
res="$work/results"
python3 "$here/gen_corpus.py" "$work/corpus" --mb 50 --files 3000 --seed "$seed"
python3 "$here/gen_glossary.py" 10000 --seed "$seed" > "$work/glossary-10000.toml"
if [[ $plant == 1 ]]; then
    python3 "$here/gen_glossary.py" 1000 --seed "$seed" --plant "$work/corpus" --plant-count 1000 \
        --manifest "$work/planted.json" > /dev/null
fi
mkdir "$work/tree-1gb"
for i in $(seq -w 1 "$copies"); do
    cp -r "$work/corpus" "$work/tree-1gb/copy-$i"
done

# Both measured runs read the compiled glossary from a cache of their own,
# filled here first: otherwise the first run alone would also compile it.
export TERMLINT_CACHE_DIR="$work/cache"
"$termlint" check --no-config --no-default-glossary --glossary "$work/glossary-10000.toml" \
    --format json /dev/null > /dev/null 2>&1 || true

# Runs termlint on $2 under /usr/bin/time -v; prints "KiB seconds findings".
measure() {
    local name="$1" target="$2" status=0
    /usr/bin/time -v -o "$res/$name.time" "$termlint" check --no-config --no-default-glossary \
        --glossary "$work/glossary-10000.toml" --format json "$target" \
        > "$res/$name.json" 2> "$res/$name.err" || status=$?
    if (( status > 1 )); then
        echo "memory.sh: termlint exited $status on $target (see $res/$name.err)" >&2
        exit 2
    fi
    python3 - "$res/$name.time" "$res/$name.json" <<'EOF'
import json, re, sys
log = open(sys.argv[1]).read()
kib = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", log).group(1))
wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", log).group(1)
seconds = sum(float(part) * 60 ** i for i, part in enumerate(reversed(wall.split(":"))))
summary = json.load(open(sys.argv[2]))["summary"]
print(kib, f"{seconds:.1f}", summary["findings"], summary["files"])
EOF
}

report() { # label kib seconds findings files
    printf '%-22s peak RSS %8d KiB (%5d MiB)  %7s s  %6d files  %6d findings\n' \
        "$1" "$2" $(( $2 / 1024 )) "$3" "$5" "$4"
}

# (Assigned first: `set -e` then stops the script when measure exits 2.)
small="$(measure tree-50mb "$work/corpus")"
big="$(measure tree-1gb "$work/tree-1gb")"
read -r small_kib small_s small_findings small_files <<< "$small"
read -r big_kib big_s big_findings big_files <<< "$big"
echo
echo "termlint $("$termlint" --version | cut -d' ' -f2), seed $seed$([[ $plant == 1 ]] && echo ', 1,000 forms planted'), $(nproc) cores"
report "50 MB tree" "$small_kib" "$small_s" "$small_findings" "$small_files"
report "1 GB tree" "$big_kib" "$big_s" "$big_findings" "$big_files"
if [[ $single == 1 ]]; then
    for i in $(seq 1 "$copies"); do
        find "$work/corpus" -type f -name '*.md' -print0 | sort -z | xargs -0 cat
    done > "$work/single-1gb.md"
    one="$(measure single-1gb "$work/single-1gb.md")"
    read -r one_kib one_s one_findings one_files <<< "$one"
    report "1 GB single file" "$one_kib" "$one_s" "$one_findings" "$one_files"
fi
ratio=$(awk -v a="$big_kib" -v b="$small_kib" 'BEGIN { printf "%.2f", a / b }')
[[ $keep == 1 ]] || rm -rf "$work/tree-1gb" "$work/single-1gb.md"
if awk -v r="$ratio" -v bound="$BOUND" 'BEGIN { exit !(r > bound) }'; then
    echo "1 GB / 50 MB peak RSS: ${ratio}× — more than ${BOUND}×: memory grows with the tree"
    exit 1
fi
echo "1 GB / 50 MB peak RSS: ${ratio}× (bound ${BOUND}×)"
