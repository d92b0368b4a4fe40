"""How rank 0 and the workers wait for each other under real mpirun: doorbells (a TCP byte before
every message, orchestrator/run/doorbells.hpp), and the nap-polling fallback without them."""

import os
import subprocess
import time
import unittest

from e2e_support import E2ETest, job_toml, mpi_env, mpirun_argv, read_table, spawn, succeeded


def voluntary_switches(pid):
    """Of the main thread: it is the one that waits (Open MPI's threads have waits of their own)."""
    with open(f"/proc/{pid}/task/{pid}/status") as f:
        for line in f:
            if line.startswith("voluntary_ctxt_switches"):
                return int(line.split()[1])
    raise AssertionError("no voluntary_ctxt_switches")


def rank_pids(job):
    out = subprocess.run(["pgrep", "-f", f"run {job}"], capture_output=True, text=True).stdout
    pids = []
    for pid in out.split():
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                if os.path.basename(f.read().split(b"\0")[0]) == b"perfmatrix":
                    pids.append(int(pid))
        except OSError:
            pass
    return pids


class Dispatch(E2ETest):
    def run_three_ranks(self, doorbells):
        job = self.job("d.toml", job_toml(spawn("t", ["/bin/true", "{i}"], {"i": list(range(12))}),
                                          warmup=0, repetitions=1, rounds=1, placement="shared"))
        env = mpi_env()
        env["PERFMATRIX_DOORBELLS"] = doorbells
        argv = mpirun_argv(3, "run", job, "-o", self.out())
        argv[1:1] = ["-x", "PERFMATRIX_DOORBELLS"]
        return subprocess.run(argv, env=env, capture_output=True, text=True, timeout=300)

    def test_every_case_is_recorded_with_and_without_doorbells(self):
        for doorbells in ("on", "off"):
            with self.subTest(doorbells=doorbells):
                if os.path.exists(self.out()):
                    os.remove(self.out())
                r = self.run_three_ranks(doorbells)
                succeeded(r)
                cases = read_table(self.out(), "cases")
                self.assertEqual([c["status"] for c in cases], ["ok"] * 12)
                self.assertEqual(sorted({c["rank"] for c in cases}), [1, 2])
                # Only the fallback is announced: it is the slow path.
                self.assertEqual("have no doorbell" in r.stderr, doorbells == "off", r.stderr)

    def idle_wakeups(self, doorbells, window=1.5):
        """Wake-ups a second of each rank's main thread while one worker measures a 4 s case."""
        job = self.job("idle.toml", job_toml(spawn("sleep", ["/bin/sleep", "4"]), warmup=0, repetitions=1, rounds=1))
        env = mpi_env()
        env["PERFMATRIX_DOORBELLS"] = doorbells
        argv = mpirun_argv(3, "run", job, "-o", self.out("idle.h5"), "--overwrite", "--progress", "none")
        argv[1:1] = ["-x", "PERFMATRIX_DOORBELLS"]
        proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            deadline = time.monotonic() + 60
            pids = []
            while len(pids) < 3 and time.monotonic() < deadline:
                time.sleep(0.1)
                pids = rank_pids(job)
            self.assertEqual(len(pids), 3, "three ranks expected")
            # Past the start-up: rank 0 writes the running-cases file once the case is handed out
            # (a slow machine may take seconds to get there; start-up wakes ranks often).
            running = self.out("idle.h5") + ".running"
            while not os.path.exists(running) and time.monotonic() < deadline:
                time.sleep(0.05)
            self.assertTrue(os.path.exists(running), "the case never started")
            time.sleep(0.3)
            before = {p: voluntary_switches(p) for p in pids}
            time.sleep(window)
            after = {p: voluntary_switches(p) for p in pids}
        finally:
            _, err = proc.communicate(timeout=120)
        self.assertEqual(proc.returncode, 0, err)
        return sorted((after[p] - before[p]) / window for p in pids)

    def test_waiting_ranks_sleep_until_a_doorbell_rings(self):
        # A count of voluntary context switches, not a time: a loaded machine delays a wake-up,
        # it does not add one. With naps each waiting rank wakes ~100 times a second (fewer on a
        # loaded machine, where each nap lasts longer); sleeping on its doorbell (1 s timeout) a
        # rank wakes about once.
        with_doorbells = self.idle_wakeups("on")
        self.assertLess(max(with_doorbells), 10, with_doorbells)
        with_naps = self.idle_wakeups("off")
        self.assertGreater(max(with_naps), 30, with_naps)


if __name__ == "__main__":
    unittest.main()
