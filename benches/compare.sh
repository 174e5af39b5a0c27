#!/usr/bin/env bash
# Whole-process benchmark of termlint against ripgrep and typos (issue 7).
#
#   benches/compare.sh [--quick] [--corpus DIR] [--seed S] [--runs N] [--work DIR]
#
# Run by hand (it takes minutes and wants a quiet machine); .ci/run does not
# run it. It
#   1. builds termlint in release and installs ripgrep, hyperfine and typos
#      when missing;
#   2. makes the corpus: a synthetic English prose corpus from the seed
#      (50 MB in 3,000 Markdown files; --quick: 5 MB in 300), or a copy of
#      --corpus DIR (e.g. ../shared/corpus), plus the whole corpus
#      concatenated into one file;
#   3. makes glossaries of 1,000, 10,000 and 100,000 concepts from the seed
#      (--quick: 1,000 and 10,000), and plants forms of the first 1,000
#      concepts into the corpus (every glossary holds those, so every size
#      has the same expected count);
#   4. times with hyperfine, per glossary size, termlint (unlisted off, and
#      on), `rg -F -f FORMS`, `rg -F -i -w -f FORMS` and typos with the
#      deprecated words in extend-words; measures peak RSS and findings with
#      /usr/bin/time -v; then one vs two threads, one large file, startup
#      with the shipped glossary and each glossary's load (from the
#      compiled-glossary cache in --work, and without it: "no cache");
#   5. prints the table (benches/compare_report.py), and fails when a tool
#      did not find the planted forms it can express.
#
# Everything lands in --work (default target/bench): results/ keeps the
# hyperfine JSON, the /usr/bin/time logs and each tool's output.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"

quick=0
corpus_src=""
seed=1
runs=""
work="$repo/target/bench"
while [[ $# -gt 0 ]]; do
    case "$1" in
        --quick) quick=1 ;;
        --corpus) corpus_src="$(cd "$2" && pwd)"; shift ;;
        --seed) seed="$2"; shift ;;
        --runs) runs="$2"; shift ;;
        --work) work="$2"; shift ;;
        -h | --help) sed -n '2,27p' "$0"; exit 0 ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
    shift
done

if [[ $quick == 1 ]]; then
    sizes=(1000 10000)
    corpus_mb=5 corpus_files=300 plant_count=200 runs="${runs:-3}"
else
    sizes=(1000 10000 100000)
    corpus_mb=50 corpus_files=3000 plant_count=1000 runs="${runs:-5}"
fi
# `rg -i -w` with many patterns takes minutes (it builds a Unicode-aware
# regex, not a literal automaton): time it once, and give up after this long.
slow_timeout=900

