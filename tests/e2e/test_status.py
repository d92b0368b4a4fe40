"""perfmatrix status: progress per benchmark from the results file, while the run writes it
and after it has finished or was interrupted."""

import json
import os
import signal
import unittest

from e2e_support import (
    BIN,
    ONE_ROUND,
    E2ETest,
    job_toml,
    mpirun_argv,
    perfmatrix,
    read_table,
    run,
    spawn,
    start,
    succeeded,
    wait_for,
)

JOB = job_toml(spawn("quick", ["/bin/true"], {"i": [0, 1]}),
          spawn("nap", ["/bin/sleep", "0.4"], {"i": list(range(10))}),
          warmup=0, repetitions=1, **ONE_ROUND)


def status(path):
    return json.loads(succeeded(perfmatrix("status", path, "--json", timeout=60)).stdout)


def done_so_far(path):
    """Cases done, or 0 while the file does not exist yet."""
    try:
        return status(path)["total"]["done"]
    except (AssertionError, json.JSONDecodeError):
        return 0


class Status(E2ETest):
    def test_while_running_and_after(self):
        job = self.job("job.toml", JOB)
        out = self.out()
        proc = start(mpirun_argv(3, "run", job, "-o", out, "--progress", "none"))
        seen = []

        def some_done_some_left():
            try:
                s = status(out)
            except (AssertionError, json.JSONDecodeError):
                return False  # the file is not created yet
            seen.append(s)
            return s["total"]["done"] > 0 and s["total"]["left"] > 0 and s["total"]["running"] > 0

        try:
            # 2 measuring ranks and cases of 0.4 s: nearly every look catches cases in flight.
            wait_for(some_done_some_left, 60, "a status with cases done, running and left")
        finally:
            _, err = proc.communicate(timeout=120)
        self.assertEqual(proc.returncode, 0, err)
        live = seen[-1]
        self.assertTrue(live["writer_active"])
        self.assertEqual(live["total"]["planned"], 12)
        self.assertEqual([b["benchmark"] for b in live["benchmarks"]], ["quick", "nap"])
        self.assertEqual(sum(b["planned"] for b in live["benchmarks"]), 12)
        for b in live["benchmarks"]:
            accounted = b["done"] + b["failed"] + b["skipped"] + b["unschedulable"] + b["running"] + b["left"]
            self.assertEqual(accounted, b["planned"], b)
        self.assertTrue(all(s["total"]["running"] <= 2 for s in seen), seen)
        self.assertEqual([i["status"] for i in live["invocations"]], ["running"])

        final = status(out)
        self.assertFalse(final["writer_active"])
        self.assertEqual(final["total"], {"planned": 12, "done": 12, "failed": 0, "skipped": 0,
                                          "unschedulable": 0, "running": 0, "left": 0})
        self.assertFalse(os.path.exists(out + ".running"), "the in-flight list outlives its run")
        self.assertEqual([i["status"] for i in final["invocations"]], ["completed"])
        text = succeeded(perfmatrix("status", out))
        self.assertRegex(text.stdout, r"\n  nap\s+10\s+10\s+0\s+0\s+0\s+0\s+0\n")
        self.assertIn("none: the file is closed", text.stdout)

    def test_interrupted_run_shows_what_is_left(self):
        job = self.job("job.toml", JOB)
        out = self.out()
        proc = start(mpirun_argv(3, "run", job, "-o", out, "--progress", "lines"))
        wait_for(lambda: done_so_far(out) >= 3, 60, "3 committed cases")
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=60)
        s = status(out)
        committed = len(read_table(out, "cases"))
        self.assertEqual(s["total"]["left"], 12 - committed)
        self.assertGreater(s["total"]["left"], 0)
        self.assertEqual([i["status"] for i in s["invocations"]], ["interrupted"])

    def test_unreadable_file_is_an_error(self):
        bad = self.job("not.h5", "not hdf5")
        r = run([BIN, "status", bad])
        self.assertEqual(r.returncode, 1)
        self.assertIn("perfmatrix status:", r.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
