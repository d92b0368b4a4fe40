#!/usr/bin/env bash
# README command (2): install what is missing, build, and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/build.sh
# The free-threaded CPython (3.13t) the Python tests run against, built once into ~/.cache/perfmatrix
# (about 2 minutes on 2 cores the first time, nothing after). If it cannot be built, its tests skip
# quoting why (docs/python.md) and the suite goes on.
bash scripts/build-free-threaded-python.sh >/dev/null || echo "-- no free-threaded CPython: its tests will skip"
# ruff over the Python files (ruff.toml; docs/testing.md): a finding fails CI before the tests run.
bash scripts/lint.sh
# clang-format over the C++ files (.clang-format): a file that differs fails CI too.
bash scripts/format.sh --check
source scripts/mpi-env.sh
ctest --preset default "$@"

# Where the default build found CUDA (ctest's cuda_module_built checks it did wherever nvcc
# is installed), a build without CUDA must still build. The asan preset below is one (it sets
# PERFMATRIX_CUDA=OFF) and runs the unit tests too, so CI builds no third tree; a run without
# the sanitizer stage (PERFMATRIX_ASAN=0) builds the programs alone with -DPERFMATRIX_CUDA=OFF.
# (CI took 3990 s with all three trees, past its hour.)
if [ -e build/orchestrator/libperfmatrix-cuda.so ] && [ "${PERFMATRIX_ASAN:-1}" = 0 ]; then
  echo "-- building the programs with -DPERFMATRIX_CUDA=OFF in build-nocuda/"
  cmake -S . -B build-nocuda -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPERFMATRIX_CUDA=OFF \
    -DPERFMATRIX_TESTS=OFF >/dev/null
  cmake --build build-nocuda --target perfmatrix perfmatrix-measure
fi

# The sanitizer build (CMakePresets.json: asan, in build-asan/): ASan + UBSan over the unit tests
# and the fuzz test (tests/fuzz), after the normal suite. Without the torch and CUDA runner
# modules (their libraries are not instrumented; torch's translation units are the slowest to
# build), and without the e2e and SLURM tests: the normal suite runs those, and CI's hour on 2
# cores has room for the build and the unit tests only (docs/testing.md).
# PERFMATRIX_ASAN=0 skips this part for a quicker local run; CI leaves it on.
if [ "${PERFMATRIX_ASAN:-1}" != 0 ]; then
  asan_start=$SECONDS
  echo "-- building the asan preset in build-asan/"
  cmake --preset asan >/dev/null
  cmake --build --preset asan
  asan_built=$SECONDS
  ctest --preset asan
  echo "-- asan: build $((asan_built - asan_start)) s, tests $((SECONDS - asan_built)) s"
fi
