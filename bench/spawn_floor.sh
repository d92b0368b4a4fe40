#!/usr/bin/env bash
# The spawn kind at the physical limit: perfmatrix-measure running a `spawn` case of /bin/true
# against a bare posix_spawn + wait4 loop (bench/spawn_floor.cpp), both timing each child the
# same way (just before posix_spawn to just after wait4, rusage collected, exit status checked).
# A figure, not a test: the goal (issue 16) is a ratio of medians <= 1.02.
#
#   bash bench/spawn_floor.sh [BUILD_DIR]     (default: build; needs the targets perfmatrix-measure and spawn_floor)
#
# Each pass is one process: the bare loop, or `perfmatrix-measure case.json out.json` with
# SAMPLES repetitions after WARMUP warm-ups (defaults 200 and 5); a pass's figure is the median
# of its samples. The tools alternate A B B A, then B A A B (NGROUPS of those, default 8), so a
# drift in the machine's load hits both alike. BEFORE=path/to/another/perfmatrix-measure adds
# it as a third tool (A B C C B A, ...), e.g. main's binary for a before/after in one run.
# PROGRAM (default /bin/true) is the child. Two ratios per tool: of the medians of its pass
# medians to the bare loop's, and the median over the groups of (its two passes) / (the bare
# loop's two), which a burst of load on a shared machine moves less.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
measure=$build/orchestrator/perfmatrix-measure
bare=$build/bench/spawn_floor
for f in "$measure" "$bare"; do [[ -x $f ]] || { echo "missing $f: build it first" >&2; exit 2; }; done
if [[ -n ${BEFORE:-} && ! -x $BEFORE ]]; then echo "BEFORE=$BEFORE is not an executable" >&2; exit 2; fi
exec python3 - "$measure" "$bare" "${BEFORE:-}" <<'PY'
import json, os, statistics, subprocess, sys, tempfile

MEASURE, BARE, BEFORE = (os.path.abspath(p) if p else "" for p in sys.argv[1:4])
SAMPLES = int(os.environ.get("SAMPLES", "200"))
WARMUP = int(os.environ.get("WARMUP", "5"))
GROUPS = int(os.environ.get("NGROUPS", "8"))
PROGRAM = os.environ.get("PROGRAM", "/bin/true")
work = tempfile.mkdtemp(prefix="spawn-floor-")
case_path = os.path.join(work, "case.json")
with open(case_path, "w") as f:
    json.dump({"id": "floor/spawn", "benchmark": "floor", "kind": "spawn", "axes": [],
               "params": {"argv": [PROGRAM]},
               "settings": {"warmup": WARMUP, "repetitions": SAMPLES, "min_time": 0, "max_repetitions": SAMPLES,
                            "timeout": 10, "requires": [], "placement": "shared"}}, f)


def bare_pass():
    out = subprocess.run([BARE, str(SAMPLES), str(WARMUP), "--", PROGRAM], check=True, capture_output=True,
                         text=True).stdout
    return statistics.median(float(line) for line in out.split())


def measure_pass(binary):
    out = os.path.join(work, "outcome.json")
    subprocess.run([binary, case_path, out], check=True)
    with open(out) as f:
        outcome = json.load(f)
    if outcome["status"] != "ok":
        sys.exit(f"{binary}: case ended {outcome['status']}: {outcome['reason']}")
    s = outcome["samples"]
    wall = [v for m, w, v in zip(s["metric"], s["warmup"], s["value"]) if m == "wall_time" and not w]
    if len(wall) != SAMPLES:
        sys.exit(f"{binary}: {len(wall)} wall_time samples, expected {SAMPLES}")
    return statistics.median(wall)


tools = {"bare posix_spawn+wait4": bare_pass, "perfmatrix-measure": lambda: measure_pass(MEASURE)}
if BEFORE:
    tools["BEFORE"] = lambda: measure_pass(BEFORE)
names = list(tools)
medians = {n: [] for n in names}
for k in range(GROUPS):
    forward = names if k % 2 == 0 else names[::-1]
    for name in forward + forward[::-1]:  # A B B A, then B A A B, ...
        medians[name].append(tools[name]())

base = names[0]


def group_ratios(name):
    # The two passes of each tool in one group ran back to back with the bare loop's: compare within it.
    p, b = medians[name], medians[base]
    return [(p[2 * k] + p[2 * k + 1]) / (b[2 * k] + b[2 * k + 1]) for k in range(GROUPS)]


print(f"{PROGRAM}: {GROUPS} groups, {SAMPLES} samples a pass after {WARMUP} warm-ups; "
      f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
if BEFORE:
    print(f"BEFORE = {BEFORE}")
print(f"{'':<26} {'median ms':>10} {'ratio':>7} {'grouped':>8}   pass medians (ms)")
b = statistics.median(medians[base])
for name in names:
    m = statistics.median(medians[name])
    g = statistics.median(group_ratios(name))
    print(f"{name:<26} {m * 1e3:10.4f} {m / b:7.3f} {g:8.3f}   "
          f"{', '.join(f'{x * 1e3:.3f}' for x in medians[name])}")
PY
