#!/usr/bin/env bash
# termlint as content repositories install it, in new git repositories:
#   1. the Python wheel (python/pyproject.toml, built by maturin) installs
#      into a fresh virtual environment and runs;
#   2. the `termlint` hook of .pre-commit-hooks.yaml (`language: python`)
#      installs from that wheel, with its install time printed: a commit
#      with a deprecated spelling is refused, and passes after
#      `termlint check --fix`; a name spelled two ways (an `inconsistent`
#      warning) is refused too, its finding shown (`--fail-on warning`);
#   3. the `repo: local` snippet `termlint init` prints installs the same
#      wheel and refuses the deprecated spelling;
#   4. the `termlint-rust` hook (`language: rust`, built from source) still
#      refuses it.
# The wheel comes from a local folder (PIP_FIND_LINKS, PIP_NO_INDEX), as it
# would from the package index once published. Run by .ci/run; needs
# python3 and network access to PyPI (pre-commit, maturin, setuptools) and
# crates.io (the Rust hook builds termlint).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
rev=$(git -C "$repo" rev-parse HEAD)
target="${CARGO_TARGET_DIR:-$repo/target}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 -m pip install --quiet --disable-pip-version-check pre-commit 'maturin>=1.5,<2'
export PRE_COMMIT_HOME="$work/cache"

# 1. The wheel, from the dev profile that `cargo test` has just built (the
# release wheels come from the release workflow), with what pip needs to
# build the hooks' package beside it.
wheels="$work/wheels"
(cd "$repo/python" && python3 -m maturin build --quiet --profile dev --out "$wheels")
python3 -m pip download --quiet --disable-pip-version-check --dest "$wheels" 'setuptools>=61' wheel
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check --no-index --find-links "$wheels" termlint
"$work/venv/bin/termlint" --version
printf 'The attack in Kirman was claimed.\n' > "$work/one.md"
if "$work/venv/bin/termlint" check "$work/one.md"; then
  echo "the installed wheel passed a deprecated spelling" >&2
  exit 1
fi
echo "wheel: installed into a fresh virtual environment, refuses Kirman"

export PIP_NO_INDEX=1 PIP_FIND_LINKS="$wheels"

new_project() {
  cd "$work"
  git init --quiet "$1"
  cd "$1"
  git config user.email ci@example.invalid
  git config user.name CI
}

# Installs the hooks of .pre-commit-config.yaml, printing how long it took.
install_hooks() {
  local start=$EPOCHREALTIME
  python3 -m pre_commit install-hooks
  awk -v s="$start" -v e="$EPOCHREALTIME" -v what="$1" \
    'BEGIN { printf "pre-commit: %s hook installed in %.1f s\n", what, e - s }'
}

# Runs the hooks on notes.md, which holds a deprecated spelling: `$1` (the
# hook's name) must refuse it.
expect_refused() {
  printf 'The attack in Kirman was claimed.\n' > notes.md
  git add .pre-commit-config.yaml notes.md
  if python3 -m pre_commit run --files notes.md; then
    echo "$1 passed a deprecated spelling" >&2
    exit 1
  fi
  echo "pre-commit: $1 refuses Kirman"
}

# 2. The Python hook from this repository.
new_project python-hook
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $repo
    rev: $rev
    hooks:
      - id: termlint
YAML
install_hooks "termlint (language: python)"
expect_refused "the termlint hook"
"$work/venv/bin/termlint" check --fix notes.md
python3 -m pre_commit run --files notes.md
grep -q 'The attack in Kerman was claimed.' notes.md
echo "pre-commit: refused with Kirman, passed after --fix"

printf '# Brief\n\nKhorasan and Khurasan were named.\n' > mixed.md
git add mixed.md
if output=$(python3 -m pre_commit run --color never --files mixed.md 2>&1); then
  echo "$output" >&2
  echo "pre-commit passed on a name spelled two ways (a warning)" >&2
  exit 1
fi
echo "$output"
if ! grep -q 'warning\[inconsistent\]: “Khurasan” mixes spellings of Khorasan' <<<"$output"; then
  echo "pre-commit refused the mixed spelling without showing its finding" >&2
  exit 1
fi
echo "pre-commit: refused with Khorasan and Khurasan (a warning), its finding shown"

# 3. The snippet `termlint init` prints.
new_project init-snippet
"$work/venv/bin/termlint" init > init.out
sed -n '/^repos:/,$p' init.out > .pre-commit-config.yaml
grep -q 'language: python' .pre-commit-config.yaml
git add .pre-commit-config.yaml
install_hooks "termlint init's (repo: local)"
expect_refused "termlint init's snippet"

# 4. The hook built from source.
unset PIP_NO_INDEX PIP_FIND_LINKS
new_project rust-hook
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $repo
    rev: $rev
    hooks:
      - id: termlint-rust
YAML
git add .pre-commit-config.yaml
install_hooks "termlint-rust (language: rust)"
expect_refused "the termlint-rust hook"
