#!/usr/bin/env bash
# Shows termlint working as a pre-commit hook from this repository: in a new
# git repository, a commit with a deprecated spelling is refused, and passes
# after `termlint check --fix`; a commit with a name spelled two ways (an
# `inconsistent` warning) is refused too, its finding shown, since the hooks
# pass `--fail-on warning`. Run by .ci/run; needs python3 and network
# access to PyPI (pre-commit) and crates.io (the hook builds termlint).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
rev=$(git -C "$repo" rev-parse HEAD)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 -m pip install --quiet --disable-pip-version-check pre-commit
export PRE_COMMIT_HOME="$work/cache"

cd "$work"
git init --quiet project
cd project
git config user.email ci@example.invalid
git config user.name CI
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $repo
    rev: $rev
    hooks:
      - id: termlint
YAML
printf '# Notes\n\nThe attack in Kirman was claimed.\n' > notes.md
git add .pre-commit-config.yaml notes.md

if python3 -m pre_commit run --files notes.md; then
  echo "pre-commit passed on a deprecated spelling" >&2
  exit 1
fi
"${CARGO_TARGET_DIR:-$repo/target}/debug/termlint" check --fix notes.md
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
