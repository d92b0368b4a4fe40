"""Real interpreters beyond pyenv's: the free-threaded CPython that scripts/build-free-threaded-python.sh
builds (scripts/test.sh runs it first) and Debian's pypy3, found by `perfmatrix interpreters` and run
under mpirun; the pymalloc / allocator / jit settings recorded from inside the child; a torch case on
device "cuda" unschedulable where no rank has a GPU; and a missing interpreter skipped when the case
says `if_missing = "skip"`."""

import json
import os
import shutil
import sys
import unittest

from e2e_support import (
    ROOT,
    E2ETest,
    benchmark,
    has_gpu_devices,
    job_toml,
    mpirun_argv,
    perfmatrix,
    read_table,
    run,
    succeeded,
)

sys.path.insert(0, os.path.join(ROOT, "tests", "python"))
from test_harness import free_threaded_python  # the path to it is set just above

PYPY = shutil.which("pypy3")
QUICK = {"warmup": 0, "repetitions": 2, "rounds": 1}


def listed(*paths):
    out = succeeded(perfmatrix("interpreters", "--json", *paths))
    return json.loads(out.stdout)


def case_environments(out):
    env = {}
    for row in read_table(out, "case_environment"):
        env.setdefault(row["case_id"], {})[row["key"]] = row["value"]
    return env


class FreeThreadedCPython(E2ETest):
    def setUp(self):
        super().setUp()
        self.python, why_not = free_threaded_python()
        if self.python is None:
            self.skipTest(why_not)

    def test_interpreters_lists_it_as_free_threaded(self):
        found = [i for i in listed(self.python) if i["found_as"] == self.python or i["executable"] == self.python]
        self.assertEqual(len(found), 1, found)
        entry = found[0]
        self.assertTrue(entry["ok"] and entry["supported"], entry)
        self.assertTrue(entry["build"]["free_threaded"])
        self.assertTrue(entry["label"].startswith("3.13.") and entry["label"].endswith("t"), entry["label"])
        self.assertIn("free-threaded", succeeded(perfmatrix("interpreters", self.python)).stdout)

    def test_a_run_records_the_gil_off(self):
        job = self.job("ft.toml", job_toml(
            benchmark("ft", "python_workload", {"python": [self.python], "workload": ["nbody", "gc_collect"]},
                      python="{python}", workload="{workload}", sample_time=0.01),
            benchmark("ft-alloc", "python_workload", {"pymalloc": ["mimalloc", "debug", "pymalloc"]},
                      python=self.python, workload="alloc_small", pymalloc="{pymalloc}", sample_time=0.01),
            **QUICK))
        out = self.out()
        succeeded(run(mpirun_argv(2, "run", job, "-o", out, "--progress", "none"), timeout=300))
        cases = read_table(out, "cases")
        self.assertEqual(len(cases), 5)
        env = case_environments(out)
        # The free-threaded build has mimalloc only: it refuses PYTHONMALLOC=pymalloc at start-up, in its
        # words, and the case is skipped (the build cannot run it), not failed.
        refused = [c for c in cases if c["status"] != "ok"]
        self.assertEqual([(c["benchmark"], c["status"]) for c in refused], [("ft-alloc", "skipped")])
        self.assertIn("PYTHONMALLOC: unknown allocator", refused[0]["reason"])
        cases = [c for c in cases if c not in refused]
        for c in cases:
            with self.subTest(case=c["case_id"]):
                self.assertEqual(c["status"], "ok", c["reason"])
                e = env[c["case_id"]]
                self.assertEqual(e["python.free_threaded"], "true")
                self.assertEqual(e["python.gil_enabled"], "false")
        allocators = sorted(env[c["case_id"]]["python.allocator"] for c in cases if c["benchmark"] == "ft-alloc")
        self.assertEqual(allocators, ["mimalloc", "mimalloc_debug"])


