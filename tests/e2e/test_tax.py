"""perfmatrix tax on a real small run under real mpirun: OpenBLAS's gemm from C against numpy's
matmul under Debian's python3 (numpy from apt), paired by n, dtype and threads. The table's numbers
are checked against each other (the rate against the median time, the tax inside its interval), the
BLAS record against what Debian's numpy really loads, and the plot file exists. Nothing asserts a
speed."""

import json
import os
import shutil
import subprocess
import tempfile
import unittest

from e2e_support import E2ETest, perfmatrix, run_job, succeeded

PYTHON = "/usr/bin/python3"

JOB = """
[defaults]
warmup = 1
repetitions = 4
rounds = 2
timeout = 60

[[benchmark]]
name = "gemm"
kind = "blas_gemm"
tax = "matmul"
n = "{n}"
dtype = "f64"
threads = 1
min_batch_time = 0.005
[benchmark.matrix]
n = [32, 64]

[[benchmark]]
name = "np"
kind = "python_workload"
tax = { op = "matmul", native = "gemm" }
python = "%s"
workload = "np_matmul"
args = { n = "{n}", dtype = "float64", threads = "1" }
sample_time = 0.01
[benchmark.matrix]
n = [32, 64]
""" % PYTHON


def debian_python_version():
    return subprocess.run([PYTHON, "-c", "import platform; print(platform.python_version())"], capture_output=True,
                          text=True, check=True).stdout.strip()


class Tax(E2ETest):
    @classmethod
    def setUpClass(cls):
        numpy = subprocess.run([PYTHON, "-c", "import numpy"], capture_output=True)
        if numpy.returncode != 0:
            raise AssertionError("this test needs Debian's python3 with numpy (apt-get install python3-numpy)")
        cls.shared = tempfile.mkdtemp(prefix="perfmatrix-e2e-tax-")
        cls.results = run_job(cls.shared, "tax", JOB)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.shared, ignore_errors=True)

    def tax_json(self):
        result = perfmatrix("tax", self.results, "--format", "json")
        succeeded(result)
        return json.loads(result.stdout)

    def test_each_size_pairs_python_with_native(self):
        doc = self.tax_json()
        self.assertEqual([(g["op"], g["n"], g["dtype"], g["threads"]) for g in doc["groups"]],
                         [("matmul", 32, "float64", 1), ("matmul", 64, "float64", 1)])
        version = debian_python_version()
        for group in doc["groups"]:
            native, python = group["rows"]
            self.assertEqual((native["side"], native["implementation"], native["status"]),
                             ("native", "OpenBLAS (C)", "ok"))
            self.assertEqual((python["side"], python["implementation"], python["interpreter"], python["status"]),
                             ("python", "numpy", version, "ok"))
            n = group["n"]
            for row in (native, python):
                self.assertEqual(row["rounds"], 2)
                self.assertEqual(row["rate_unit"], "GFLOP/s")
                self.assertAlmostEqual(row["rate"], 2.0 * n ** 3 / row["median_time"] / 1e9, delta=1e-9 * row["rate"])
            self.assertIsNone(native["tax"])
            low, high = python["tax_ci"]
            self.assertLessEqual(low, python["tax"])
            self.assertLessEqual(python["tax"], high)
            self.assertAlmostEqual(python["tax"], python["median_time"] / native["median_time"],
                                   delta=1e-9 * python["tax"])
            self.assertEqual(python["against"], "OpenBLAS (C)")

    def test_the_blas_of_each_side_is_recorded_and_checked(self):
        for group in self.tax_json()["groups"]:
            native, python = group["rows"]
            self.assertIn("openblas", native["blas"])
            # Debian's numpy links the generic libblas.so.3; the alternatives make it OpenBLAS.
            self.assertEqual(python["blas_claimed"], "blas")
            self.assertEqual(python["blas_verified"], "yes: the generic libblas is openblas")
            self.assertIn("openblas", python["blas"])

    def test_table_csv_and_markdown(self):
        table = perfmatrix("tax", self.results)
        succeeded(table)
        self.assertIn("GFLOP/s (2n³/t)", table.stdout)
        self.assertIn("BLAS used", table.stdout)
        self.assertIn("numpy %s: openblas" % debian_python_version(), table.stdout)
        csv = perfmatrix("tax", self.results, "--format", "csv")
        succeeded(csv)
        lines = csv.stdout.splitlines()
        self.assertTrue(lines[0].startswith("op,n,dtype,threads,interpreter,implementation,side,"))
        self.assertEqual(len(lines), 1 + 4)
        markdown = perfmatrix("tax", self.results, "--format", "markdown", "-k", "n=64")
        succeeded(markdown)
        self.assertIn("### matmul", markdown.stdout)
        self.assertNotIn("| 32 |", markdown.stdout)

    def test_the_plot(self):
        out = os.path.join(self.dir, "plots")
        result = perfmatrix("plot", self.results, "--out-dir", out, "--format", "svg")
        succeeded(result)
        self.assertTrue(os.path.isfile(os.path.join(out, "tax-matmul.svg")), result.stdout)

    def test_a_file_without_tax_is_bad_input(self):
        plain = run_job(self.dir, "plain", """
[[benchmark]]
name = "t"
kind = "spawn"
argv = ["/bin/true"]
repetitions = 1
rounds = 1
""")
        result = perfmatrix("tax", plain)
        self.assertEqual(result.returncode, 2, result.stderr)
        self.assertIn("no case declares 'tax'", result.stderr)

    def test_a_native_that_is_not_one_is_refused_at_its_place(self):
        job = self.job("bad.toml", JOB.replace('native = "gemm"', 'native = "gem"'))
        result = perfmatrix("plan", job)
        self.assertEqual(result.returncode, 2, result.stdout + result.stderr)
        self.assertIn("bad.toml:22:7: 'native' of 'tax' of benchmark 'np': 'gem' is no benchmark of this job",
                      result.stderr)


if __name__ == "__main__":
    unittest.main()
