#!/usr/bin/env bash
# DGEMM n=2048 through perfmatrix (perfmatrix-measure running a blas_gemm case) against a
# minimal standalone OpenBLAS loop (dgemm_standalone), side by side, for 1 and 2 threads.
# Builds nothing: run it after building (e.g. `cmake --build build`).
#
#   bash bench/dgemm_vs_standalone.sh [BUILD_DIR]    (default: build)
#
# The two alternate ROUNDS times per thread count, in ABBA order, so that drift in the machine's
# state (other load, clock) hits both alike; each side's median is over all of its timed calls.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
n=${N:-2048}
rounds=${ROUNDS:-3}
reps=${REPS:-5}
standalone=$build/bench/dgemm_standalone
measure=$build/orchestrator/perfmatrix-measure
for exe in "$standalone" "$measure"; do
    [[ -x $exe ]] || { echo "missing $exe: build first" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

for threads in 1 2; do
    cat > "$work/case.json" <<JSON
{"id": "dgemm/bench", "benchmark": "dgemm", "kind": "blas_gemm", "axes": [],
 "params": {"dtype": "f64", "n": $n, "threads": $threads},
 "settings": {"warmup": 2, "repetitions": $reps, "min_time": 0, "max_repetitions": $reps,
              "timeout": 600, "requires": [], "placement": "exclusive"}}
JSON
    : > "$work/standalone.txt"
    : > "$work/perfmatrix.txt"
    run_standalone() {
        "$standalone" "$n" "$threads" 2 "$reps" | awk '$1 == "gflops" { print $2 }' >> "$work/standalone.txt"
    }
    run_perfmatrix() {
        "$measure" "$work/case.json" "$work/outcome.json"
        /usr/bin/python3 - "$work/outcome.json" >> "$work/perfmatrix.txt" <<'PY'
import json, sys
o = json.load(open(sys.argv[1]))
if o["status"] != "ok":
    sys.exit(f"perfmatrix case failed: {o['status']}: {o['reason']}")
s = o["samples"]
for m, w, v in zip(s["metric"], s["warmup"], s["value"]):
    if m == "gflops" and not w:
        print(v)
PY
    }
    # ABBA order: whichever runs second in a pair may find the machine warmer (clock, caches,
    # the host's scheduler); alternating cancels that out.
    for ((r = 0; r < rounds; r++)); do
        if ((r % 2 == 0)); then run_standalone; run_perfmatrix; else run_perfmatrix; run_standalone; fi
    done
    sa=$(median < "$work/standalone.txt")
    pm=$(median < "$work/perfmatrix.txt")
    awk -v t="$threads" -v n="$n" -v sa="$sa" -v pm="$pm" -v k="$(wc -l < "$work/perfmatrix.txt")" 'BEGIN {
        printf "dgemm n=%d threads=%d: standalone %.2f GFLOP/s, perfmatrix %.2f GFLOP/s (median of %d calls each), ratio %.4f (%+.2f%%)\n",
               n, t, sa, pm, k, pm / sa, (pm / sa - 1) * 100 }'
done
