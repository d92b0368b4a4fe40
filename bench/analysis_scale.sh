#!/usr/bin/env bash
# `perfmatrix report` and `perfmatrix compare` on a results file of 100 million samples, each the
# real command in its own process, timed with its peak memory (/usr/bin/time: wall seconds and
# maximum resident set size). The file comes from bench/analysis_10m.cpp (--write-only): CASES
# cases of SAMPLES samples in ROUNDS rounds, four kinds over a `python` axis of 5 values.
# A smaller file of the same cases' size (SMALL_CASES, default 1,000: 10 M samples) is measured
# the same way first: peak memory should follow the largest case, not the number of samples.
# Builds nothing: run it after building the perfmatrix and analysis_10m targets. Needs ~2.4 GB
# of disk per 100 M samples (24 bytes a sample) in TMPDIR; the files are deleted at the end.
#
#   bash bench/analysis_scale.sh [BUILD_DIR]    (default: build; CASES=10000 SAMPLES=10000 ROUNDS=1)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
writer=$build/bench/analysis_10m
perfmatrix=$build/orchestrator/perfmatrix
for exe in "$writer" "$perfmatrix"; do
    [[ -x $exe ]] || { echo "missing $exe: build first (ninja -C $build perfmatrix analysis_10m)" >&2; exit 2; }
done
cases=${CASES:-10000}
samples=${SAMPLES:-10000}
rounds=${ROUNDS:-1}
small=${SMALL_CASES:-1000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One command, its output to a file (not the terminal): wall seconds, CPU seconds (user + system:
# on a shared machine the wall clock also counts other processes' turns), peak RSS.
timed() {
    local name=$1
    shift
    /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >"$work/$name.out"
    read -r seconds user system kb <"$work/time"
    printf '  %-8s %6.2f s  (CPU %6.2f s)  %6d MB peak RSS  (%s lines of output)\n' "$name" "$seconds" \
        "$(echo "$user + $system" | bc)" $((kb / 1024)) "$(wc -l <"$work/$name.out")"
}

for n in "$small" "$cases"; do
    file=$work/analysis_${n}.h5
    "$writer" "$file" "$n" "$samples" "$rounds" --write-only
    echo "file: $(du -h "$file" | cut -f1) on disk; load average $(cut -d' ' -f1-3 /proc/loadavg)"
    timed report "$perfmatrix" report "$file"
    timed compare "$perfmatrix" compare "$file" --axis python --baseline 3.11
    rm -f "$file"
done
