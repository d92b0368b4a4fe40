"""`perfmatrix export` on two real runs, read by the real tools: pyperf from PyPI (a venv made
by the fixture test, pyperf_venv.py; $PYPERF_PYTHON) and, where Debian's libbenchmark-tools is
installed, Google Benchmark's compare.py. The runs differ in one case only, by construction: a
`sleep` three times as long, so the direction of the change is known and its size is checked
against the means of the samples read from the HDF5 files with h5py."""

import csv
import io
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import unittest

from e2e_support import ONE_ROUND, benchmark, job_toml, perfmatrix, read_joined, read_table, run_job, spawn, succeeded

PYPERF_PYTHON = os.environ.get("PYPERF_PYTHON", "")
GBENCH_COMPARE = "/usr/share/benchmark/compare.py"  # Debian's libbenchmark-tools

def exports_job(seconds):
    # "nap" is the case that changes; "dot" (no change intended) has a rate headline (gflops),
    # so it goes out as its per-operation `time`, and an axis, so its name carries "/n=4096".
    return job_toml(
        spawn("nap", ["sleep", seconds]),
        benchmark("dot", "blas_dot", {"n": [4096]}, n="{n}", min_batch_time=0.005),
        name="exports", warmup=1, repetitions=12, **ONE_ROUND)


def mean_wall_time(path, benchmark):
    cases = {c["case_id"] for c in read_table(path, "cases") if c["benchmark"] == benchmark}
    return statistics.mean(s["value"] for s in read_joined(path, "samples")
                           if s["case_id"] in cases and s["metric"] == "wall_time" and not s["warmup"])


