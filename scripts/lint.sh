#!/usr/bin/env bash
# Lints the Python files (python/, tests/, bench/, analysis/plot/) with ruff, by ruff.toml's rules.
# scripts/test.sh runs it, so CI fails on a finding. Ruff comes from PyPI, pinned, into a venv in the
# build tree (build/lint-venv), made once like the e2e tests' pyperf venv: only the first run in a build
# directory needs the network. Arguments go to `ruff check`:
#   bash scripts/lint.sh              # check
#   bash scripts/lint.sh --fix        # apply ruff's safe fixes
#   bash scripts/lint.sh --statistics # count by rule
set -euo pipefail
cd "$(dirname "$0")/.."

RUFF_VERSION=0.17.6
venv=build/lint-venv
ruff=$venv/bin/ruff

if [ "$("$ruff" --version 2>/dev/null)" != "ruff $RUFF_VERSION" ]; then
  echo "-- lint: installing ruff $RUFF_VERSION from PyPI into $venv"
  python=/usr/bin/python3
  [ -x "$python" ] || python=python3
  rm -rf "$venv"  # a half-made one from an interrupted run, or another ruff version
  mkdir -p build
  "$python" -m venv "$venv"
  if ! PIP_DISABLE_PIP_VERSION_CHECK=1 "$venv/bin/python" -m pip install -q --timeout 30 "ruff==$RUFF_VERSION"; then
    rm -rf "$venv"
    echo "lint: could not install ruff $RUFF_VERSION from PyPI into $venv (is the network down? the lint" \
         "step needs PyPI once per build directory)" >&2
    exit 1
  fi
fi

# The cache goes in the build tree too, so a lint leaves the source tree as it was.
RUFF_CACHE_DIR=build/ruff-cache "$ruff" check "$@" .
echo "-- lint: ruff $RUFF_VERSION: all checks passed"
