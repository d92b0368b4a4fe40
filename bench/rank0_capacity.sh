#!/usr/bin/env bash
# Rank 0's capacity: how many results a second the real coordinator (`perfmatrix run`, with its
# HDF5 commits) absorbs when worker ranks answer every case at once. One mpirun, MPMD: rank 0
# is perfmatrix, ranks 1..N are bench/flood_worker, which speak the real protocol and
# fabricate an `ok` result (8 samples) per case. The job is one axis of CASES values (shared
# placement, 1 round, 2 repetitions).
#
# Per N it prints: the steady rate (cases / (last case's end - first case's start), from the
# file: it leaves out planning and start-up), the wall time of the whole mpirun, rank 0's CPU
# per case in its run loop (getrusage; planning the job is not in it), all threads and then its
# main thread and its commit thread apart, the rate that CPU cost allows (CPU-bound: what rank
# 0 absorbs with one core of its own for both threads), and where the run loop's wall time went
# (PERFMATRIX_RANK0_PROFILE=1: orchestrator/run/rank0_profile.hpp). Each file is checked:
# every planned case stored once, all `ok`.
#
#   bash bench/rank0_capacity.sh [BUILD_DIR]
#   (default build; CASES=50000 RANKS="1 4 8 16" PROGRESS=lines|none;
#    LEADERS=K: the N flood ranks on K emulated nodes (PERFMATRIX_NODE) behind a leader each,
#    `perfmatrix run --leaders` (the row reads N+K: the leaders are flood_worker processes
#    running the real leader loop; rank 0 is alone on its node);
#    PIN=1: rank 0 on CPU 0 and every other rank on the other CPUs (taskset), so that rank 0's
#    figures are not those of a core it shares with the flood;
#    COMMIT_THREAD=off: rank 0 waits for each group its commit thread writes, as when it
#    committed on its main thread;
#    PERFMATRIX=path: another perfmatrix as rank 0, e.g. an older build to compare with: one
#    without the profile prints only the rate and wall time)
# Then bench/flood_commit: the commit's cost per case by group size, and the protocol's JSON
# per case, in one process (no MPI, nothing else on the cores).
# Builds nothing: build the targets perfmatrix, flood_worker and flood_commit first.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
pm=${PERFMATRIX:-$build/orchestrator/perfmatrix}
fw=$build/bench/flood_worker
for exe in "$pm" "$fw"; do
  [[ -x $exe ]] || { echo "missing $exe: build first (cmake --build $build --target perfmatrix flood_worker)" >&2; exit 2; }
done
source scripts/mpi-env.sh
cases=${CASES:-50000}
progress=${PROGRESS:-lines}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

{
  printf '[defaults]\nwarmup = 0\nrepetitions = 2\nrounds = 1\nplacement = "shared"\n\n'
  printf '[[benchmark]]\nname = "flood"\nkind = "spawn"\nargv = ["/bin/true"]\n[benchmark.matrix]\ni = ['
  seq -s, 0 $((cases - 1)) | tr -d '\n'
  printf ']\n'
} >"$work/flood.toml"

echo "rank 0 flooded: $cases cases, progress $progress, leaders ${LEADERS:-0}, pinned ${PIN:-0}," \
  "commit thread ${COMMIT_THREAD:-on}, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
printf '%-6s %11s %8s %9s %8s %8s %11s  %s\n' ranks "steady c/s" "wall s" "CPU us/c" "main" "commit" \
  "CPU-bound" \
  "rank 0's run loop (wall)"
leaders=${LEADERS:-0}
rank0_pin=() others_pin=() bind=()
if [[ ${PIN:-0} == 1 ]]; then
  rank0_pin=(taskset -c 0) others_pin=(taskset -c "1-$(($(nproc) - 1))") bind=(--bind-to none)
fi
for n in ${RANKS:-1 4 8 16}; do
  out=$work/flood-$n.h5
  log=$work/log-$n.txt
  label=$n
  contexts=(-np 1 "${rank0_pin[@]}" "$pm" run "$work/flood.toml" -o "$out" --progress "$progress")
  if ((leaders > 0)); then
    label="$n+${leaders}L"
    contexts=(-np 1 -x PERFMATRIX_NODE=n0 "${contexts[@]:2}" --leaders)
    for ((k = 1; k <= leaders; k++)); do  # n flood ranks shared out, and a leader per node
      share=$(((n + leaders - k) / leaders))
      contexts+=(: -np $((share + 1)) -x "PERFMATRIX_NODE=n$k" "${others_pin[@]}" "$fw")
    done
  else
    contexts+=(: -np "$n" "${others_pin[@]}" "$fw")
  fi
  begin=$(date +%s.%N)
  PERFMATRIX_RANK0_PROFILE=1 PERFMATRIX_COMMIT_THREAD=${COMMIT_THREAD:-on} \
    mpirun --oversubscribe "${bind[@]}" "${contexts[@]}" >"$log" 2>&1 ||
    { cat "$log" >&2; exit 1; }
  wall=$(echo "$(date +%s.%N) - $begin" | bc)
  profile=$(grep -o 'rank 0 profile.*' "$log" || true)
  /usr/bin/python3 - "$out" "$cases" "$label" "$wall" "$profile" <<'EOF'
import re, sys
import h5py
path, planned, ranks, wall, profile = sys.argv[1:]
with h5py.File(path, "r") as f:
    cases = f["cases"]
    ids = cases["case_id"][:]
    started, ended = cases["started"][:], cases["ended"][:]
    statuses = set(cases["status"][:])
n = len(ids)
if n != int(planned) or len(set(ids)) != n or statuses != {b"ok"}:
    sys.exit(f"{path}: {n} cases ({len(set(ids))} distinct, statuses {statuses}), {planned} planned")
rate = n / (ended.max() - started.min())
if not profile:  # a perfmatrix without rank0_profile
    print(f"{ranks:<6} {rate:11.0f} {float(wall):8.2f} {'-':>9} {'-':>8} {'-':>8} {'-':>11}  -")
    sys.exit()
cpu, main, commit = (float(x) for x in re.search(
    r"([0-9.]+) s of CPU: main thread ([0-9.]+) s, commit thread ([0-9.]+) s", profile).groups())
parts = profile.split("): ", 1)[1]
us = lambda seconds: 1e6 * seconds / n  # noqa: E731
print(f"{ranks:<6} {rate:11.0f} {float(wall):8.2f} {us(cpu):9.1f} {us(main):8.1f} {us(commit):8.1f} "
      f"{n / cpu:11.0f}  {parts}")
EOF
done

# The same per-case costs alone, without MPI and the flood's processes on the same cores.
if [[ -x $build/bench/flood_commit ]]; then
  "$build/bench/flood_commit" "$work"
else
  echo "(build flood_commit for the commit cost by group size alone)"
fi
