#!/usr/bin/env bash
# How `perfmatrix plan` scales with the size of a job (issue 16, "The loader is linear"): it
# writes jobs of one long axis, of many [[benchmark]] tables, and of two axes whose product is a
# million cases, then prints each plan's wall time, CPU time (user + system: what to read on a
# machine other work shares) and peak RSS (GNU time's %e, %U + %S and %M). The
# doubling rows (20 k, 40 k, 80 k) show the shape: a linear loader doubles its time with them.
# Builds nothing: run it after building the perfmatrix target. The figures are in docs/scale.md.
#
#   bash bench/plan_scale.sh [BUILD_DIR]     (default: build; QUICK=1 skips the 500 k and 10^6 rows)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
exe=$build/orchestrator/perfmatrix
[[ -x $exe ]] || { echo "missing $exe: build first (cmake --build $build --target perfmatrix)" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "missing /usr/bin/time (Debian: apt-get install time)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One benchmark, one axis of N values.
axis_job() {
    local n=$1 file=$2
    {
        printf '[[benchmark]]\nname = "axis"\nkind = "spawn"\nargv = ["/bin/true", "{n}"]\n'
        printf '[benchmark.matrix]\nn = ['
        seq -s, 1 "$n"
        printf ']\n'
    } >"$file"
}

# N benchmarks, each one case without a matrix.
benchmarks_job() {
    local n=$1 file=$2
    awk -v n="$n" 'BEGIN { for (i = 1; i <= n; i++)
        printf "[[benchmark]]\nname = \"b%d\"\nkind = \"spawn\"\nargv = [\"/bin/true\", \"%d\"]\n\n", i, i }' >"$file"
}

# One benchmark, two axes of A and B values: A x B cases.
product_job() {
    local a=$1 b=$2 file=$3
    {
        printf '[[benchmark]]\nname = "grid"\nkind = "spawn"\nargv = ["/bin/true", "{x}", "{y}"]\n'
        printf '[benchmark.matrix]\nx = ['
        seq -s, 1 "$a"
        printf ']\ny = ['
        seq -s, 1 "$b"
        printf ']\n'
    } >"$file"
}

# Plans a job (the text plan, or with extra options), checks the case count it reports, prints a row.
row() {
    local label=$1 file=$2 cases=$3
    shift 3
    local out=$work/plan.out stats=$work/time.out
    /usr/bin/time -f '%e %U %S %M' -o "$stats" "$exe" plan "$file" "$@" >"$out"
    if [[ " $* " != *" --json "* ]]; then
        grep -q "^$cases cases\? planned$" "$out" || { echo "$label: expected $cases cases planned" >&2; exit 1; }
    fi
    read -r secs user sys kib <"$stats"
    printf '%-34s %9s %8s s %8s s %8d MB\n' "$label" "$cases" "$secs" "$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')" $((kib / 1024))
}

printf '%-34s %9s %10s %10s %11s\n' "job" "cases" "wall" "cpu" "peak RSS"
for n in 20000 40000 80000; do
    axis_job "$n" "$work/axis.toml"
    row "one axis, $((n / 1000)) k values" "$work/axis.toml" "$n"
done
if [[ -z ${QUICK:-} ]]; then
    axis_job 500000 "$work/axis.toml"
    row "one axis, 500 k values" "$work/axis.toml" 500000
fi
for n in 20000 40000 80000; do
    benchmarks_job "$n" "$work/benchmarks.toml"
    row "$((n / 1000)) k benchmarks" "$work/benchmarks.toml" "$n"
done
if [[ -z ${QUICK:-} ]]; then
    product_job 1000 1000 "$work/grid.toml"
    row "two axes, 1000 x 1000" "$work/grid.toml" 1000000
    row "two axes, 1000 x 1000, -k 'x=7\$'" "$work/grid.toml" 1000 -k 'x=7$'
    row "two axes, 1000 x 1000, --json" "$work/grid.toml" 1000000 --json
fi
