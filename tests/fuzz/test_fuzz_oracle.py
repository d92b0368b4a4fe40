"""fuzz_cli.py's judge can fail: a fake perfmatrix that crashes, hangs, reports a sanitizer
error, exits with an undocumented code, or refuses a job without its location is each caught,
and its input saved; a well-behaved one passes."""

import os
import shutil
import stat
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fuzz_cli

# The fake does what its first argument says (the "subcommand").
FAKE = """#!/bin/sh
case "$1" in
  ok) exit 0 ;;
  refuse) echo "job.toml:3:7: expected an integer" >&2; exit 2 ;;
  refuse_unlocated) echo "bad job" >&2; exit 2 ;;
  silent) exit 2 ;;
  segv) kill -SEGV $$ ;;
  abort_code) exit 134 ;;
  asan) echo "==1==ERROR: AddressSanitizer: heap-buffer-overflow" >&2; exit 1 ;;
  ubsan) echo "x.cpp:3:5: runtime error: signed integer overflow" >&2; exit 0 ;;
  three) echo "no" >&2; exit 3 ;;
  hang) exec sleep 30 ;;
esac
exit 99
"""


class Oracle(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="perfmatrix-fuzz-oracle-")
        self.fake = os.path.join(self.dir, "perfmatrix")
        with open(self.fake, "w") as f:
            f.write(FAKE)
        os.chmod(self.fake, stat.S_IRWXU)
        self.failures = os.path.join(self.dir, "failures")
        self.runner = fuzz_cli.Runner(self.fake, timeout=1.0, failures_dir=self.failures, verbose=False)

    def tearDown(self):
        shutil.rmtree(self.dir)

    def judged(self, subcommand, allowed=frozenset({0, 1, 2}), extra_check=None, cwd=None):
        before = len(self.runner.failures)
        self.runner.check(subcommand, [subcommand], cwd or self.dir, allowed, {"input.bin": b"\x00x"},
                          extra_check)
        return len(self.runner.failures) > before

    def test_well_behaved_passes(self):
        self.assertFalse(self.judged("ok"))
        self.assertFalse(self.judged("refuse"))

    def test_crashes_hangs_and_sanitizer_reports_fail(self):
        for sub in ("segv", "abort_code", "asan", "ubsan", "hang"):
            with self.subTest(sub):
                self.assertTrue(self.judged(sub))

    def test_contract_breaches_fail(self):
        self.assertTrue(self.judged("silent"), "a refusal needs a message")
        self.assertTrue(self.judged("three"), "3 is not an exit code of bad input")
        work = os.path.join(self.dir, "work")
        os.mkdir(work)
        open(os.path.join(work, "job.toml"), "w").close()
        located = fuzz_cli.job_error_located(work)
        self.assertTrue(self.judged("refuse_unlocated", {0, 2}, located, work))
        self.assertFalse(self.judged("refuse", {0, 2}, located, work))
        open(os.path.join(work, "left-behind.h5"), "w").close()
        self.assertTrue(self.judged("refuse", {0, 2}, located, work), "plan must create nothing")

    def test_a_failure_is_saved_for_replay(self):
        self.judged("segv")
        saved = self.runner.failures[0]
        with open(os.path.join(saved, "input.bin"), "rb") as f:
            self.assertEqual(f.read(), b"\x00x")
        with open(os.path.join(saved, "failure.txt")) as f:
            self.assertIn("perfmatrix segv", f.read())


if __name__ == "__main__":
    unittest.main()
