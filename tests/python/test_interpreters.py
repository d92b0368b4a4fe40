"""The harness under the real free-threaded CPython (scripts/build-free-threaded-python.sh) and the real
PyPy (Debian's pypy3), and the settings perfmatrix makes from outside the child (PYTHONMALLOC, a
preloaded malloc, PYTHON_JIT), which the harness checks from inside it (`--expect`). Runs under /usr/bin/python3
(ctest's), the interpreters it tests being children:
    /usr/bin/python3 -m unittest -v test_interpreters
"""

import ctypes.util
import json
import os
import shutil
import subprocess
import unittest

from test_harness import (
    HARNESS,
    RUN_TIMEOUT,
    TINY,
    StreamChecks,
    debian_python,
    free_threaded_python,
    pyenv_pythons,
    run_harness,
    run_many,
    version_of,
)

PYPY = shutil.which("pypy3")
# What PyPy cannot run, and a phrase of the reason it gives.
PYPY_SKIPS = {"bytecode": "CPython's", "importtime": "CPython's", "getsizeof": "tracemalloc",
              "peak_memory": "tracemalloc", "ext_import": "copies of CPython extension modules"}
THREADS = "threads"  # python/workloads/concurrency.py


def listed_workloads(python):
    out = subprocess.check_output([python, "-I", HARNESS, "--list"], timeout=RUN_TIMEOUT)
    return dict((w["name"], w) for w in json.loads(out.decode())["workloads"])


def with_env(**variables):
    env = dict(os.environ)
    for name in ("PYTHONMALLOC", "PYTHON_JIT", "LD_PRELOAD"):
        env.pop(name, None)
    env.update(variables)
    return env


def identity(run):
    return run.events[0]["python"]


def pure_python_workloads():
    return sorted(w for w in TINY if not w.startswith(("np_", "torch_")))


class FreeThreaded(StreamChecks):
    """CPython 3.13t, built here from Debian's python3.13 source package with --disable-gil."""

    def setUp(self):
        self.python, why_not = free_threaded_python()
        if self.python is None:
            self.skipTest(why_not)

    def test_the_gil_is_off_and_recorded_so(self):
        run = run_harness(self.python, "nbody", TINY["nbody"])
        self.check_stream(run, self.python)
        found = identity(run)
        self.assertTrue(found["free_threaded"])
        self.assertFalse(found["gil_enabled"])
        self.assertEqual(tuple(found["version_info"][:2]), (3, 13))

    def test_the_gil_can_be_turned_back_on(self):
        run = run_harness(self.python, "nbody", TINY["nbody"], flags=("-I", "-X", "gil=1"))
        self.check_stream(run, self.python)
        self.assertTrue(identity(run)["free_threaded"])
        self.assertTrue(identity(run)["gil_enabled"])

    def test_every_pure_python_workload(self):
        names = pure_python_workloads()
        runs = run_many([(self.python, name, TINY[name]) for name in names])
        for name, run in zip(names, runs, strict=True):
            with self.subTest(workload=name):
                self.check_stream(run, self.python)

    def test_its_allocator_is_mimalloc(self):
        # The free-threaded build needs mimalloc: it is the default, and what the harness sees.
        run = run_harness(self.python, "alloc_small", TINY["alloc_small"], flags=("-s",),
                          options=["--expect", "allocator=mimalloc"] + QUICK_OPTIONS)
        self.check_stream(run, self.python)
        self.assertEqual(identity(run)["allocator"], "mimalloc")

    def test_threads_workload(self):
        # Pure-Python CPU work on two threads, without the GIL: the harness's identity and the
        # workload's own gil_enabled metric both say so.
        self.assertIn(THREADS, listed_workloads(self.python))
        run = run_harness(self.python, THREADS, {"work": "cpu", "threads": "2"})
        self.check_stream(run, self.python)
        self.assertFalse(identity(run)["gil_enabled"])
        gil = [m["value"] for e in run.events if e.get("event") == "sample"
               for m in e["metrics"] if m["name"] == "gil_enabled"]
        self.assertTrue(gil, "the threads workload reported no gil_enabled metric")
        self.assertEqual(set(gil), {0})


QUICK_OPTIONS = ["--sample-time", "0.001", "--repetitions", "2", "--warmups", "1"]


class PyPy(StreamChecks):
    """Every workload under Debian's pypy3 (scripts/install-deps.sh installs it): done, or skipped with
    the reason PyPy cannot run it."""

    def setUp(self):
        if PYPY is None:
            self.skipTest("no pypy3 on PATH (scripts/install-deps.sh installs Debian's)")

    def test_every_workload(self):
        names = sorted(TINY)
        for name, run in zip(names, run_many([(PYPY, name, TINY[name]) for name in names]), strict=True):
            with self.subTest(workload=name):
                if name in PYPY_SKIPS:
                    self.check_stream(run, PYPY, expect="skip")
                    self.assertIn(PYPY_SKIPS[name], run.terminal["reason"])
                elif name.startswith(("np_", "torch_")) and run.terminal["event"] == "skip":
                    self.assertIn(" is not importable: ", run.terminal["reason"])
                else:
                    self.check_stream(run, PYPY)
                    self.assertEqual(identity(run)["implementation"], "pypy")

    def test_pymalloc_and_python_jit_do_not_apply(self):
        run = run_harness(PYPY, "nbody", TINY["nbody"], flags=("-s",), env=with_env(PYTHONMALLOC="malloc"),
                          options=["--expect", "allocator=malloc"] + QUICK_OPTIONS)
        self.check_stream(run, PYPY, expect="skip")
        self.assertIn("has no pymalloc", run.terminal["reason"])
        run = run_harness(PYPY, "nbody", TINY["nbody"], flags=("-s",), env=with_env(PYTHON_JIT="0"),
                          options=["--expect", "jit=off"] + QUICK_OPTIONS)
        self.check_stream(run, PYPY, expect="skip")
        self.assertIn("PyPy's JIT", run.terminal["reason"])