class PyPy(E2ETest):
    def setUp(self):
        super().setUp()
        if PYPY is None:
            self.skipTest("no pypy3 on PATH (scripts/install-deps.sh installs Debian's)")

    def test_interpreters_finds_it_on_path(self):
        pypys = [i for i in listed() if i["build"] and i["build"]["implementation"] == "PyPy"]
        self.assertTrue(pypys, "perfmatrix interpreters did not list %s" % PYPY)
        self.assertTrue(pypys[0]["label"].startswith("pypy3."), pypys[0]["label"])
        self.assertTrue(pypys[0]["supported"], pypys[0])

    def test_a_run_under_pypy(self):
        job = self.job("pypy.toml", job_toml(
            benchmark("pypy", "python_workload", {"python": ["pypy3"], "workload": ["nbody", "importtime"]},
                      python="{python}", workload="{workload}", sample_time=0.01),
            benchmark("pypy-pymalloc", "python_workload", None, python="pypy3", workload="nbody",
                      pymalloc="malloc", sample_time=0.01),
            **QUICK))
        out = self.out()
        succeeded(run(mpirun_argv(2, "run", job, "-o", out, "--progress", "none"), timeout=300))
        env = case_environments(out)
        cases = read_table(out, "cases")
        statuses = sorted((c["benchmark"], c["status"]) for c in cases)
        self.assertEqual(statuses, [("pypy", "ok"), ("pypy", "skipped"), ("pypy-pymalloc", "skipped")])
        for c in cases:
            self.assertEqual(env[c["case_id"]]["python.implementation"], "pypy")
        skipped = {c["benchmark"]: c["reason"] for c in cases if c["status"] == "skipped"}
        self.assertIn("CPython's", skipped["pypy"])  # importtime: -X importtime is CPython's
        self.assertIn("has no pymalloc", skipped["pypy-pymalloc"])


class Settings(E2ETest):
    def test_allocators_jit_gpu_and_a_missing_interpreter(self):
        python = "/usr/bin/python3"
        job = self.job("settings.toml", job_toml(
            benchmark("pymalloc", "python_workload", {"pymalloc": ["pymalloc", "malloc"]}, python=python,
                      workload="alloc_small", pymalloc="{pymalloc}", sample_time=0.01),
            benchmark("malloc", "python_workload", {"allocator": ["glibc", "jemalloc"]}, python=python,
                      workload="alloc_small", allocator="{allocator}", sample_time=0.01),
            benchmark("jit", "python_workload", None, python=python, workload="nbody", jit="on"),
            benchmark("on-gpu", "python_workload", None, python=python, workload="torch_matmul",
                      args={"n": "64", "device": "cuda"}),
            benchmark("absent", "python_workload", None, python="/nonexistent/bin/pypy3", workload="nbody",
                      if_missing="skip"),
            **QUICK))
        out = self.out()
        succeeded(run(mpirun_argv(2, "run", job, "-o", out, "--progress", "none"), timeout=300,
                      drop_env=("CUDA_VISIBLE_DEVICES",)))
        cases = read_table(out, "cases")
        env = case_environments(out)
        by = {}
        for c in cases:
            by.setdefault(c["benchmark"], []).append(c)
        for name in ("pymalloc", "malloc"):
            for c in by[name]:
                self.assertEqual(c["status"], "ok", c["reason"])
        self.assertEqual(sorted(env[c["case_id"]]["python.allocator"] for c in by["pymalloc"]), ["malloc", "pymalloc"])
        self.assertEqual(sorted(env[c["case_id"]]["python.malloc"] for c in by["malloc"]), ["glibc", "jemalloc"])
        self.assertEqual(by["jit"][0]["status"], "skipped")
        self.assertIn("has no JIT", by["jit"][0]["reason"])
        self.assertEqual(by["absent"][0]["status"], "skipped")
        self.assertIn("is not installed here", by["absent"][0]["reason"])
        if not has_gpu_devices():
            self.assertEqual(by["on-gpu"][0]["status"], "unschedulable")
            self.assertIn("requires gpu", by["on-gpu"][0]["reason"])

    def test_pymalloc_under_isolation_is_refused_at_its_place(self):
        job = self.job("bad.toml", job_toml(
            benchmark("bad", "python_workload", None, python="/usr/bin/python3", workload="nbody",
                      pymalloc="malloc", flags=["-I"])))
        result = perfmatrix("plan", job)
        self.assertEqual(result.returncode, 2, result.stderr)
        self.assertIn("bad.toml:", result.stderr)
        self.assertIn("pymalloc", result.stderr)
        self.assertIn("ignores PYTHONMALLOC", result.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
