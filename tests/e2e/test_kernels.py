"""jobs/kernels.toml, every native CPU kind, under mpirun with 3 ranks: every case ok, and the
figures sane (efficiency against the measured peak near or below 1, bandwidth far below any
machine's, latency p99 >= p50)."""

import collections
import os
import unittest

from e2e_support import ROOT, E2ETest, mpirun_argv, perfmatrix, planned_count, read_joined, read_table, run, succeeded


class Kernels(E2ETest):
    def test_kernels_job_runs_every_native_kind_with_sane_figures(self):
        job = os.path.join(ROOT, "jobs", "kernels.toml")
        out = self.out()
        # Two rounds, not the default five: every kind and the rounds across ranks are what is
        # checked here, and each round of a gemm case measures its peak again (CI time).
        succeeded(run(mpirun_argv(3, "run", job, "-o", out, "--progress", "none", "--rounds", "2"), timeout=600))

        cases = read_table(out, "cases")
        self.assertEqual(len(cases), 2 * planned_count(job))
        bad = [(c["case_id"], c["status"], c["reason"]) for c in cases if c["status"] != "ok"]
        self.assertEqual(bad, [])
        kinds = {c["kind"] for c in cases}
        for family in ("blas_", "memory_", "asio_", "torch_"):
            self.assertTrue(any(k.startswith(family) for k in kinds), kinds)

        values = collections.defaultdict(list)
        for s in read_joined(out, "samples"):
            if not s["warmup"]:
                values[s["metric"]].append(s["value"])
        # Margin above 1: a busy machine can slow the peak's trials more than the samples. The
        # peak is the best of trials spread over each case since a fresh-clone CI run here saw
        # 1.74 with five trials at the case's start (2 cores, 3 ranks); 1.5 still catches a
        # wrong FLOP count or peak (a factor of 2).
        self.assertTrue(0 < max(values["efficiency"]) <= 1.5, max(values["efficiency"]))
        self.assertTrue(0 < min(values["bandwidth"]) and max(values["bandwidth"]) < 2000)
        self.assertTrue(min(values["gflops"]) > 0)

        per_case = collections.defaultdict(dict)
        for s in read_joined(out, "samples"):
            if s["metric"] in ("latency_p50", "latency_p99") and not s["warmup"]:
                per_case[(s["case_id"], s["round"], s["repetition"])][s["metric"]] = s["value"]
        self.assertTrue(per_case, "the echo cases report latency")
        for key, m in per_case.items():
            self.assertGreaterEqual(m["latency_p99"], m["latency_p50"], key)

        rep = succeeded(perfmatrix("report", out))
        for unit in ("GFLOP/s", "GB/s", "efficiency", "ops/s"):
            self.assertIn(unit, rep.stdout)


if __name__ == "__main__":
    unittest.main(verbosity=2)
