#!/usr/bin/env bash
# Runs every fuzz target for SECONDS seconds each (default 60), growing the
# corpus in fuzz/corpus/<target>/ (kept locally, not committed) from the
# seeds in fuzz/seeds/<target>/ (committed: the test fixtures and every
# input that once crashed). Needs a nightly toolchain and cargo-fuzz
# (`rustup toolchain install nightly`, `cargo install cargo-fuzz`).
# Crashes land in fuzz/artifacts/<target>/; one line per target is appended
# to fuzz/runs.log: date, target, seconds, executions, crash or ok.
#
#   fuzz/run.sh 600            # ten minutes per target
#   fuzz/run.sh 60 doc_html    # one target
set -euo pipefail

seconds="${1:-60}"
shift || true
cd "$(dirname "$0")"
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    mapfile -t targets < <(cargo +nightly fuzz list)
fi

cargo +nightly fuzz build -O
for target in "${targets[@]}"; do
    mkdir -p "corpus/$target" "seeds/$target"
    log="$(mktemp)"
    status=ok
    # -rss_limit_mb: an input that needs more memory than this is a bug too.
    if ! cargo +nightly fuzz run -O "$target" "corpus/$target" "seeds/$target" -- \
        -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -timeout=20 \
        -print_final_stats=1 >"$log" 2>&1; then
        status=crash
    fi
    runs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')"
    echo "$(date -u +%FT%TZ) $target ${seconds}s runs=$runs $status" | tee -a runs.log
    if [ "$status" = crash ]; then
        grep -E 'panicked|SUMMARY|Test unit written' "$log" | head -5
    fi
    rm -f "$log"
done
