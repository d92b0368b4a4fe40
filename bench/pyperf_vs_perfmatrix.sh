#!/usr/bin/env bash
# pyperformance's nbody, richards, spectral_norm, fannkuch and float on every CPython 3.10-3.13
# pyenv has, measured two ways: through perfmatrix's `pyperf` kind (perfmatrix-measure, one
# round = one pyperf worker process, loops calibrated in each round) and through pyperf itself
# (the script's own master spawning its workers). Prints per benchmark x interpreter both
# medians and their ratio, then the 3.11/3.10 speed-up each tool sees. A figure, not a test.
#
#   bash bench/pyperf_vs_perfmatrix.sh [BUILD_DIR]      (default: build; needs perfmatrix-measure)
#
# Both tools get the same budget: PROCESSES worker processes (perfmatrix rounds) of VALUES values
# after WARMUPS warm-ups (defaults 4, 2, 1: near pyperf's --fast, which is 10 x 2, cut to keep
# the whole run near 10 minutes on 2 cores). The two alternate A B B A per benchmark x
# interpreter, so drift in the machine's load hits both alike; each median pools both of a
# tool's runs. Venvs with pyperf and pyperformance from PyPI are made once per interpreter in
# $VENV_DIR (default ~/.cache/perfmatrix/bench-pyperf). BENCHMARKS and PYTHONS (e.g. "3.10 3.11")
# narrow the matrix.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
measure=$build/orchestrator/perfmatrix-measure
[[ -x $measure ]] || { echo "missing $measure: build it first (cmake --build $build --target perfmatrix-measure)" >&2; exit 2; }
command -v pyenv >/dev/null || { echo "pyenv not found: this benchmark compares pyenv's CPython 3.10-3.13" >&2; exit 2; }
export PYENV_VERSIONS_DIR="$(pyenv root)/versions"
exec python3 - "$measure" <<'PY'
import glob, json, os, statistics, subprocess, sys, tempfile, time

MEASURE = os.path.abspath(sys.argv[1])
BENCHMARKS = os.environ.get("BENCHMARKS", "nbody richards spectral_norm fannkuch float").split()
PROCESSES = int(os.environ.get("PROCESSES", "4"))
VALUES = int(os.environ.get("VALUES", "2"))
WARMUPS = int(os.environ.get("WARMUPS", "1"))
VENV_DIR = os.environ.get("VENV_DIR", os.path.expanduser("~/.cache/perfmatrix/bench-pyperf"))
MINORS = os.environ.get("PYTHONS", "3.10 3.11 3.12 3.13").split()


def interpreters():
    # The newest patch release of each minor version pyenv has.
    found = {}
    for python in glob.glob(os.path.join(os.environ["PYENV_VERSIONS_DIR"], "3.1[0-3].*", "bin", "python3")):
        version = python.split(os.sep)[-3]
        if not version.replace(".", "").isdigit():
            continue  # 3.13t and the like
        minor = ".".join(version.split(".")[:2])
        if minor not in MINORS:
            continue
        key = tuple(int(p) for p in version.split("."))
        if minor not in found or key > found[minor][0]:
            found[minor] = (key, python)
    return {minor: python for minor, (key, python) in sorted(found.items(), key=lambda kv: kv[1][0])}


def venv_python(minor, base):
    venv = os.path.join(VENV_DIR, minor)
    python = os.path.join(venv, "bin", "python")
    probe = [python, "-c", "import pyperf, pyperformance"]
    if not (os.path.exists(python) and subprocess.run(probe, capture_output=True).returncode == 0):
        subprocess.run([base, "-m", "venv", "--clear", venv], check=True)
        subprocess.run([python, "-m", "pip", "install", "-q", "--disable-pip-version-check", "pyperf", "pyperformance"],
                       check=True)
    return python


def script_of(python, bm):
    where = subprocess.run([python, "-c", "import importlib.util as u; print(u.find_spec('pyperformance').submodule_search_locations[0])"],
                           capture_output=True, text=True, check=True).stdout.strip()
    return os.path.join(where, "data-files", "benchmarks", "bm_" + bm, "run_benchmark.py")


