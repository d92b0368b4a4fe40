#!/usr/bin/env bash
# Installs what perfmatrix needs on Debian/Ubuntu, and only what is missing.
# Idempotent: a second run checks, finds everything, and installs nothing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build git pkg-config
  libopenmpi-dev openmpi-bin
  libhdf5-dev hdf5-tools
  libboost-dev
  libtomlplusplus-dev nlohmann-json3-dev libcli11-dev libfmt-dev libssl-dev
  libopenblas-dev libjemalloc-dev libgoogle-perftools-dev
  libtorch-dev
  libgtest-dev
  python3 python3-h5py python3-numpy python3-pandas
  python3-venv  # Debian's python3 -m venv needs it (ensurepip): perfmatrix prepare, tests/e2e/test_prepare.py
  python3-wheel  # pip install --no-build-isolation of python/reader (its bdist_wheel): tests/python/test_results_reader.py
  slurm-wlm slurmctld slurmd slurm-client munge  # tests/slurm: a real SLURM cluster on this machine
  python3-matplotlib python3-scipy chromium  # perfmatrix plot / report --html; the headless-browser test
  libbenchmark-tools  # Google Benchmark's compare.py: tests/e2e/test_exports.py reads `perfmatrix export` with it
  clang-format  # scripts/format.sh --check in the test suite
  pypy3  # PyPy, one of the interpreters perfmatrix runs the harness under (docs/python.md)
  # scripts/build-free-threaded-python.sh builds CPython 3.13t with these (libssl-dev is above)
  zlib1g-dev libffi-dev libbz2-dev liblzma-dev libsqlite3-dev
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo=()
if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
