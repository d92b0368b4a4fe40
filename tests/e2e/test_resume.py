"""kill -9 of a whole mpirun run mid-way, then report and --resume: nothing that finished is
lost and every planned case ends up recorded exactly once."""

import collections
import os
import subprocess
import unittest

from e2e_support import (
    BIN,
    ONE_ROUND,
    E2ETest,
    job_toml,
    kill_mid_run,
    mpirun_argv,
    nap_job,
    perfmatrix,
    planned_count,
    read_joined,
    read_table,
    run,
    spawn,
    start,
    succeeded,
    wait_for,
)


def job_text(cases):
    return nap_job([int(i) for i in cases.split(", ")])


class KillAndResume(E2ETest):
    def test_sigkill_mid_run_then_resume_records_every_case_exactly_once(self):
        job = self.job("naps.toml", nap_job(40))
        planned = planned_count(job)
        out = self.out()
        done_before_kill = kill_mid_run(mpirun_argv(3, "run", job, "-o", out, "--progress", "lines"),
                                        os.path.join(self.dir, "progress.log"), 8)
        self.assertLess(done_before_kill, planned, "the run finished before the kill; test proves nothing")

        # report reads the killed file; perfmatrix recovers it itself and says so in one line.
        rep = succeeded(perfmatrix("report", out))
        self.assertIn("recovered", rep.stderr)
        self.assertEqual(len(rep.stderr.strip().splitlines()), 1, rep.stderr)
        # ...after which h5dump opens it too.
        self.assertEqual(subprocess.run(["h5dump", "-H", out], capture_output=True).returncode, 0)
        kept = read_table(out, "cases")
        self.assertGreaterEqual(len(kept), done_before_kill - 1,
                                "a case that was reported finished was lost")

        succeeded(run(mpirun_argv(3, "run", job, "-o", out, "--resume", "--progress", "lines")))
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

        succeeded(run(mpirun_argv(3, "run", job, "-o", out, "--resume", "--progress", "lines")))
        self.assertEqual(len(read_table(out, "cases")), planned, "a complete run reran cases")

    def test_resume_refuses_a_different_job(self):
        job = self.job("a.toml", job_text("1, 2"))
        out = self.out()
        self.assertEqual(run(mpirun_argv(3, "run", job, "-o", out)).returncode, 0)
        other = self.job("b.toml", job_text("1, 2, 3"))
        r = run(mpirun_argv(3, "run", other, "-o", out, "--resume"))
        self.assertEqual(r.returncode, 2, r.stderr)  # bad input, as docs/usage.md says
        self.assertIn("written for another job", r.stderr)
        self.assertEqual(len(read_table(out, "cases")), 2)

    def test_an_existing_file_is_not_overwritten_without_asking(self):
        job = self.job("a.toml", job_text("1"))
        out = self.out()
        self.assertEqual(run(mpirun_argv(3, "run", job, "-o", out)).returncode, 0)
        r = run(mpirun_argv(3, "run", job, "-o", out))
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("--resume", r.stderr + r.stdout)



SLOW = job_toml(spawn("slow", ["/bin/sleep", "6"]), warmup=0, repetitions=1, **ONE_ROUND)


def contents(path):
    with open(path) as f:
        return f.read()


class Overwrite(E2ETest):
    """--overwrite deletes a file: only a results file that nobody is writing."""

    def test_overwrite_refuses_a_file_a_running_run_writes(self):
        job = self.job("slow.toml", SLOW)
        out = self.out()
        first = start([BIN, "run", job, "-o", out, "--progress", "none"])
        try:
            # The running-cases list appears once the first case has started, after the file.
            wait_for(lambda: os.path.exists(out + ".running"), 60, "the first run to start its case")
            other = self.job("other.toml", job_text("1"))
            r = run([BIN, "run", other, "-o", out, "--overwrite"])
            self.assertIsNone(first.poll(), "the first run ended before the check; the test proves nothing")
            self.assertEqual(r.returncode, 2, r.stderr)
            self.assertIn("a running perfmatrix is writing it", r.stderr)
            self.assertEqual(len(r.stderr.strip().splitlines()), 1, r.stderr)
        finally:
            _, err = first.communicate(timeout=120)
        self.assertEqual(first.returncode, 0, err)
        self.assertEqual([c["benchmark"] for c in read_table(out, "cases")], ["slow"])

    def test_the_job_file_is_never_the_output(self):
        job = self.job("a.toml", job_text("1"))
        before = contents(job)
        r = run([BIN, "run", job, "-o", job, "--overwrite"])
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("-o names the job file itself", r.stderr)
        self.assertEqual(contents(job), before)

    def test_overwrite_refuses_files_perfmatrix_did_not_write(self):
        import h5py
        job = self.job("a.toml", job_text("1"))
        text_file = self.out("notes.h5")
        with open(text_file, "w") as f:
            f.write("my notes\n")
        foreign = self.out("foreign.h5")
        with h5py.File(foreign, "w") as f:
            f["x"] = [1, 2, 3]
        for path, why in ((text_file, "not HDF5"), (foreign, "did not write")):
            r = run([BIN, "run", job, "-o", path, "--overwrite"])
            self.assertEqual(r.returncode, 2, r.stderr)
            self.assertIn(why, r.stderr)
        self.assertEqual(contents(text_file), "my notes\n")
        with h5py.File(foreign, "r") as f:
            self.assertEqual(list(f["x"][:]), [1, 2, 3])

    def test_overwrite_replaces_a_finished_results_file(self):
        job = self.job("a.toml", job_text("1, 2"))
        out = self.out()
        self.assertEqual(run([BIN, "run", job, "-o", out]).returncode, 0)
        one = self.job("b.toml", job_text("1"))
        succeeded(run([BIN, "run", one, "-o", out, "--overwrite"]))
        self.assertEqual(len(read_table(out, "cases")), 1)


if __name__ == "__main__":
    unittest.main(verbosity=2)
