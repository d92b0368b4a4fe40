#!/usr/bin/env python3
"""What MPI dispatch costs a case, and what an idle rank costs its node (issue 16, part 1).

Runs jobs of no-op spawn cases (/bin/true, one repetition, no warm-up, shared placement) alone
and under mpirun, with the doorbells (the default) and with PERFMATRIX_DOORBELLS=off (the
nap-polling fallback, as before). The per-case cost is marginal: the wall time of N cases minus
that of N/5, over the difference, so start-up does not count. Then one 3-second case under
3 ranks: the CPU time and wake-ups of rank 0 and of the two workers (one measuring, one idle)
over 2 seconds, from /proc/PID/schedstat and /proc/PID/status.

    python3 bench/dispatch.py [BUILD_DIR]     (N=500 cases; env N=... to change)
"""
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build")
PERFMATRIX = os.path.join(BUILD, "orchestrator", "perfmatrix")
N = int(os.environ.get("N", "500"))


def job_text(cases, argv):
    values = ", ".join(str(i) for i in range(cases))
    return f"""[job]
name = "dispatch"
[defaults]
warmup = 0
repetitions = 1
rounds = 1
placement = "shared"
[[benchmark]]
name = "noop"
kind = "spawn"
argv = {argv}
[benchmark.matrix]
i = [{values}]
"""


def mpi_env(doorbells):
    env = dict(os.environ)
    if os.getuid() == 0:
        env.update(OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1")
    env.setdefault("OMPI_MCA_pml", "ob1")
    env["PERFMATRIX_DOORBELLS"] = "on" if doorbells else "off"
    return env


def command(ranks, job, out):
    run = [PERFMATRIX, "run", job, "-o", out, "--progress", "none"]
    if ranks == 1:
        return run
    return ["mpirun", "--oversubscribe", "-x", "PERFMATRIX_DOORBELLS", "-np", str(ranks)] + run


def timed_run(tmp, ranks, doorbells, cases):
    job = os.path.join(tmp, f"noop{cases}.toml")
    if not os.path.exists(job):
        with open(job, "w") as f:
            f.write(job_text(cases, '["/bin/true", "{i}"]'))
    out = os.path.join(tmp, "out.h5")
    if os.path.exists(out):
        os.remove(out)
    start = time.perf_counter()
    subprocess.run(command(ranks, job, out), env=mpi_env(doorbells), check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def cpu_ns_and_switches(pid):
    """CPU time and context switches of every thread of a process (Open MPI runs threads of its own)."""
    cpu = switches = 0
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/schedstat") as f:
                cpu += int(f.read().split()[0])
            with open(f"/proc/{pid}/task/{tid}/status") as f:
                for line in f:
                    if line.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")):
                        switches += int(line.split()[1])
        except OSError:
            pass  # a thread that ended meanwhile
    return cpu, switches


def rank_pids(job):
    out = subprocess.run(["pgrep", "-f", f"perfmatrix run {job}"], capture_output=True, text=True).stdout
    pids = []
    for pid in out.split():
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                if f.read().split(b"\0")[0].endswith(b"perfmatrix"):
                    pids.append(int(pid))
        except OSError:
            pass
    return sorted(pids)


def idle_costs(tmp, doorbells, window=2.0):
    job = os.path.join(tmp, "sleep.toml")
    with open(job, "w") as f:
        f.write(job_text(1, '["/bin/sleep", "3"]'))
    out = os.path.join(tmp, "sleep.h5")
    if os.path.exists(out):
        os.remove(out)
    proc = subprocess.Popen(command(3, job, out), env=mpi_env(doorbells), stdout=subprocess.DEVNULL)
    time.sleep(0.8)  # start-up and the hand-out
    pids = rank_pids(job)
    before = {p: cpu_ns_and_switches(p) for p in pids}
    time.sleep(window)
    after = {p: cpu_ns_and_switches(p) for p in pids}
    proc.wait()
    rows = []
    for p in pids:
        cpu = (after[p][0] - before[p][0]) / 1e9 / window
        wakes = (after[p][1] - before[p][1]) / window
        rows.append((cpu, wakes))
    return rows


def main():
    if not os.access(PERFMATRIX, os.X_OK):
        sys.exit(f"missing {PERFMATRIX}: build first")
    small = max(N // 5, 1)
    configs = [(1, True), (2, True), (2, False), (3, True), (3, False)]
    print(f"{N} no-op spawn cases; per case = (wall({N}) - wall({small})) / {N - small}")
    print(f"{'ranks':>5} {'workers':>7} {'wait':>9} {'wall s':>8} {'ms/case':>8} {'cases/s':>8} {'x 1 rank':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        base_rate = None
        base_ms = None
        for ranks, doorbells in configs:
            big = timed_run(tmp, ranks, doorbells, N)
            little = timed_run(tmp, ranks, doorbells, small)
            per_case = (big - little) / (N - small)
            rate = 1 / per_case
            if base_rate is None:
                base_rate, base_ms = rate, per_case * 1e3
            wait = "-" if ranks == 1 else ("doorbell" if doorbells else "nap")
            workers = 1 if ranks == 1 else ranks - 1
            print(f"{ranks:>5} {workers:>7} {wait:>9} {big:>8.2f} {per_case * 1e3:>8.2f} {rate:>8.0f} "
                  f"{rate / base_rate:>8.2f}")
        print(f"(1 rank: rank 0 measures itself at {base_ms:.2f} ms a case)")
        print()
        print("one 3 s case under 3 ranks, over 2 s: each rank's CPU use and wake-ups (context switches) a second")
        for doorbells in (True, False):
            rows = idle_costs(tmp, doorbells)
            cells = "  ".join(f"{cpu * 100:5.2f} % {wakes:6.0f}/s" for cpu, wakes in rows)
            print(f"{'doorbell' if doorbells else 'nap':>9}: {cells}")


if __name__ == "__main__":
    main()
