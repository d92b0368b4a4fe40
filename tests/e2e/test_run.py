"""perfmatrix run under real mpirun (>= 3 ranks): results, placement, failures, capabilities."""

import os
import re
import subprocess
import unittest

import h5py

from e2e_support import (
    BIN,
    ONE_ROUND,
    ROOT,
    E2ETest,
    has_gpu_devices,
    job_toml,
    mpirun_argv,
    perfmatrix,
    planned_count,
    read_table,
    run,
    spawn,
    succeeded,
)
from results_tables import load, with_names

PYTHONS = [p for p in ("/usr/bin/python3",) if os.path.exists(p)]


class RunUnderMpirun(E2ETest):
    def test_four_ranks_record_every_case_with_its_samples(self):
        job = self.job("small.toml", job_toml(
            spawn("true", ["/bin/true"]),
            spawn("python", ["{python}", "-S", "-c", "pass"], {"python": PYTHONS, "mode": ["a", "b"]}),
            warmup=1, repetitions=5, **ONE_ROUND))
        out = self.out()
        r = succeeded(run(mpirun_argv(4, "run", job, "-o", out, "--progress", "lines")))
        planned = planned_count(job)
        self.assertEqual(planned, 1 + 2 * len(PYTHONS))

        # h5dump reads the schema.
        dump = subprocess.run(["h5dump", "-H", out], capture_output=True, text=True)
        self.assertEqual(dump.returncode, 0, dump.stderr)
        for table in ("cases", "samples", "metrics", "ranks", "invocations", "case_axes"):
            self.assertIn(f'DATASET "{table}"', dump.stdout)

        # Loaded with h5py into pandas (samples joined to case ids and metric names docs/results.md's
        # way), counts match the plan.
        with h5py.File(out, "r") as f:
            samples = with_names(f, "samples")
            cases = load(f, "cases")
        self.assertEqual(len(cases), planned)
        self.assertEqual(cases["case_id"].nunique(), planned)
        measured = samples[(samples.metric == "wall_time") & (samples.warmup == 0)]
        per_case = measured.groupby("case_id").size()
        self.assertEqual(len(per_case), planned)
        self.assertTrue((per_case == 5).all(), per_case)
        warm = samples[(samples.metric == "wall_time") & (samples.warmup != 0)].groupby("case_id").size()
        self.assertTrue((warm == 1).all(), warm)

        # Every case ran on a worker rank (1..3), with its host; the ranks table has all four.
        self.assertTrue(cases["rank"].between(1, 3).all(), cases["rank"])
        self.assertTrue((cases["host"].str.len() > 0).all())
        ranks = read_table(out, "ranks")
        self.assertEqual(sorted(r["rank"] for r in ranks), [0, 1, 2, 3])
        self.assertTrue(all(r["cores"] >= 1 and r["cpuset"] for r in ranks))

        # Progress: one line per finished case when not on a terminal.
        self.assertEqual(len(re.findall(r"^\[\d+/\d+\] .* ok ", r.stderr, re.M)), planned, r.stderr)

        # max_rss is the child's, not the rank's: Linux starts a child's peak at its parent's
        # RSS, so cases run in a small perfmatrix-measure process (~4 MiB here), never in the
        # rank itself (~22 MiB with MPI and HDF5 loaded). /bin/true itself needs ~1 MiB.
        true_id = cases[cases.benchmark == "true"].case_id.iloc[0]
        rss = samples[(samples.case_id == true_id) & (samples.metric == "max_rss")].value
        self.assertLess(rss.median(), 12 * 2**20, rss)

        rep = succeeded(perfmatrix("report", out))
        self.assertIn("true", rep.stdout)
        self.assertIn("median", rep.stdout.lower())

    def test_exclusive_cases_never_overlap_on_a_node_and_shared_ones_do(self):
        job = self.job("placement.toml", job_toml(
            spawn("alone", ["/bin/sleep", "0.3"], {"i": [1, 2, 3, 4]}),
            spawn("together", ["/bin/sleep", "0.6"], {"i": [1, 2, 3]}, placement="shared"),
            warmup=0, repetitions=1, **ONE_ROUND))
        out = self.out()
        succeeded(run(mpirun_argv(4, "run", job, "-o", out, "--progress", "none")))
        cases = read_table(out, "cases")
        nodes = {row["rank"]: row["node"] for row in read_table(out, "ranks")}
        self.assertEqual(len(set(nodes.values())), 1, "all ranks share this machine")

        def overlaps(group):
            spans = sorted((c["started"], c["ended"]) for c in cases if c["benchmark"] == group)
            return any(b[0] < a[1] for a, b in zip(spans, spans[1:], strict=False))

        self.assertFalse(overlaps("alone"), "exclusive cases overlapped on one node")
        # Three 0.6 s shared cases on three idle workers start together (margin: each lasts
        # 0.6 s, dispatch takes milliseconds).
        self.assertTrue(overlaps("together"), "shared cases were serialised")
        self.assertEqual(len({c["rank"] for c in cases if c["benchmark"] == "together"}), 3)

    def test_failing_children_are_recorded_and_the_run_goes_on(self):
        sh = ["/bin/sh", "-c"]
        job = self.job("failures.toml", job_toml(
            spawn("exit3", [*sh, "echo bad things >&2; exit 3"]),
            spawn("killed", [*sh, "kill -9 $$"]),
            spawn("hangs", ["/bin/sleep", "30"]),
            spawn("missing", ["/nonexistent/program"]),
            spawn("fine", ["/bin/true"]),
            warmup=0, repetitions=2, timeout=0.5, **ONE_ROUND))
        out = self.out()
        succeeded(run(mpirun_argv(3, "run", job, "-o", out, "--progress", "lines"), timeout=120))
        by = {c["benchmark"]: c for c in read_table(out, "cases")}
        self.assertEqual(by["exit3"]["status"], "nonzero_exit")
        self.assertIn("3", by["exit3"]["reason"])
        self.assertIn("bad things", by["exit3"]["reason"])
        self.assertEqual(by["killed"]["status"], "signaled")
        self.assertIn("9", by["killed"]["reason"])
        self.assertEqual(by["hangs"]["status"], "timeout")
        self.assertLess(by["hangs"]["ended"] - by["hangs"]["started"], 10)
        self.assertEqual(by["missing"]["status"], "exec_failed")
        self.assertIn("No such file", by["missing"]["reason"])
        self.assertEqual(by["fine"]["status"], "ok")

        rep = succeeded(perfmatrix("report", out))
        for name in ("exit3", "killed", "hangs", "missing"):
            self.assertIn(name, rep.stdout)

    def test_a_case_no_rank_can_run_is_unschedulable_with_its_reason(self):
        job = self.job("gpu.toml", job_toml(spawn("needs-gpu", ["/bin/true"], requires="gpu"),
                                       spawn("cpu", ["/bin/true"], repetitions=2)))
        out = self.out()
        # No GPU here unless a scheduler granted one: drop any inherited grant.
        succeeded(run(mpirun_argv(3, "run", job, "-o", out), timeout=120, drop_env=("CUDA_VISIBLE_DEVICES",)))
        if has_gpu_devices():
            self.skipTest("this machine has a GPU, so nothing is unschedulable")
        by = {c["benchmark"]: c for c in read_table(out, "cases")}
        self.assertEqual(by["needs-gpu"]["status"], "unschedulable")
        self.assertIn("requires gpu", by["needs-gpu"]["reason"])
        self.assertEqual(by["needs-gpu"]["rank"], -1)
        self.assertEqual(by["cpu"]["status"], "ok")

    def test_gpu_cases_go_to_the_rank_that_has_a_gpu(self):
        if has_gpu_devices():
            self.skipTest("every rank of this machine sees its GPUs; the test needs one GPU rank")
        nap = ["/bin/sleep", "0.05"]
        job = self.job("mixed.toml", job_toml(spawn("on-gpu", nap, {"i": [1, 2, 3]}, requires="gpu"),
                                         spawn("anywhere", nap, {"i": [1, 2, 3]}),
                                         warmup=0, repetitions=1, placement="shared", **ONE_ROUND))
        out = self.out()
        args = ["run", job, "-o", out, "--progress", "none"]
        # MPMD launch: rank 2 is granted a GPU the way SLURM's --gres does it (CUDA_VISIBLE_DEVICES).
        argv = ["mpirun", "--oversubscribe", "-np", "2", BIN, *args,
                ":", "-np", "1", "/usr/bin/env", "CUDA_VISIBLE_DEVICES=0", BIN, *args]
        succeeded(run(argv, timeout=120, drop_env=("CUDA_VISIBLE_DEVICES",)))
        ranks = {row["rank"]: row for row in read_table(out, "ranks")}
        self.assertEqual(ranks[2]["gpus"], 1)
        self.assertEqual(ranks[2]["gpu_source"], "CUDA_VISIBLE_DEVICES")
        cases = read_table(out, "cases")
        self.assertEqual({c["rank"] for c in cases if c["benchmark"] == "on-gpu"}, {2})
        self.assertTrue(all(c["status"] == "ok" for c in cases), cases)
        self.assertEqual(len(cases), 6)


class QuickstartJob(E2ETest):
    def test_quickstart_plans_cases_for_the_interpreters_that_exist(self):
        job = os.path.join(ROOT, "jobs", "quickstart.toml")
        out = succeeded(perfmatrix("plan", job))
        self.assertIn("/bin/true", open(job).read())
        if os.path.exists("/usr/bin/python3"):
            self.assertIn("python=/usr/bin/python3", out.stdout)
        n = planned_count(job)
        self.assertGreaterEqual(n, 4)


if __name__ == "__main__":
    unittest.main(verbosity=2)
