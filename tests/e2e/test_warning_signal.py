"""SIGUSR1, SLURM's warning before a time limit: rank 0 starts nothing new, the cases in flight
finish (within --grace), everything finished is kept, the run is marked interrupted and exits
3; a --resume runs only what is missing, each case exactly once."""

import collections
import glob
import os
import signal
import time
import unittest

from e2e_support import (
    BIN,
    ONE_ROUND,
    E2ETest,
    job_toml,
    mpirun_argv,
    pid_alive,
    planned_count,
    read_table,
    run,
    spawn,
    start,
    succeeded,
    wait_for,
)


# Each case leaves a file when it starts, so the test knows what is in flight.
def step_job(directory, seconds):
    step = ["/bin/sh", "-c", f"echo $$ > {directory}/started-{{i}}; sleep {seconds}"]
    return job_toml(spawn("step", step, {"i": list(range(8))}), warmup=0, repetitions=1, timeout=300, **ONE_ROUND)


class WarningSignal(E2ETest):
    def start(self, argv, seconds):
        job = self.job("job.toml", step_job(self.dir, seconds))
        out = self.out()
        proc = start(argv(job, out))
        wait_for(lambda: self.started(), 60, "a case to start")
        return proc, job, out

    def started(self):
        return sorted(glob.glob(os.path.join(self.dir, "started-*")))

    def case_pids(self):
        return [int(open(p).read().split()[0]) for p in self.started() if os.path.getsize(p) > 0]

    def test_in_flight_cases_finish_then_resume_completes_each_case_once(self):
        proc, job, out = self.start(
            lambda job, out: mpirun_argv(3, "run", job, "-o", out, "--progress", "lines"), seconds=1.5)
        proc.send_signal(signal.SIGUSR1)  # mpirun forwards it to every rank
        in_flight = set(self.started())
        _, err = proc.communicate(timeout=60)
        self.assertEqual(proc.returncode, 3, err)
        self.assertIn("SIGUSR1", err)
        cases = read_table(out, "cases")
        # Workers kept measuring through the signal: what was in flight finished, and ok.
        self.assertGreaterEqual(len(cases), len(in_flight), err)
        self.assertEqual({c["status"] for c in cases}, {"ok"}, cases)
        self.assertLess(len(cases), 8, "nothing was left to resume; the test proves nothing")
        # Nothing new started after the warning (one more may have been handed out as it arrived).
        self.assertLessEqual(len(self.started()), len(in_flight) + 2)
        self.assertEqual(len(self.started()), len(cases), "a case started but was not recorded")
        self.assertEqual([i["status"] for i in read_table(out, "invocations")], ["interrupted"])

        succeeded(run(mpirun_argv(3, "run", job, "-o", out, "--resume", "--progress", "lines")))
        counts = collections.Counter(c["case_id"] for c in read_table(out, "cases"))
        self.assertEqual(len(counts), planned_count(job))
        self.assertEqual(set(counts.values()), {1})
        self.assertEqual([i["status"] for i in read_table(out, "invocations")], ["interrupted", "completed"])

    def test_grace_ends_by_cancelling_what_still_runs(self):
        proc, job, out = self.start(
            lambda job, out: mpirun_argv(3, "run", job, "-o", out, "--progress", "lines", "--grace", "1"),
            seconds=300)
        pids = self.case_pids()
        begun = time.monotonic()
        proc.send_signal(signal.SIGUSR1)
        _, err = proc.communicate(timeout=60)
        self.assertEqual(proc.returncode, 3, err)
        self.assertLess(time.monotonic() - begun, 30, "the grace period did not end the run")
        self.assertEqual(read_table(out, "cases"), [], "a cancelled case was recorded")
        self.assertEqual([i["status"] for i in read_table(out, "invocations")], ["interrupted"])
        for pid in pids:
            self.assertFalse(pid_alive(pid), f"case process {pid} outlived the run")

    def test_sigterm_after_the_warning_still_stops_at_once(self):
        proc, job, out = self.start(
            lambda job, out: mpirun_argv(3, "run", job, "-o", out, "--progress", "lines"), seconds=300)
        pids = self.case_pids()
        proc.send_signal(signal.SIGUSR1)
        time.sleep(0.5)
        begun = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
        self.assertLess(time.monotonic() - begun, 30, "SIGTERM waited for the 60 s grace")
        self.assertNotEqual(proc.returncode, 0, err)
        self.assertEqual([i["status"] for i in read_table(out, "invocations")], ["interrupted"])
        for pid in pids:
            self.assertFalse(pid_alive(pid), f"case process {pid} outlived the run")

    def test_single_rank_run(self):
        proc, job, out = self.start(lambda job, out: [BIN, "run", job, "-o", out, "--progress", "lines"],
                                    seconds=1)
        proc.send_signal(signal.SIGUSR1)
        _, err = proc.communicate(timeout=60)
        self.assertEqual(proc.returncode, 3, err)
        cases = read_table(out, "cases")
        self.assertEqual([c["status"] for c in cases], ["ok"], "the case in flight finished and was kept")
        self.assertEqual([i["status"] for i in read_table(out, "invocations")], ["interrupted"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
