"""The CLI as a user meets it: --version, --help on each subcommand, and bad job files that
exit 2 with file:line:col before anything runs."""

import json
import os
import re
import shlex
import subprocess
import unittest

from e2e_support import BIN, E2ETest, mpi_env, mpirun_argv, nap_job, perfmatrix, run, succeeded


class Cli(E2ETest):
    def test_version_and_help(self):
        v = succeeded(perfmatrix("--version"))
        self.assertRegex(v.stdout, r"perfmatrix \d+\.\d+\.\d+")
        for sub in ("run", "plan", "report"):
            h = succeeded(perfmatrix(sub, "--help"))
            self.assertIn("Usage", h.stdout)

    def test_bad_job_exits_2_with_its_location_and_runs_nothing(self):
        job = self.job("bad.toml", '[[benchmark]]\nname = "x"\nkind = "spawn"\nargv = ["{nope}"]\n')
        plan = perfmatrix("plan", job)
        self.assertEqual(plan.returncode, 2)
        self.assertRegex(plan.stderr, re.escape(job) + r":4:\d+: .*nope")

        out = self.out()
        r = run(mpirun_argv(3, "run", job, "-o", out))
        self.assertNotEqual(r.returncode, 0)
        self.assertIn(f"{job}:4:", r.stderr + r.stdout)
        self.assertFalse(os.path.exists(out), "a rejected job must not create a results file")

    def test_syntax_error_under_a_single_rank(self):
        job = self.job("syntax.toml", "[[benchmark]\n")
        out = self.out()
        r = perfmatrix("run", job, "-o", out)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertRegex(r.stderr, re.escape(job) + r":1:\d+:")
        self.assertFalse(os.path.exists(out))


    def test_progress_on_a_terminal_shows_done_running_left_and_eta(self):
        job = self.job("naps.toml", nap_job([1, 2, 3, 4]))
        out = self.out()
        # script(1) gives mpirun a terminal, as a user at a shell would have; rank 0's own
        # stderr is still a pipe to mpirun.
        typed = shlex.join(mpirun_argv(3, "run", job, "-o", out))
        screen = subprocess.run(["script", "-qefc", typed, "/dev/null"], env=mpi_env(),
                                capture_output=True, timeout=120)  # bytes: keep the \r
        shown = screen.stdout.decode()
        self.assertEqual(screen.returncode, 0, shown)
        self.assertIn("\r\x1b[K[perfmatrix]", shown, "the status line is redrawn in place")
        self.assertRegex(shown, r"\[perfmatrix\] \d/4 done, \d running, \d left, elapsed \d+s, ETA")
        self.assertIn("4/4 done", shown)

        # Not on a terminal: one line per finished case.
        lines = succeeded(run(mpirun_argv(3, "run", job, "-o", self.out("lines.h5"))))
        self.assertEqual(len(re.findall(r"^\[\d/4\] nap i=\d ok ", lines.stderr, re.M)), 4, lines.stderr)
        self.assertNotIn("[perfmatrix]", lines.stderr)


    def test_perfmatrix_measure_runs_one_case_from_stdin_to_stdout(self):
        # The measuring process alone, as on a box without MPI: a case in, its outcome out.
        measure = os.path.join(os.path.dirname(BIN), "perfmatrix-measure")
        case = {"id": "t/1", "benchmark": "t", "kind": "spawn", "axes": [],
                "params": {"argv": ["/bin/true"]},
                "settings": {"warmup": 1, "repetitions": 3, "min_time": 0, "max_repetitions": 3,
                             "timeout": 10, "requires": [], "placement": "exclusive"}}
        r = subprocess.run([measure, "-", "-"], input=json.dumps(case), capture_output=True, text=True,
                           timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr)
        outcome = json.loads(r.stdout)
        self.assertEqual(outcome["status"], "ok", outcome["reason"])
        samples = outcome["samples"]
        walls = [w for m, w in zip(samples["metric"], samples["warmup"], strict=True) if m == "wall_time"]
        self.assertEqual(sorted(walls), [False, False, False, True])

        bad = subprocess.run([measure, "-", "-"], input="{not json", capture_output=True, text=True, timeout=60)
        self.assertEqual(bad.returncode, 0)
        self.assertEqual(json.loads(bad.stdout)["status"], "error")


if __name__ == "__main__":
    unittest.main(verbosity=2)
