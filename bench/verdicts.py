#!/usr/bin/python3
"""Are perfmatrix's verdicts trustworthy? A/A and power, measured with real runs.

usage: bench/verdicts.py [--pairs 5] [--build build] [--ranks 3] [--rounds R] [--work DIR]
                         [--slowdown 0.05] [--aa-only]

A/A: the job below (24 cases: spawn, python_workload compute/memory/async, two native kinds)
runs as two separate `perfmatrix run`s, compared at the defaults; repeated for --pairs pairs.
Counts the cases called "faster"/"slower" (none changed, so each is a false positive).

Power: the same pairs, with the work of half the cases raised by --slowdown (a workload
parameter: more n-body steps, more richards turns, a longer loop in a spawned interpreter;
the case ids stay the same, so compare matches them). Counts how many of those are called
"slower" (should be all) and whether any case is called "faster" (should be none). The true
effect of the added work is measured separately: all A runs against all B runs as two
directories (every run's rounds pooled), which has 5x the rounds of one pair.

Runs are interleaved A B B A A B ... so drift of the machine falls on both sides. Prints a
table per pair and the summary; the output goes in a closing note. This is a benchmark of
perfmatrix, not a test: it takes minutes and its numbers depend on the machine.
"""
import argparse
import glob
import json
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Interpreters: Debian's python3 everywhere; a pyenv 3.12 where there is one.
PYTHONS = ["/usr/bin/python3"] + sorted(glob.glob(os.path.expanduser("~/.pyenv/versions/3.12*/bin/python")))[:1]

# Cases whose work the power test raises, with the parameter and its base value.
SCALED = {"nbody": ("steps", 1000), "richards": ("turns", 1000), "float_objects": ("points", 10000),
          "refcount": ("rounds", 1000), "gather": ("tasks", 1000)}
UNSCALED = ["unpacking", "alloc_small", "gc_collect", "call_soon"]


def job_text(factor, rounds, repetitions=10):
    """The job; `factor` multiplies the work of the SCALED workloads and of the spawned loop."""
    rounds_line = f"rounds = {rounds}\n" if rounds else ""
    py = ", ".join(f'"{p}"' for p in PYTHONS)

    def per_python(name, lines):
        """A benchmark with one case per interpreter of PYTHONS."""
        return f"""
[[benchmark]]
name = "{name}"
{lines}
[benchmark.matrix]
python = [{py}]
"""

    def spawned(name, code):
        return per_python(name, f'kind = "spawn"\nargv = ["{{python}}", "-I", "-c", "{code}"]')

    def workload(name, args=""):
        return per_python(name, f'kind = "python_workload"\npython = "{{python}}"\nworkload = "{name}"\n'
                                f"sample_time = 0.02{args}")

    text = f"""[job]
name = "verdicts"
description = "bench/verdicts.py: A/A and power of perfmatrix's verdicts"

[defaults]
warmup = 1
repetitions = {repetitions}
timeout = 60
{rounds_line}
[[benchmark]]
name = "true"
kind = "spawn"
argv = ["/bin/true"]
"""
    text += spawned("python-pass", "pass")
    text += spawned("python-loop", f"for i in range({int(2_000_000 * factor)}): pass")
    text += """
[[benchmark]]
name = "stream"
kind = "memory_stream"
op = "triad"
threads = 1

[[benchmark]]
name = "post"
kind = "asio_post"
mode = "post"
threads = 1
"""
    for name in UNSCALED:
        text += workload(name)
    for name, (param, base) in SCALED.items():
        text += workload(name, f'\nargs = {{ {param} = "{int(round(base * factor))}" }}')
    return text


def scaled(benchmark):
    return benchmark in SCALED or benchmark == "python-loop"


