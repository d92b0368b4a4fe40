#!/usr/bin/env bash
# The long fuzz run, for hours on a spare machine: tests/fuzz/fuzz_cli.py (ctest's fuzz_cli runs
# it for a minute or two) with more inputs per seed and new seeds (SEED, SEED+1, ...) until
# HOURS have passed. Best on the sanitizer build, which turns silent memory errors into reports.
# Builds nothing: build the preset first (cmake --preset asan && cmake --build --preset asan).
#
#   bash bench/fuzz_long.sh [BUILD_DIR]    (default: build-asan; HOURS=4 SEED=<now> JOBS=2000 RESULTS=300)
#
# Failing inputs, each with its command line and stderr, go to runs/fuzz-<time>/ (printed at the
# end); the exit status is 1 when there are any.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-asan}
exe=$build/orchestrator/perfmatrix
[[ -x $exe ]] || { echo "missing $exe: build first (cmake --build $build --target perfmatrix)" >&2; exit 2; }
source scripts/mpi-env.sh
seed=${SEED:-$(date +%s)}
out=runs/fuzz-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$out"
echo "fuzzing $exe for ${HOURS:-4} h from seed $seed; failing inputs go to $out/"
exec /usr/bin/python3 tests/fuzz/fuzz_cli.py --perfmatrix "$exe" --seed "$seed" --hours "${HOURS:-4}" \
  --jobs "${JOBS:-2000}" --results "${RESULTS:-300}" --failures-dir "$out"