# --- tools -------------------------------------------------------------------
need_apt=()
command -v rg > /dev/null || need_apt+=(ripgrep)
command -v hyperfine > /dev/null || need_apt+=(hyperfine)
[[ -x /usr/bin/time ]] || need_apt+=(time)
if [[ ${#need_apt[@]} -gt 0 ]]; then
    apt-get update && apt-get install -y "${need_apt[@]}"
fi
command -v typos > /dev/null || cargo install typos-cli --locked
(cd "$repo" && cargo build --release --quiet)
termlint="$repo/target/release/termlint"

# --- corpus ------------------------------------------------------------------
mkdir -p "$work"
work="$(cd "$work" && pwd)"
rm -rf "$work/corpus" "$work/results"
mkdir -p "$work/results"
res="$work/results"
if [[ -n $corpus_src ]]; then
    # A copy, because planting appends to files (and shared corpora are read-only).
    cp -r "$corpus_src" "$work/corpus"
    chmod -R u+w "$work/corpus"
else
    python3 "$here/gen_corpus.py" "$work/corpus" --mb "$corpus_mb" --files "$corpus_files" --seed "$seed"
fi
corpus="$work/corpus"

# --- glossaries, forms, typos configs, planting --------------------------------
for n in "${sizes[@]}"; do
    python3 "$here/gen_glossary.py" "$n" --seed "$seed" --forms "$work/forms-$n.txt" \
        --typos "$work/typos-$n.toml" > "$work/glossary-$n.toml"
done
# Planting from the smallest glossary: its concepts are the first ones of
# every larger glossary with the same seed (gen_glossary.py makes them in order).
python3 "$here/gen_glossary.py" 1000 --seed "$seed" --plant "$corpus" --plant-count "$plant_count" \
    --manifest "$work/planted.json" > /dev/null
# One large file: the (planted) corpus concatenated, in a stable order.
find "$corpus" -type f -name '*.md' -print0 | sort -z | xargs -0 cat > "$work/single.md"
printf 'A short note that names nobody.\n' > "$work/tiny.md"

printf '[checks]\nunlisted = "off"\n' > "$work/unlisted-off.toml"
printf '[checks]\nunlisted = "warning"\n' > "$work/unlisted-on.toml"

# --- measuring ------------------------------------------------------------------
# Each command is run once under /usr/bin/time -v (peak RSS; its output is
# kept to count findings), then timed by hyperfine. --output=pipe matters:
# ripgrep stops at the first match when its output is /dev/null.
names=()
commands=()
add() { names+=("$1"); commands+=("$2"); }
key() { local k="${1//[^A-Za-z0-9@+.-]/_}"; echo "$res/$k"; }

# Writes the command to a script and prints the line that runs it once,
# keeping its output, exit status and /usr/bin/time log in results/.
measured() {
    local name="$1" command="$2" k
    k="$(key "$name")"
    printf '%s\n' "$command" > "$k.sh"
    echo "/usr/bin/time -v -o $k.time bash $k.sh > $k.out 2> $k.err; echo \$? > $k.status"
}

bench() { # file runs warmup: hyperfine over the queued commands, then clears the queue
    local file="$1" count="$2" warmup="$3" args=() i
    for i in "${!names[@]}"; do
        bash -c "$(measured "${names[$i]}" "${commands[$i]}")"
        args+=(-n "${names[$i]}" "${commands[$i]}")
    done
    # -i: every tool here exits non-zero when it finds something.
    hyperfine -i --output=pipe --style basic --warmup "$warmup" --runs "$count" \
        --export-json "$res/$file.json" "${args[@]}"
    names=()
    commands=()
}

once() { # file: one timed run per queued command that is also the measured run
    # (for commands that take minutes: /usr/bin/time and the redirection to a
    # file add milliseconds).
    local file="$1" args=() i
    for i in "${!names[@]}"; do
        args+=(-n "${names[$i]}" "$(measured "${names[$i]}" "${commands[$i]}")")
    done
    hyperfine --style basic --runs 1 --export-json "$res/$file.json" "${args[@]}"
    names=()
    commands=()
}

# The compiled-glossary cache of these runs: the first (measured) run of a
# glossary fills it, the timed runs read it; "no cache" rows compile every run.
export TERMLINT_CACHE_DIR="$work/cache"
rm -rf "$TERMLINT_CACHE_DIR"

tl_args="check --no-default-glossary --format json"
for n in "${sizes[@]}"; do
    g="$work/glossary-$n.toml"
    add "termlint@$n" "$termlint $tl_args --config $work/unlisted-off.toml --glossary $g $corpus"
    add "termlint no cache@$n" "$termlint $tl_args --no-cache --config $work/unlisted-off.toml --glossary $g $corpus"
    add "termlint+unlisted@$n" "$termlint $tl_args --config $work/unlisted-on.toml --glossary $g $corpus"
    add "rg -F@$n" "rg -F -f $work/forms-$n.txt $corpus"
    add "typos@$n" "typos --format brief --config $work/typos-$n.toml $corpus"
    bench "folder-$n" "$runs" 1
    # Capped at 8 GiB of address space: with 100,000 concepts its regex
    # would otherwise take most of the machine's memory. Not run at 100,000:
    # it ran out of those 8 GiB there (exit 134) on the 2026-11-28 run.
    if [[ $n -le 10000 ]]; then
        add "rg -F -i -w@$n" "ulimit -v 8388608; timeout $slow_timeout rg -F -i -w -f $work/forms-$n.txt $corpus"
        once "slow-$n"
    fi
done

mid=10000
add "termlint 1 thread@$mid" "RAYON_NUM_THREADS=1 $termlint $tl_args --config $work/unlisted-off.toml --glossary $work/glossary-$mid.toml $corpus"
add "termlint 2 threads@$mid" "RAYON_NUM_THREADS=2 $termlint $tl_args --config $work/unlisted-off.toml --glossary $work/glossary-$mid.toml $corpus"
add "termlint single file@$mid" "$termlint $tl_args --config $work/unlisted-off.toml --glossary $work/glossary-$mid.toml $work/single.md"
add "termlint single file 1 thread@$mid" "RAYON_NUM_THREADS=1 $termlint $tl_args --config $work/unlisted-off.toml --glossary $work/glossary-$mid.toml $work/single.md"
add "rg -F single file@$mid" "rg -F -f $work/forms-$mid.txt $work/single.md"
bench "extra" "$runs" 1

largest="${sizes[-1]}"
add "termlint startup@shipped" "$termlint check --no-config $work/tiny.md"
for n in "${sizes[@]}"; do
    add "termlint load@$n" "$termlint check --config $work/unlisted-off.toml --no-default-glossary --glossary $work/glossary-$n.toml $work/tiny.md"
done
bench "startup" 10 2
add "termlint load no cache@$largest" "$termlint check --no-cache --config $work/unlisted-off.toml --no-default-glossary --glossary $work/glossary-$largest.toml $work/tiny.md"
bench "load-no-cache" 3 0

# --- report -----------------------------------------------------------------------
{
    echo "date: $(date -u +%Y-%m-%dT%H:%MZ); $(nproc) cores; seed $seed; corpus: ${corpus_src:-synthetic ${corpus_mb} MB in ${corpus_files} files}"
    echo "tools: $("$termlint" --version 2>/dev/null || echo termlint), $(rg --version | sed -n 1p), $(typos --version), $(hyperfine --version)"
} > "$res/conditions.txt"
python3 "$here/compare_report.py" "$work" --timeout "$slow_timeout"