def perfmatrix_values(python, bm, work):
    # PROCESSES rounds, each one perfmatrix-measure invocation of the case.
    case = {"id": "bench/" + bm, "benchmark": bm, "kind": "pyperf", "axes": [],
            "params": {"python": python, "package": "pyperformance",
                       "script": "data-files/benchmarks/bm_%s/run_benchmark.py" % bm,
                       "values": VALUES, "warmups": WARMUPS},
            "settings": {"warmup": 0, "repetitions": 1, "min_time": 0, "max_repetitions": 1, "timeout": 120,
                         "requires": [], "placement": "exclusive"}}
    case_path, out_path = os.path.join(work, "case.json"), os.path.join(work, "outcome.json")
    with open(case_path, "w") as f:
        json.dump(case, f)
    values = []
    for _ in range(PROCESSES):
        subprocess.run([MEASURE, case_path, out_path], check=True, stdin=subprocess.DEVNULL)
        with open(out_path) as f:
            outcome = json.load(f)
        if outcome["status"] != "ok":
            sys.exit("perfmatrix %s under %s: %s: %s" % (bm, python, outcome["status"], outcome["reason"]))
        s = outcome["samples"]
        values += [v for m, w, v in zip(s["metric"], s["warmup"], s["value"]) if m == "time" and not w]
    return values


def pyperf_values(python, bm, work):
    out = os.path.join(work, "pyperf.json")
    if os.path.exists(out):
        os.remove(out)
    subprocess.run([python, script_of(python, bm), "--quiet", "-p", str(PROCESSES), "-n", str(VALUES),
                    "-w", str(WARMUPS), "-o", out], check=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    with open(out) as f:
        data = json.load(f)
    return [v for run in data["benchmarks"][0]["runs"] for v in run.get("values", [])]


def main():
    pythons = interpreters()
    if not pythons:
        sys.exit("no pyenv CPython 3.10-3.13 found")
    venvs = {minor: venv_python(minor, base) for minor, base in pythons.items()}
    print("interpreters: " + ", ".join("%s (%s)" % (m, b) for m, b in pythons.items()))
    print("budget per tool and run: %d processes x (%d warm-up + %d values); order A B B A (A = perfmatrix)\n"
          % (PROCESSES, WARMUPS, VALUES))
    medians = {}
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as work:
        print("%-14s %-6s %14s %14s %8s" % ("benchmark", "python", "perfmatrix", "pyperf", "ratio"))
        for bm in BENCHMARKS:
            for minor, python in venvs.items():
                ours, theirs = [], []
                for tool in "ABBA":
                    if tool == "A":
                        ours += perfmatrix_values(python, bm, work)
                    else:
                        theirs += pyperf_values(python, bm, work)
                m_ours, m_theirs = statistics.median(ours), statistics.median(theirs)
                medians[bm, minor] = (m_ours, m_theirs)
                print("%-14s %-6s %11.2f ms %11.2f ms %+7.1f%%" % (bm, minor, m_ours * 1e3, m_theirs * 1e3,
                                                                 (m_ours / m_theirs - 1) * 100), flush=True)
    if "3.10" in venvs and "3.11" in venvs:
        print("\n3.11 speed-up over 3.10 (median 3.10 / median 3.11)")
        print("%-14s %10s %10s %8s" % ("benchmark", "perfmatrix", "pyperf", "diff"))
        for bm in BENCHMARKS:
            ours = medians[bm, "3.10"][0] / medians[bm, "3.11"][0]
            theirs = medians[bm, "3.10"][1] / medians[bm, "3.11"][1]
            print("%-14s %9.3fx %9.3fx %+7.1f%%" % (bm, ours, theirs, (ours / theirs - 1) * 100))
    print("\ntotal %.0f s" % (time.monotonic() - started))


main()
PY