def env():
    e = dict(os.environ)
    if os.geteuid() == 0:
        e.update(OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1")
    e.setdefault("OMPI_MCA_pml", "ob1")
    return e


def run_job(args, job, out, extra):
    argv = ["mpirun", "-np", str(args.ranks), "--oversubscribe", args.bin, "run", job, "-o", out,
            "--progress", "none", "--overwrite", *extra]
    started = time.monotonic()
    subprocess.run(argv, env=env(), check=True, capture_output=True, text=True)
    return time.monotonic() - started


def compare(args, base, new):
    out = subprocess.run([args.bin, "compare", base, new, "--format", "json"], env=env(), capture_output=True,
                         text=True)
    if out.returncode not in (0, 4):
        sys.exit(f"compare failed: {out.stderr}")
    return json.loads(out.stdout)


def verdicts(report):
    """{(benchmark, case_id): (verdict, speedup)} of the one comparison in a report."""
    rows = {}
    for comparison in report["comparisons"]:
        for c in comparison["cases"]:
            rows[(c["benchmark"], c["case_id"])] = (c["verdict"], c.get("speedup"))
    return rows


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--pairs", type=int, default=5)
    p.add_argument("--build", default=os.path.join(ROOT, "build"))
    p.add_argument("--ranks", type=int, default=3)
    p.add_argument("--rounds", type=int, default=0, help="rounds = N in [defaults] (0: perfmatrix's default)")
    p.add_argument("--repetitions", type=int, default=10,
                   help="repetitions in [defaults]: the case's budget, split over its rounds")
    p.add_argument("--extra", default="", help="more arguments for perfmatrix run, e.g. '--fast'")
    p.add_argument("--slowdown", type=float, default=0.05)
    p.add_argument("--work", default=os.path.join(ROOT, "runs", "verdicts"))
    p.add_argument("--aa-only", action="store_true")
    args = p.parse_args()
    args.bin = os.path.join(args.build, "orchestrator", "perfmatrix")
    os.makedirs(args.work, exist_ok=True)
    jobs = {"A": os.path.join(args.work, "a.toml"), "B": os.path.join(args.work, "b.toml")}
    with open(jobs["A"], "w") as f:
        f.write(job_text(1.0, args.rounds, args.repetitions))
    with open(jobs["B"], "w") as f:
        f.write(job_text(1.0 + args.slowdown, args.rounds, args.repetitions))
    extra = args.extra.split()
    print(f"interpreters: {', '.join(PYTHONS)}; ranks {args.ranks}; rounds {args.rounds or 'default'}, "
          f"repetitions {args.repetitions} "
          f"{args.extra}; slowdown {args.slowdown:.0%} in the cases of {', '.join(sorted(SCALED))}, python-loop")

    sides = {"A": [], "A2": [], "B": []}
    durations = []
    for i in range(args.pairs):
        # Interleaved: pair i runs its three jobs in an order that alternates.
        order = ["A", "A2", "B"] if i % 2 == 0 else ["B", "A2", "A"]
        if args.aa_only:
            order = [s for s in order if s != "B"]
        for side in order:
            out = os.path.join(args.work, side, f"run-{i}.h5")
            os.makedirs(os.path.dirname(out), exist_ok=True)
            durations.append(run_job(args, jobs["B" if side == "B" else "A"], out, extra))
            sides[side].append(out)

    print(f"\nwall time of one run: median {statistics.median(durations):.1f} s "
          f"(min {min(durations):.1f}, max {max(durations):.1f}) over {len(durations)} runs")
    aa_rates, power_rates, faster_calls = [], [], 0
    print(f"\n{'pair':>4} {'A/A changed':>12} {'of':>4}   {'B slower':>9} {'of':>4} {'B faster':>9}")
    for i in range(args.pairs):
        aa = verdicts(compare(args, sides["A"][i], sides["A2"][i]))
        changed = [k for k, (v, _) in aa.items() if v in ("faster", "slower")]
        aa_rates.append(len(changed) / len(aa))
        line = f"{i:>4} {len(changed):>12} {len(aa):>4}"
        if not args.aa_only:
            ab = verdicts(compare(args, sides["A"][i], sides["B"][i]))
            targets = [k for k in ab if scaled(k[0])]
            slower = [k for k in targets if ab[k][0] == "slower"]
            faster = [k for k, (v, _) in ab.items() if v == "faster"]
            power_rates.append(len(slower) / len(targets))
            faster_calls += len(faster)
            line += f"   {len(slower):>9} {len(targets):>4} {len(faster):>9}"
        print(line + (f"   A/A changed: {', '.join(b for b, _ in changed)}" if changed else ""))

    print(f"\nA/A: {statistics.mean(aa_rates):.1%} of cases called changed on average "
          f"(per pair: {', '.join(f'{r:.1%}' for r in aa_rates)}); required <= 5 %")
    if not args.aa_only:
        print(f"power: {statistics.mean(power_rates):.1%} of the slowed cases called slower on average "
              f"(per pair: {', '.join(f'{r:.0%}' for r in power_rates)}); required >= 90 %; "
              f"cases called faster: {faster_calls} (required 0)")
        truth = verdicts(compare(args, os.path.join(args.work, "A"), os.path.join(args.work, "B")))
        print("\ntrue effect (all A runs vs all B runs, rounds pooled): slowdown per slowed case")
        for (bench, case_id), (verdict, speedup) in sorted(truth.items()):
            if scaled(bench) and speedup:
                print(f"  {bench:<14} {case_id:<24} {1 / speedup - 1:+.1%}  ({verdict})")


if __name__ == "__main__":
    main()
