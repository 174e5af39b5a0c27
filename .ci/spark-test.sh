#!/usr/bin/env bash
# termlint under Apache Spark in local mode (tests/spark/job.py): a corpus
# checked by a Spark job in several partitions, project-wide consistency
# counted per task, merged, and judged per task, gives the findings of one
# run over all of it. Installs a Java runtime (Debian's) and pyspark (from
# the Python package index) if they are missing; prints the run time. Run
# by .ci/run after `cargo test` has built the binary.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
termlint="${CARGO_TARGET_DIR:-$repo/target}/debug/termlint"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! command -v java >/dev/null 2>&1; then
    apt-get install -y --no-install-recommends openjdk-17-jre-headless >/dev/null || {
        apt-get update >/dev/null && apt-get install -y --no-install-recommends openjdk-17-jre-headless >/dev/null
    }
fi
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check 'pyspark>=3.5,<5'
start=$EPOCHREALTIME
"$work/venv/bin/python" "$repo/tests/spark/job.py" "$termlint" "$work/run" 8
awk -v s="$start" -v e="$EPOCHREALTIME" 'BEGIN { printf "spark test: %.1f s\n", e - s }'
