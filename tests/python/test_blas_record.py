"""The BLAS record of the numpy and torch workloads (python/workloads/blas_libraries.py): what a
package claims, what is loaded, the verdict, and that it reaches the protocol's `calibrated` event.
The loaded-library tests use the interpreter running them (Debian's python3 has numpy from apt) and
the prepared environments of `perfmatrix prepare` when they exist (~/.cache/perfmatrix/envs)."""

import glob
import io
import json
import os
import subprocess
import sys
import unittest

REPO = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
sys.path.insert(0, os.path.join(REPO, "python"))

from harness_core.protocol import ProtocolWriter  # noqa: E402
from harness_core.sampling import Sampler, Settings  # noqa: E402
from harness_core.workload import Bench  # noqa: E402
from workloads import blas_libraries  # noqa: E402

HARNESS = os.path.join(REPO, "python", "harness.py")
ENVS = os.path.expanduser(os.environ.get("PERFMATRIX_ENV_CACHE", "~/.cache/perfmatrix/envs"))


def importable(module):
    try:
        __import__(module)
        return True
    except ImportError:
        return False


class Verdicts(unittest.TestCase):
    OPENBLAS = [{"family": "openblas", "library": "/x/libopenblas.so", "config": "OpenBLAS 0.3.21"}]
    MKL = [{"family": "mkl", "library": "/x/libtorch_cpu.so", "config": "Intel(R) oneAPI MKL"}]

    def test_claims_map_to_families(self):
        self.assertEqual(blas_libraries.family_of_claim("scipy-openblas"), "openblas")
        self.assertEqual(blas_libraries.family_of_claim("open"), "openblas")  # torch's BLAS_INFO=open
        self.assertEqual(blas_libraries.family_of_claim("mkl_rt"), "mkl")
        self.assertEqual(blas_libraries.family_of_claim("blas"), "generic")
        self.assertEqual(blas_libraries.family_of_claim(""), "")

    def test_a_matching_claim_is_verified(self):
        self.assertEqual(blas_libraries.verdict("openblas", self.OPENBLAS), "yes")
        self.assertEqual(blas_libraries.verdict("mkl", self.MKL), "yes")
        self.assertEqual(blas_libraries.verdict("generic", self.OPENBLAS), "yes: the generic libblas is openblas")

    def test_a_false_claim_is_rejected(self):
        # The record's own check fed a wrong answer: a build that says MKL while OpenBLAS is loaded.
        self.assertEqual(blas_libraries.verdict("mkl", self.OPENBLAS), "no: claims mkl, loaded openblas")
        self.assertTrue(blas_libraries.verdict("openblas", []).startswith("no: no loaded library"))
        self.assertTrue(blas_libraries.verdict("", self.MKL).startswith("no: the package does not say"))
        both = self.OPENBLAS + self.MKL
        self.assertTrue(blas_libraries.verdict("generic", both).startswith("no: claims the generic"))

    def test_environment_puts_the_claimed_family_first(self):
        env = blas_libraries.environment(("mkl", ""), self.OPENBLAS + self.MKL)
        self.assertEqual(env["blas.loaded"], "mkl")
        self.assertEqual(env["blas.verified"], "yes")
        self.assertIn("openblas /x/libopenblas.so", env["blas.others"])
        self.assertEqual(blas_libraries.environment(("", ""), [])["blas.claimed"], "unknown")


class LoadedHere(unittest.TestCase):
    @unittest.skipUnless(importable("numpy"), "numpy is not importable by %s" % sys.executable)
    def test_numpy_here_loads_the_blas_it_claims(self):
        import numpy as np
        env = blas_libraries.environment(blas_libraries.numpy_claim(np), blas_libraries.loaded_blas())
        self.assertTrue(env["blas.verified"].startswith("yes"), env)
        self.assertTrue(os.path.isfile(env["blas.library"]), env)
        self.assertNotEqual(env["blas.config"], "")

    def test_nothing_loaded_gives_no_entries(self):
        self.assertEqual(blas_libraries.loaded_blas(paths=["/nonexistent/libnothing.so"]), [])
        self.assertEqual(blas_libraries.mapped_libraries("/nonexistent/maps"), [])


class InPreparedEnvironments(unittest.TestCase):
    """numpy's and torch's wheels from PyPI, as `perfmatrix prepare` installs them: each must load the
    BLAS its build claims (numpy: scipy-openblas; torch: MKL, inside libtorch_cpu.so)."""

    def calibrated(self, python, workload):
        read, write = os.pipe()
        try:
            subprocess.run([python, HARNESS, "--workload", workload, "--fd", str(write), "--warmups", "0",
                            "--repetitions", "1", "--loops", "1", "--param", "n=8"],
                           pass_fds=(write,), check=True, timeout=300, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
        finally:
            os.close(write)
        with os.fdopen(read) as stream:
            events = [json.loads(line) for line in stream]
        return [e for e in events if e["event"] == "calibrated"][0]

    def environments_with(self, package):
        found = []
        for manifest in sorted(glob.glob(os.path.join(ENVS, "*", "perfmatrix-env.json"))):
            with open(manifest) as f:
                names = [p["name"] for p in json.load(f).get("packages", [])]
            if package in names:
                found.append(os.path.join(os.path.dirname(manifest), "bin", "python"))
        if not found:
            self.skipTest("no prepared environment with %s in %s" % (package, ENVS))
        return found[:1]  # one is enough to check the wheels; each import of torch costs seconds

    def test_numpy_wheel(self):
        for python in self.environments_with("numpy"):
            env = self.calibrated(python, "np_matmul")["environment"]
            self.assertEqual(env["blas.loaded"], "openblas", env)
            self.assertEqual(env["blas.verified"], "yes", env)

    def test_torch_wheel(self):
        for python in self.environments_with("torch"):
            env = self.calibrated(python, "torch_matmul")["environment"]
            self.assertTrue(env["blas.verified"].startswith("yes"), env)


class ReachesTheProtocol(unittest.TestCase):
    def test_calibrated_carries_the_environment(self):
        class Recorded(Bench):
            def run(self, loops):
                return loops

            def environment(self):
                return {"blas.loaded": "openblas"}

        stream = io.StringIO()
        Sampler(Recorded(), ProtocolWriter(stream), category="numpy").run(Settings(warmups=0, repetitions=1, loops=1),
                                                                           True)
        calibrated = json.loads(stream.getvalue().splitlines()[0])
        self.assertEqual(calibrated["event"], "calibrated")
        self.assertEqual(calibrated["environment"], {"blas.loaded": "openblas"})
        self.assertEqual(calibrated["category"], "numpy")


if __name__ == "__main__":
    unittest.main()