class Exports(unittest.TestCase):
    # The two runs are made once for all tests of the class: each takes a few seconds.
    @classmethod
    def setUpClass(cls):
        if not PYPERF_PYTHON:
            raise unittest.SkipTest("PYPERF_PYTHON unset: run through ctest (its fixture makes the pyperf venv)")
        cls.dir = tempfile.mkdtemp(prefix="perfmatrix-exports-")
        cls.base = cls.run_job("base", "0.01")
        cls.new = cls.run_job("new", "0.03")
        # pyperf and compare.py both use the mean for the ratio they print.
        cls.ratio = mean_wall_time(cls.new, "nap") / mean_wall_time(cls.base, "nap")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    @classmethod
    def run_job(cls, name, seconds):
        return run_job(cls.dir, name, exports_job(seconds))

    def export(self, results, fmt, *extra):
        path = results[:-3] + "." + fmt + ".json"
        r = succeeded(perfmatrix("export", results, "--format", fmt, "-o", path, *extra, timeout=60))
        self.assertEqual(r.stderr, "")  # nothing left out
        return path

    def pyperf(self, *args):
        r = subprocess.run([PYPERF_PYTHON, "-m", "pyperf", *args], capture_output=True, text=True, timeout=120)
        self.assertEqual(r.returncode, 0, r.stderr + r.stdout)
        return r.stdout

    def pyperf_verdict(self, output, name):
        # e.g. "nap: Mean +- std dev: [base.pyperf] 12.1 ms +- 0.3 ms -> [new.pyperf] 32.2 ms +- 0.4 ms: 2.66x slower"
        m = re.search(rf"^{re.escape(name)}: Mean \+- std dev: .* -> .*: ([0-9.]+)x (slower|faster)$",
                      output, re.MULTILINE)
        self.assertIsNotNone(m, output)
        return float(m.group(1)), m.group(2)

    def test_pyperf_reads_the_exports_and_compare_to_sees_the_slower_case(self):
        base, new = self.export(self.base, "pyperf"), self.export(self.new, "pyperf")
        stats = self.pyperf("stats", base)
        for part in ("Number of benchmarks: 2", "\nnap\n", "\ndot/n=4096\n", "Number of warmup per run: 1",
                     "Total number of values: 12", "Median +- MAD"):
            self.assertIn(part, stats)

        forward = self.pyperf("compare_to", base, new)
        ratio, direction = self.pyperf_verdict(forward, "nap")
        self.assertEqual(direction, "slower", forward)
        self.assertAlmostEqual(ratio, self.ratio, delta=0.006, msg=forward)  # printed to 2 decimals
        self.assertGreater(ratio, 1.5, forward)  # sleeping 30 ms against 10 ms
        self.assertIn("dot/n=4096", forward)  # compared, or listed as not significant

        backward = self.pyperf("compare_to", new, base)
        ratio, direction = self.pyperf_verdict(backward, "nap")
        self.assertEqual(direction, "faster", backward)
        self.assertAlmostEqual(ratio, self.ratio, delta=0.006, msg=backward)

    def test_google_benchmark_compare_reads_the_exports(self):
        if not os.path.exists(GBENCH_COMPARE):
            self.skipTest(f"{GBENCH_COMPARE} missing: install Debian's libbenchmark-tools")
        base, new = self.export(self.base, "gbench"), self.export(self.new, "gbench")
        r = subprocess.run(["/usr/bin/python3", GBENCH_COMPARE, "--no-color", "benchmarks", base, new],
                           capture_output=True, text=True, timeout=120)
        self.assertEqual(r.returncode, 0, r.stderr + r.stdout)
        # e.g. "nap_mean   +1.6600   +1.6600   12100000   32190000 ..." (the change is new / old - 1)
        m = re.search(r"^nap_mean\s+([+-][0-9.]+)\s+([+-][0-9.]+)\s", r.stdout, re.MULTILINE)
        self.assertIsNotNone(m, r.stdout)
        self.assertAlmostEqual(float(m.group(1)), self.ratio - 1, delta=0.0006, msg=r.stdout)
        self.assertIn("nap_pvalue", r.stdout)  # enough repetitions for its U test
        self.assertIn("dot/n=4096_mean", r.stdout)

    def test_report_json_and_csv_hold_the_same_rows_as_the_samples_say(self):
        r = succeeded(perfmatrix("report", self.base, "--format", "json", timeout=60))
        doc = json.loads(r.stdout)
        self.assertEqual(doc["format_version"], 1)
        nap = [c for c in doc["cases"] if c["benchmark"] == "nap" and c["metric"] == "wall_time"]
        self.assertEqual(len(nap), 1, doc["cases"])
        values = sorted(s["value"] for s in read_joined(self.base, "samples")
                        if s["case_id"] == nap[0]["case_id"] and s["metric"] == "wall_time" and not s["warmup"])
        self.assertEqual(nap[0]["n"], len(values))
        self.assertAlmostEqual(nap[0]["median"], statistics.median(values), delta=1e-12)
        self.assertAlmostEqual(nap[0]["mean"], statistics.mean(values), delta=1e-12)
        self.assertLessEqual(nap[0]["median_ci_low"], nap[0]["median"])
        self.assertGreaterEqual(nap[0]["median_ci_high"], nap[0]["median"])
        tool = subprocess.run([sys.executable, "-m", "json.tool"], input=r.stdout, capture_output=True, text=True)
        self.assertEqual(tool.returncode, 0, tool.stderr)

        rows = list(csv.DictReader(io.StringIO(succeeded(perfmatrix("report", self.base, "--format", "csv")).stdout)))
        self.assertEqual([(row["case_id"], row["metric"]) for row in rows],
                         [(c["case_id"], c["metric"]) for c in doc["cases"]])
        self.assertEqual(float(rows[doc["cases"].index(nap[0])]["median"]), nap[0]["median"])

        bad = perfmatrix("report", self.base, "--format", "xml")
        self.assertEqual(bad.returncode, 2)
        self.assertIn("--format expects text, markdown, csv or json, got 'xml'", bad.stderr)


if __name__ == "__main__":
    unittest.main()
