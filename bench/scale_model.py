#!/usr/bin/env python3
"""Checks the shape of the scale model in docs/scale.md with many oversubscribed ranks.

The model: one coordinator takes at most C results a second (its capacity: what rank 0 absorbs
when workers answer at once), and R workers running cases of d seconds offer R / d. The run goes
at min(R / d, C). Workers here are bench/flood_worker with FLOOD_CASE_MS=d: each case is a sleep
of d ms, so 64 or 128 of them fit on 2 cores and only rank 0 does real work (the real
`perfmatrix run`, its HDF5 commits included). C is measured first, in the same run (d = 0,
16 workers). The rate is the steady one, from the file: cases over first start to last end.

    python3 bench/scale_model.py [BUILD_DIR]
"""
import os
import subprocess
import sys
import tempfile
import time

import h5py

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build")
PERFMATRIX = os.path.join(BUILD, "orchestrator", "perfmatrix")
FLOOD = os.path.join(BUILD, "bench", "flood_worker")


def job(path, cases):
    values = ",".join(str(i) for i in range(cases))
    with open(path, "w") as f:
        f.write('[defaults]\nwarmup = 0\nrepetitions = 2\nrounds = 1\nplacement = "shared"\n\n'
                '[[benchmark]]\nname = "flood"\nkind = "spawn"\nargv = ["/bin/true"]\n'
                f"[benchmark.matrix]\ni = [{values}]\n")


def steady_rate(tmp, workers, case_ms, cases):
    path = os.path.join(tmp, f"j{cases}.toml")
    if not os.path.exists(path):
        job(path, cases)
    out = os.path.join(tmp, "out.h5")
    if os.path.exists(out):
        os.remove(out)
    env = dict(os.environ, FLOOD_CASE_MS=str(case_ms))
    if os.getuid() == 0:
        env.update(OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1")
    env.setdefault("OMPI_MCA_pml", "ob1")
    argv = ["mpirun", "--oversubscribe", "-np", "1", PERFMATRIX, "run", path, "-o", out, "--progress", "none",
            ":", "-np", str(workers), FLOOD]
    start = time.perf_counter()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    with h5py.File(out, "r") as f:
        cases_table = f["cases"]
        started, ended = cases_table["started"][:], cases_table["ended"][:]
        assert len(set(cases_table["case_id"][:])) == cases, "every case stored once"
    return cases / (ended.max() - started.min()), wall


def main():
    for exe in (PERFMATRIX, FLOOD):
        if not os.access(exe, os.X_OK):
            sys.exit(f"missing {exe}: build perfmatrix and flood_worker first")
    with tempfile.TemporaryDirectory() as tmp:
        capacity, _ = steady_rate(tmp, 16, 0, 20000)
        print(f"rank 0's capacity C (16 workers answering at once): {capacity:.0f} cases/s; "
              f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
        print(f"{'workers':>7} {'case ms':>7} {'offered R/d':>11} {'model':>8} {'measured':>8} {'ratio':>6} "
              f"{'wall s':>7}")
        for workers, case_ms in ((64, 100), (128, 100), (64, 10), (128, 10), (128, 1)):
            offered = workers / (case_ms / 1000)
            model = min(offered, capacity)
            cases = int(min(max(model * 3, 2000), 30000))  # about 3 s of steady state
            rate, wall = steady_rate(tmp, workers, case_ms, cases)
            print(f"{workers:>7} {case_ms:>7} {offered:>11.0f} {model:>8.0f} {rate:>8.0f} {rate / model:>6.2f} "
                  f"{wall:>7.1f}")


if __name__ == "__main__":
    main()