class PythonAllocator(StreamChecks):
    """PYTHONMALLOC as the harness sees it from inside (PyMem_GetAllocator through ctypes)."""

    def expect(self, python, wanted, variable, flags=("-s",), outcome="done"):
        run = run_harness(python, "alloc_small", TINY["alloc_small"], flags=flags,
                          env=with_env(PYTHONMALLOC=variable),
                          options=["--expect", "allocator=" + wanted] + QUICK_OPTIONS)
        self.check_stream(run, python, expect=outcome)
        return run

    def test_each_allocator_is_seen(self):
        python = debian_python()
        for value, seen in (("pymalloc", "pymalloc"), ("malloc", "malloc"), ("debug", "pymalloc_debug")):
            with self.subTest(value=value):
                self.assertEqual(identity(self.expect(python, value, value))["allocator"], seen)

    def test_mimalloc_on_3_13(self):
        pythons = [p for p in pyenv_pythons() if (version_of(p) or (0,))[:2] == (3, 13)]
        if not pythons:
            self.skipTest("no pyenv CPython 3.13 here")
        self.assertEqual(identity(self.expect(pythons[0], "mimalloc", "mimalloc"))["allocator"], "mimalloc")

    def test_a_different_allocator_is_an_error(self):
        run = self.expect(debian_python(), "pymalloc", "malloc", outcome="error")
        self.assertIn("PYTHONMALLOC=pymalloc was set but the object allocator is malloc", run.terminal["reason"])

    def test_a_variable_ignored_under_isolation_is_caught(self):
        # -I makes Python ignore PYTHONMALLOC: the default allocator is what runs, and the check says so.
        run = self.expect(debian_python(), "malloc", "malloc", flags=("-I",), outcome="error")
        self.assertIn("object allocator is pymalloc", run.terminal["reason"])

    def test_a_bad_expectation_is_an_error(self):
        python = debian_python()
        run = run_harness(python, "nbody", TINY["nbody"], options=["--expect", "allocator=tcmalloc"] + QUICK_OPTIONS)
        self.check_stream(run, python, expect="error")
        self.assertIn("--expect allocator: expected one of", run.terminal["reason"])
        run = run_harness(python, "nbody", TINY["nbody"], options=["--expect", "gil=off"] + QUICK_OPTIONS)
        self.check_stream(run, python, expect="error")


class NativeMalloc(StreamChecks):
    """The C library's malloc, preloaded as memory_alloc's is (scripts/install-deps.sh installs both)."""

    def expect(self, wanted, preload, outcome="done"):
        python = debian_python()
        env = with_env(LD_PRELOAD=preload) if preload else with_env()
        run = run_harness(python, "alloc_small", TINY["alloc_small"], env=env,
                          options=["--expect", "malloc=" + wanted] + QUICK_OPTIONS)
        self.check_stream(run, python, expect=outcome)
        return run

    def test_each_preloaded_malloc_is_seen(self):
        self.assertEqual(identity(self.expect("glibc", None))["malloc"], "glibc")
        for name, library in (("jemalloc", "libjemalloc.so.2"), ("tcmalloc", "libtcmalloc.so.4")):
            with self.subTest(malloc=name):
                if ctypes.util.find_library(name) is None:
                    self.skipTest("lib%s is not installed" % name)
                self.assertEqual(identity(self.expect(name, library))["malloc"], name)

    def test_a_preload_that_did_not_happen_is_an_error(self):
        # ld.so only warns about a preloaded library it cannot find, and glibc's malloc stays.
        run = self.expect("jemalloc", "libperfmatrix-no-such-malloc.so", outcome="error")
        self.assertIn("malloc comes from glibc", run.terminal["reason"])

    def test_an_unwanted_preload_is_an_error(self):
        if ctypes.util.find_library("jemalloc") is None:
            self.skipTest("libjemalloc is not installed")
        run = self.expect("glibc", "libjemalloc.so.2", outcome="error")
        self.assertIn("malloc comes from jemalloc", run.terminal["reason"])


class PythonJit(StreamChecks):
    def test_a_build_without_a_jit_skips_with_the_reason(self):
        python = debian_python()
        for value, variable in (("on", "1"), ("off", "0")):
            with self.subTest(jit=value):
                run = run_harness(python, "nbody", TINY["nbody"], flags=("-s",), env=with_env(PYTHON_JIT=variable),
                                  options=["--expect", "jit=" + value] + QUICK_OPTIONS)
                self.check_stream(run, python, expect="skip")
                self.assertIn("has no JIT", run.terminal["reason"])
                self.assertFalse(identity(run)["jit_available"])


if __name__ == "__main__":
    unittest.main()
