#!/usr/bin/env bash
# README command (2): install what is missing, build, and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/build.sh
source scripts/mpi-env.sh
ctest --preset default "$@"

# Where the default build found CUDA (ctest's cuda_module_built checks it did wherever nvcc
# is installed), also check that a build without CUDA still builds: the programs only, not
# the test suite, to keep CI short.
if [ -e build/orchestrator/libperfmatrix-cuda.so ]; then
  echo "-- building the programs with -DPERFMATRIX_CUDA=OFF in build-nocuda/"
  cmake -S . -B build-nocuda -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPERFMATRIX_CUDA=OFF \
    -DPERFMATRIX_TESTS=OFF >/dev/null
  cmake --build build-nocuda --target perfmatrix perfmatrix-measure
fi
