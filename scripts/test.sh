#!/usr/bin/env bash
# README command (2): install what is missing, build, and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/build.sh
source scripts/mpi-env.sh
ctest --preset default "$@"
