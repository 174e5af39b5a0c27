#!/usr/bin/env bash
# The HTML report in a real browser: builds `termlint check --format html`
# and `--format json` of the same run over tests/fixtures/html-report/, then
# tests/browser/html_report.py loads the page in headless Chromium (Debian's
# package, driven by Playwright for Python; no browser is downloaded) and
# checks the marks against the JSON findings, the filters, the links and
# the layout, keeping screenshots at desktop and phone widths in
# $ARTIFACTS (default target/artifacts/html-report).
#
# Installs what it lacks: Debian's chromium (as root) and Playwright in a
# virtual environment under the target folder.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
target=${CARGO_TARGET_DIR:-$repo/target}
artifacts=${ARTIFACTS:-$repo/target/artifacts/html-report}

if ! command -v chromium >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
venv=$target/browser-venv
if ! "$venv/bin/python" -c 'import playwright' 2>/dev/null; then
    rm -rf "$venv"
    if ! python3 -m venv "$venv"; then
        # Debian's own python3 keeps venv in a package of its own.
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
        python3 -m venv "$venv"
    fi
    "$venv/bin/pip" install -q playwright
fi

cargo build --bin termlint
termlint=$target/debug/termlint
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd tests/fixtures/html-report
run() {
    # Findings exit 1; anything else (2: a file could not be checked) fails.
    local status=0
    "$termlint" check --ui-lang en-US --quiet "$@" routes.md pilgrims.ar.md || status=$?
    if [ "$status" -ne 1 ]; then
        echo "termlint check $* exited $status, expected 1 (findings)" >&2
        return 1
    fi
}
run --format html >"$work/report.html"
run --format json >"$work/report.json"
cd "$repo"

# A run of more documents than the page opens: 22, the last with two concepts.
mkdir "$work/many"
for n in $(seq -w 0 20); do
    echo "The road to Kirman is long." >"$work/many/doc-$n.md"
done
echo "The road from Kirman passes Jalalabat." >"$work/many/doc-21.md"
status=0
(cd "$work/many" && "$termlint" check --no-config --quiet --format html .) >"$work/lazy.html" || status=$?
[ "$status" -eq 1 ] || { echo "the lazy corpus exited $status, expected 1" >&2; exit 1; }

mkdir -p "$artifacts"
cp "$work/report.html" "$work/report.json" "$work/lazy.html" "$artifacts/"
"$venv/bin/python" tests/browser/html_report.py \
    --html "$artifacts/report.html" --json "$artifacts/report.json" \
    --root tests/fixtures/html-report --artifacts "$artifacts" \
    --lazy-html "$artifacts/lazy.html" --chromium "$(command -v chromium)"
