"""--array-split N: each share runs its cases into its own file; perfmatrix merge puts them back
together, equal to one unsplit run; files that do not belong together are refused."""

import collections
import os
import subprocess
import unittest

from e2e_support import (
    BIN,
    ONE_ROUND,
    E2ETest,
    job_toml,
    mpi_env,
    mpirun_argv,
    perfmatrix,
    read_joined,
    read_table,
    run,
    spawn,
    succeeded,
)


def merge_job(first="alpha"):
    return job_toml(spawn(first, ["/bin/true"], {"i": list(range(5))}),
               spawn("beta", ["/bin/sh", "-c", "exit {code}"], {"code": [0, 1, 2, 3]}, expect_exit=0),
               warmup=0, repetitions=2, **ONE_ROUND)


def shape(path):
    """Per case: benchmark, status, axes and number of samples: what a merge must keep."""
    axes = collections.defaultdict(list)
    for a in read_table(path, "case_axes"):
        axes[a["case_id"]].append((a["axis"], a["value"]))
    samples = collections.Counter(s["case_id"] for s in read_joined(path, "samples"))
    return {c["case_id"]: (c["benchmark"], c["status"], tuple(axes[c["case_id"]]), samples[c["case_id"]])
            for c in read_table(path, "cases")}


class ArrayMerge(E2ETest):
    def setUp(self):
        super().setUp()
        self.job_path = self.job("job.toml", merge_job())

    def run_share(self, index, split=3, ranks=3, env=None, extra=()):
        out = self.out(f"share{index}.h5")
        argv = mpirun_argv(ranks, "run", self.job_path, "-o", out, "--progress", "none",
                           "--array-split", str(split), *extra)
        if index is not None:
            argv += ["--array-index", str(index)]
        if env is None:
            return run(argv), out
        return subprocess.run(argv, env=env, capture_output=True, text=True, timeout=300), out

    def test_three_shares_merged_equal_one_unsplit_run(self):
        shares = []
        for i in range(3):
            r, out = self.run_share(i)
            self.assertEqual(r.returncode, 0, r.stderr)
            shares.append(out)
        whole = self.out("whole.h5")
        succeeded(run(mpirun_argv(3, "run", self.job_path, "-o", whole, "--progress", "none")))

        parts = [shape(s) for s in shares]
        self.assertEqual([len(p) for p in parts], [3, 3, 3])
        for p in parts:  # balanced across benchmarks: every share has cases of both
            self.assertEqual({v[0] for v in p.values()}, {"alpha", "beta"})
        self.assertEqual(sum(len(p) for p in parts), len(set().union(*parts)), "a case ran in two shares")

        merged = self.out("all.h5")
        succeeded(perfmatrix("merge", *shares, "-o", merged))
        self.assertEqual(shape(merged), shape(whole))
        self.assertEqual(len(read_table(merged, "invocations")), 3)
        self.assertEqual(len(read_table(merged, "ranks")), 9)

        for cmd in (["report", merged], ["compare", whole, merged]):
            succeeded(perfmatrix(*cmd))
        rep = perfmatrix("report", merged).stdout
        self.assertIn("9 planned, 0 missing", rep)
        st = perfmatrix("status", merged).stdout
        self.assertRegex(st, r"\n  total\s+9\s+6\s+3\s+0\s+0\s+0\s+0\n")

        # Merging a share again with the unsplit run: other split, refused, naming the file.
        m = perfmatrix("merge", whole, shares[0], "-o", self.out("bad.h5"))
        self.assertEqual(m.returncode, 2, m.stderr)
        self.assertIn(shares[0], m.stderr)
        self.assertFalse(os.path.exists(self.out("bad.h5")))

    def test_index_from_slurm_and_resume_with_another_split_refused(self):
        env = dict(mpi_env(), SLURM_ARRAY_TASK_ID="1")
        r, out = self.run_share(None, ranks=1, env=env)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(len(read_table(out, "cases")), 3)
        # A different split on --resume would mix two plans.
        r = run([BIN, "run", self.job_path, "-o", out, "--resume", "--array-split", "2", "--array-index", "1"])
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("share 1 of --array-split 3", r.stderr)
        r = run([BIN, "run", self.job_path, "-o", out, "--resume"])
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("the whole job", r.stderr)
        # The same share resumes: nothing left, nothing rerun.
        succeeded(run([BIN, "run", self.job_path, "-o", out, "--resume", "--array-split", "3", "--array-index", "1"]))
        self.assertEqual(len(read_table(out, "cases")), 3)

    def test_bad_share_options(self):
        r = run([BIN, "run", self.job_path, "-o", self.out("x.h5"), "--array-split", "3"],
                drop_env=("SLURM_ARRAY_TASK_ID",))
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("$SLURM_ARRAY_TASK_ID", r.stderr)
        r = run([BIN, "run", self.job_path, "-o", self.out("x.h5"), "--array-split", "3", "--array-index", "3"])
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("expected 0 to 2", r.stderr)
        self.assertFalse(os.path.exists(self.out("x.h5")))

    def test_merge_refuses_another_job(self):
        r, a = self.run_share(0, ranks=1)
        self.assertEqual(r.returncode, 0, r.stderr)
        other_job = self.job("other.toml", merge_job("gamma"))
        b = self.out("other.h5")
        succeeded(run([BIN, "run", other_job, "-o", b, "--progress", "none", "--array-split", "3",
                       "--array-index", "1"]))
        m = perfmatrix("merge", a, b, "-o", self.out("m.h5"))
        self.assertEqual(m.returncode, 2)
        self.assertIn(f"{b}: written for another job", m.stderr)
        self.assertFalse(os.path.exists(self.out("m.h5")))


if __name__ == "__main__":
    unittest.main(verbosity=2)
