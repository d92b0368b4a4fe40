#!/usr/bin/env bash
# The analysis of a results file with 10 million samples (1,000 cases x 10,000 samples): writes
# the file through ResultsWriter, then times reading it back plus `perfmatrix report`'s
# statistics and `perfmatrix compare --axis python --baseline 3.11`, in one process.
# Builds nothing: run it after building the analysis_10m target.
#
#   bash bench/analysis_10m.sh [BUILD_DIR]    (default: build; CASES=1000 SAMPLES=10000)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
exe=$build/bench/analysis_10m
[[ -x $exe ]] || { echo "missing $exe: build first (ninja -C $build analysis_10m)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$exe" "$work/analysis_10m.h5" "${CASES:-1000}" "${SAMPLES:-10000}"
