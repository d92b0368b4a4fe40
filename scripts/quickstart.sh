#!/usr/bin/env bash
# README command (1): install what is missing, build, run jobs/quickstart.toml on 3 MPI ranks
# on this machine, and print its report.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/build.sh
source scripts/mpi-env.sh

mkdir -p runs
out="runs/quickstart-$(date +%Y%m%d-%H%M%S).h5"
ranks=${PERFMATRIX_RANKS:-3}
# --oversubscribe: more ranks than cores is fine here; rank 0 only coordinates, and
# `exclusive` cases still run one per node at a time.
mpirun -np "$ranks" --oversubscribe build/orchestrator/perfmatrix run jobs/quickstart.toml -o "$out"
echo
build/orchestrator/perfmatrix report "$out"
echo "results: $out"
