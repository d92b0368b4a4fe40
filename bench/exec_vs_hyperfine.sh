#!/usr/bin/env bash
# `perfmatrix exec` against `hyperfine -N` on the same commands: Python start-up (`-c pass`) of two
# pyenv interpreters, each tool's median wall time per interpreter and their ratio. A figure, not
# a test: the issue's goal is medians within 3 %.
#
#   bash bench/exec_vs_hyperfine.sh [BUILD_DIR]     (default: build; needs hyperfine from Debian)
#
# Both tools run RUNS timed runs after WARMUP warm-ups per command (defaults 40 and 5); perfmatrix
# splits its runs over ROUNDS processes (default 2) as every perfmatrix run does. The tools
# alternate A B B A, B A A B (PAIRS of those, default 6), so a drift in the machine's load hits
# both alike. Two figures per interpreter: the ratio of the medians of each tool's pass medians,
# and the median over the groups of four of (perfmatrix's two passes) / (hyperfine's two), which
# a burst of load on a shared VM moves less. VERSIONS (default "3.11.7 3.12.1") names pyenv
# versions.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
perfmatrix=$build/orchestrator/perfmatrix
[[ -x $perfmatrix ]] || { echo "missing $perfmatrix: build it first" >&2; exit 2; }
command -v hyperfine >/dev/null || { echo "hyperfine not found (apt-get install hyperfine)" >&2; exit 2; }
exec python3 - "$perfmatrix" <<'PY'
import json, os, statistics, subprocess, sys, tempfile

PERFMATRIX = os.path.abspath(sys.argv[1])
RUNS = int(os.environ.get("RUNS", "40"))
WARMUP = int(os.environ.get("WARMUP", "5"))
ROUNDS = int(os.environ.get("ROUNDS", "2"))
VERSIONS = os.environ.get("VERSIONS", "3.11.7 3.12.1").split()
PYENV = os.path.expanduser("~/.pyenv/versions")
COMMAND = [os.path.join(PYENV, "{v}", "bin", "python3"), "-c", "pass"]
work = tempfile.mkdtemp(prefix="exec-vs-hyperfine-")


def perfmatrix_pass():
    out = os.path.join(work, "exec.h5")
    subprocess.run([PERFMATRIX, "exec", "-o", out, "--overwrite", "--progress", "none", "-L", "v", ",".join(VERSIONS),
                    "--warmup", str(WARMUP), "--repetitions", str(RUNS), "--rounds", str(ROUNDS), "--", *COMMAND],
                   check=True, stdout=subprocess.DEVNULL)
    samples = {}
    raw = subprocess.run([PERFMATRIX, "report", out, "--format", "json"], check=True, capture_output=True, text=True)
    for case in json.loads(raw.stdout)["cases"]:
        if case["metric"] == "wall_time":
            samples[case["axes"]["v"]] = case["median"]
    return samples


def hyperfine_pass():
    out = os.path.join(work, "hyperfine.json")
    command = " ".join(COMMAND)  # hyperfine -N splits it on spaces itself, no shell
    subprocess.run(["hyperfine", "-N", "--style", "none", "--warmup", str(WARMUP), "--runs", str(RUNS),
                    "-L", "v", ",".join(VERSIONS), "--export-json", out, command],
                   check=True, stdout=subprocess.DEVNULL)
    with open(out) as f:
        return {r["parameters"]["v"]: r["median"] for r in json.load(f)["results"]}


medians = {"perfmatrix": {v: [] for v in VERSIONS}, "hyperfine": {v: [] for v in VERSIONS}}
PAIRS = int(os.environ.get("PAIRS", "6"))  # A B B A, then B A A B, ...: each tool runs 2 x PAIRS passes
order = []
for k in range(PAIRS):
    a, b = ("perfmatrix", "hyperfine") if k % 2 == 0 else ("hyperfine", "perfmatrix")
    order += [a, b, b, a]
for tool in order:
    got = perfmatrix_pass() if tool == "perfmatrix" else hyperfine_pass()
    for v in VERSIONS:
        medians[tool][v].append(got[v])


def group_ratios(v):
    # Passes of one group of four (A B B A) ran back to back: compare within it.
    p, h = medians["perfmatrix"][v], medians["hyperfine"][v]
    return [(p[2 * k] + p[2 * k + 1]) / (h[2 * k] + h[2 * k + 1]) for k in range(PAIRS)]


print(f"{'python':<10} {'perfmatrix exec':>16} {'hyperfine -N':>14} {'ratio':>7} {'grouped':>8}   (medians of wall time, ms)")
for v in VERSIONS:
    p = statistics.median(medians["perfmatrix"][v])
    h = statistics.median(medians["hyperfine"][v])
    g = statistics.median(group_ratios(v))
    print(f"{v:<10} {p * 1e3:16.2f} {h * 1e3:14.2f} {p / h:7.3f} {g:8.3f}   passes: "
          f"perfmatrix {', '.join(f'{x * 1e3:.2f}' for x in medians['perfmatrix'][v])}; "
          f"hyperfine {', '.join(f'{x * 1e3:.2f}' for x in medians['hyperfine'][v])}")
PY
