"""The CLI as a user meets it: --version, --help on each subcommand, and bad job files that
exit 2 with file:line:col before anything runs."""

import os
import re
import subprocess
import unittest

from e2e_support import BIN, E2ETest, mpirun_argv, run


class Cli(E2ETest):
    def test_version_and_help(self):
        v = subprocess.run([BIN, "--version"], capture_output=True, text=True)
        self.assertEqual(v.returncode, 0)
        self.assertRegex(v.stdout, r"perfmatrix \d+\.\d+\.\d+")
        for sub in ("run", "plan", "report"):
            h = subprocess.run([BIN, sub, "--help"], capture_output=True, text=True)
            self.assertEqual(h.returncode, 0, sub)
            self.assertIn("Usage", h.stdout)

    def test_bad_job_exits_2_with_its_location_and_runs_nothing(self):
        job = self.job("bad.toml", '[[benchmark]]\nname = "x"\nkind = "spawn"\nargv = ["{nope}"]\n')
        plan = subprocess.run([BIN, "plan", job], capture_output=True, text=True)
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
        r = subprocess.run([BIN, "run", job, "-o", out], capture_output=True, text=True)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertRegex(r.stderr, re.escape(job) + r":1:\d+:")
        self.assertFalse(os.path.exists(out))


if __name__ == "__main__":
    unittest.main(verbosity=2)
