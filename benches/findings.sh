#!/usr/bin/env bash
# Whole-process time in the number of findings and in line length: every
# output and fix path must grow linearly (or n log n), not quadratically.
#
#   benches/findings.sh [WORK_DIR] [BASE_KB]
#
# Run by hand (about a minute); .ci/run does not run it. For sizes of
# BASE_KB (default 80), 10 and 100 times that, it writes two texts of
# `Kirman and the ` repeated (a deprecated form every 15 bytes): one long
# line, and one finding per line. It then times, with the test glossary:
# the human, JSON, GitHub, SARIF and checkstyle reports of the long line,
# and --fix and --diff of the
# many lines. Each row prints the seconds and the microseconds per finding;
# linear time keeps the last column flat as the size grows.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
work="${1:-$root/target/bench-findings}"
base="${2:-80}"
mkdir -p "$work"

cargo build --release --quiet --manifest-path "$root/Cargo.toml"
termlint="${CARGO_TARGET_DIR:-$root/target}/release/termlint"
glossary=(--no-config --no-default-glossary --glossary "$root/tests/fixtures/glossary/names.toml")

# seconds COMMAND...: wall-clock seconds of one run (its output discarded).
seconds() {
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s.%N)
    echo "$end - $start" | bc -l
}

printf '%-12s %10s %10s %10s %14s\n' case size_kb findings seconds us_per_finding
for factor in 1 10 100; do
    kb=$((base * factor))
    count=$((kb * 1024 / 15))
    python3 -c "import sys; sys.stdout.write('Kirman and the ' * $count + '\n')" >"$work/line.txt"
    python3 -c "import sys; sys.stdout.write('Kirman and the\n' * $count)" >"$work/lines.txt"
    for case in human json github sarif checkstyle fix diff; do
        case $case in
            human) took=$(seconds "$termlint" check "${glossary[@]}" "$work/line.txt") ;;
            json | github | sarif | checkstyle)
                took=$(seconds "$termlint" check "${glossary[@]}" --format "$case" "$work/line.txt")
                ;;
            fix)
                cp "$work/lines.txt" "$work/fix.txt"
                took=$(seconds "$termlint" check "${glossary[@]}" --fix "$work/fix.txt")
                ;;
            diff) took=$(seconds "$termlint" check "${glossary[@]}" --diff "$work/lines.txt") ;;
        esac
        printf '%-12s %10d %10d %10.2f %14.1f\n' "$case" "$kb" "$count" "$took" \
            "$(echo "$took * 1000000 / $count" | bc -l)"
    done
done
