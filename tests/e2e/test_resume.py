"""kill -9 of a whole mpirun run mid-way, then report and --resume: nothing that finished is
lost and every planned case ends up recorded exactly once."""

import collections
import os
import subprocess
import unittest

from e2e_support import BIN, E2ETest, kill_mid_run, mpirun_argv, planned_count, read_joined, read_table, run

JOB = """
[defaults]
# One round per case: this test counts rows of `cases` (test_rounds.py covers rounds).
rounds = 1
warmup = 0
repetitions = 2

[[benchmark]]
name = "nap"
kind = "spawn"
argv = ["/bin/sleep", "0.05"]
[benchmark.matrix]
i = [{cases}]
"""


class KillAndResume(E2ETest):
    def test_sigkill_mid_run_then_resume_records_every_case_exactly_once(self):
        job = self.job("naps.toml", JOB.format(cases=", ".join(str(i) for i in range(40))))
        planned = planned_count(job)
        out = self.out()
        done_before_kill = kill_mid_run(mpirun_argv(3, "run", job, "-o", out, "--progress", "lines"),
                                        os.path.join(self.dir, "progress.log"), 8)
        self.assertLess(done_before_kill, planned, "the run finished before the kill; test proves nothing")

        # report reads the killed file; perfmatrix recovers it itself and says so in one line.
        rep = subprocess.run([BIN, "report", out], capture_output=True, text=True)
        self.assertEqual(rep.returncode, 0, rep.stderr + rep.stdout)
        self.assertIn("recovered", rep.stderr)
        self.assertEqual(len(rep.stderr.strip().splitlines()), 1, rep.stderr)
        # ...after which h5dump opens it too.
        self.assertEqual(subprocess.run(["h5dump", "-H", out], capture_output=True).returncode, 0)
        kept = read_table(out, "cases")
        self.assertGreaterEqual(len(kept), done_before_kill - 1,
                                "a case that was reported finished was lost")

        r = run(mpirun_argv(3, "run", job, "-o", out, "--resume", "--progress", "lines"))
        self.assertEqual(r.returncode, 0, r.stderr + r.stdout)
        cases = read_table(out, "cases")
        counts = collections.Counter(c["case_id"] for c in cases)
        self.assertEqual(len(counts), planned)
        self.assertEqual(set(counts.values()), {1}, [k for k, v in counts.items() if v > 1])
        invocations = read_table(out, "invocations")
        self.assertEqual([i["status"] for i in invocations], ["killed", "completed"])
        self.assertEqual({c["invocation"] for c in cases}, {0, 1})
        # Samples: exactly the repetitions of each committed case, none left from the kill.
        samples = read_joined(out, "samples")
        wall = collections.Counter(s["case_id"] for s in samples if s["metric"] == "wall_time")
        self.assertEqual(set(wall.values()), {2})
        self.assertEqual(set(wall), set(counts))

        again = run(mpirun_argv(3, "run", job, "-o", out, "--resume", "--progress", "lines"))
        self.assertEqual(again.returncode, 0, again.stderr)
        self.assertEqual(len(read_table(out, "cases")), planned, "a complete run reran cases")

    def test_resume_refuses_a_different_job(self):
        job = self.job("a.toml", JOB.format(cases="1, 2"))
        out = self.out()
        self.assertEqual(run(mpirun_argv(3, "run", job, "-o", out)).returncode, 0)
        other = self.job("b.toml", JOB.format(cases="1, 2, 3"))
        r = run(mpirun_argv(3, "run", other, "-o", out, "--resume"))
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("hash", (r.stderr + r.stdout).lower())
        self.assertEqual(len(read_table(out, "cases")), 2)

    def test_an_existing_file_is_not_overwritten_without_asking(self):
        job = self.job("a.toml", JOB.format(cases="1"))
        out = self.out()
        self.assertEqual(run(mpirun_argv(3, "run", job, "-o", out)).returncode, 0)
        r = run(mpirun_argv(3, "run", job, "-o", out))
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("--resume", r.stderr + r.stdout)


if __name__ == "__main__":
    unittest.main(verbosity=2)
