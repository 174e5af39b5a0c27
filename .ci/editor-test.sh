#!/usr/bin/env bash
# `termlint lsp` in a real editor: Neovim from Debian's packages, headless,
# with its built-in LSP client configured by the guide's own snippet
# (tests/editors/termlint.lua), opens a copy of tests/fixtures/editors/road.md,
# waits for the diagnostic, applies the quick fix and checks the buffer
# (tests/editors/neovim.lua). Installs Neovim (as root) when it is missing.
#
# Helix is not tried: Debian bookworm has no package of it and the package
# registries CI reaches (crates.io, PyPI, npm) have no build of the editor;
# building helix-term from source takes longer than the test is worth.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
target=${CARGO_TARGET_DIR:-$repo/target}

if ! command -v nvim >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim >/dev/null
fi
nvim --version | head -n 1

cargo build --bin termlint
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp tests/fixtures/editors/road.md "$work/"
# No termlint.toml above the copy: the shipped glossary, English.
export PATH="$target/debug:$PATH"
export HOME="$work" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state"
cd "$work"
timeout 120 nvim --headless --clean -c "luafile $repo/tests/editors/neovim.lua" -- road.md </dev/null
echo "neovim: passed"
