"""The loading, import-caching, concurrency, task-switching and pooling workloads: each runs for real
once, its check accepts that result, and rejects a corrupted or stale one. Nothing here asserts a
speed."""

import ast
import json
import os
import subprocess
import sys
import sysconfig
import types
import unittest

REPO = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
HARNESS = os.path.join(REPO, "python", "harness.py")
sys.path.insert(0, os.path.join(REPO, "python"))

from harness_core import params  # noqa: E402
from harness_core.workload import ParamError, Skip, WrongResult  # noqa: E402
from workloads import concurrency, dynamic_loading, import_caching, pooling, task_switch  # noqa: E402

CPYTHON = sys.implementation.name == "cpython"


def bench_of(module, name, given=None):
    workload = [w for w in module.WORKLOADS if w.name == name][0]
    return workload.setup(params.resolve(workload.params, given or {}))


class Closing(unittest.TestCase):
    def bench(self, module, name, given=None):
        bench = bench_of(module, name, given)
        self.addCleanup(bench.close)
        return bench

    def sample(self, bench, loops=1):
        """prepare, run and verify, as the harness's sampler does; returns run's result."""
        bench.prepare()
        result = bench.run(loops)
        bench.verify(result)
        return result


@unittest.skipUnless(CPYTHON and os.path.exists(dynamic_loading.MAPS), "CPython on Linux")
class DynamicLoading(Closing):
    def test_ext_import_loads_fresh_copies(self):
        bench = self.bench(dynamic_loading, "ext_import", {"modules": "_json"})
        original = sys.modules.get("_json") or __import__("_json")
        loaded = self.sample(bench)
        self.assertIs(sys.modules["_json"], original, "the loaded module must be put back")
        self.assertIsNot(loaded[0], original)
        self.assertEqual(loaded[0].__file__, bench.copies[0][1])
        with self.assertRaises(WrongResult):
            bench.verify([original])  # the module already loaded, not the copy
        with self.assertRaises(WrongResult):
            bench.verify([])
        bench.prepare()  # new copies, never loaded: the old modules are not theirs, nor mapped
        with self.assertRaises(WrongResult):
            bench.verify(loaded)

    def test_ext_import_refuses_what_is_not_a_shared_object(self):
        with self.assertRaises(Skip):
            bench_of(dynamic_loading, "ext_import", {"modules": "sys"})  # built in
        with self.assertRaises(Skip):
            bench_of(dynamic_loading, "ext_import", {"modules": "json"})  # pure Python
        with self.assertRaises(ParamError):
            bench_of(dynamic_loading, "ext_import", {"modules": "email.message"})

    def test_ctypes_load_maps_each_copy(self):
        import ctypes
        bench = self.bench(dynamic_loading, "ctypes_load", {"copies": "3"})
        handles = self.sample(bench)
        self.assertEqual(len(handles), 3)
        libm = ctypes.CDLL("libm.so.6")
        with self.assertRaises(WrongResult):
            bench.verify(handles[:2] + [libm])  # a library without crc32
        with self.assertRaises(WrongResult):
            bench.verify(handles[:2])
        bench.prepare()
        with self.assertRaises(WrongResult):
            bench.verify(handles)  # handles of the previous copies: this sample's are not mapped


    def test_loads_are_capped(self):
        bench = self.bench(dynamic_loading, "ctypes_load", {"copies": "2"})
        cap = dynamic_loading.MAX_LOADS
        dynamic_loading.MAX_LOADS = 3  # two samples of two copies exceed it
        try:
            bench.prepare()
            with self.assertRaises(ParamError):
                bench.prepare()
        finally:
            dynamic_loading.MAX_LOADS = cap


class CtypesCall(Closing):
    def test_sums_checked(self):
        for function in ("labs", "cos"):
            with self.subTest(function=function):
                bench = self.bench(dynamic_loading, "ctypes_call", {"function": function, "calls": "100"})
                sums = self.sample(bench, loops=2)
                self.assertEqual(len(sums), 2)
                with self.assertRaises(WrongResult):
                    bench.verify([sums[0], sums[1] + 1])
                with self.assertRaises(WrongResult):
                    bench.verify([sums[0] * (1 + 1e-9)])


class LazyImport(Closing):
    MODULES = "json,email.message"

    def result_of(self, mode, use):
        bench = self.bench(import_caching, "lazy_import", {"mode": mode, "modules": self.MODULES, "use": use})
        return bench, self.sample(bench)

    def test_modes_and_uses_are_told_apart(self):
        lazy_all, lazy_result = self.result_of("lazy", "all")
        lazy_none, lazy_none_result = self.result_of("lazy", "none")
        eager_all, eager_result = self.result_of("eager", "all")
        self.assertEqual(lazy_all.report["deferred"], [True, True])
        self.assertEqual(lazy_none.report["executed"], [False, False])
        self.assertEqual(eager_all.report["executed"], [True, True])
        with self.assertRaises(WrongResult):
            lazy_all.verify(eager_result)  # imported eagerly: nothing was deferred
        with self.assertRaises(WrongResult):
            eager_all.verify(lazy_result)
        with self.assertRaises(WrongResult):
            lazy_all.verify(lazy_none_result)  # the modules were never run

    def test_a_stale_state_is_refused(self):
        bench, (returncode, out, err) = self.result_of("eager", "all")
        report = ast.literal_eval(out.strip())
        report["fresh"][0] = False  # json was already in sys.modules when the child began
        with self.assertRaises(WrongResult):
            bench.verify((returncode, repr(report) + "\n", err))
        with self.assertRaises(WrongResult):
            bench.verify((1, out, "Traceback ..."))
        with self.assertRaises(WrongResult):
            bench.verify((0, "", ""))

    def test_an_unimportable_module_is_a_parameter_error(self):
        with self.assertRaises(ParamError):
            bench_of(import_caching, "lazy_import", {"modules": "no_such_module_here"})


class Reimport(Closing):
    def test_cache_hits_only(self):
        for via in ("statement", "import_module"):
            with self.subTest(via=via):
                bench = self.bench(import_caching, "reimport", {"modules": "json,email.message", "via": via})
                found = self.sample(bench, loops=3)
                self.assertIs(found[1], sys.modules["email.message"])
                with self.assertRaises(WrongResult):
                    bench.verify([found[0], sys.modules["email"]])  # the package, not the submodule
                sys.modules["perfmatrix_test_newcomer"] = types.ModuleType("perfmatrix_test_newcomer")
                try:
                    with self.assertRaises(WrongResult):
                        bench.verify(found)  # sys.modules grew: not every import was a cache hit
                finally:
                    del sys.modules["perfmatrix_test_newcomer"]


class ModuleReload(Closing):
    def test_each_reload_runs_the_body(self):
        bench = self.bench(import_caching, "module_reload", {"defs": "5"})
        module, loops = self.sample(bench, loops=3)
        self.assertEqual(loops, 3)
        bench.prepare()
        result = bench.run(2)
        with self.assertRaises(WrongResult):
            bench.verify((module, 3))  # ran twice, claimed three times
        bench.verify(result)
        bench.prepare()
        result = bench.run(1)
        module.TABLE["k4"] = module.f0  # the body ran, but a function now gives the wrong value
        with self.assertRaises(WrongResult):
            bench.verify(result)


class Threads(Closing):
    def test_cpu_and_io(self):
        for work in ("cpu", "io"):
            with self.subTest(work=work):
                bench = self.bench(concurrency, "threads",
                                   {"work": work, "threads": "3", "units": "2", "iterations": "50", "size": "512"})
                results, loops = self.sample(bench, loops=2)
                self.assertEqual(len(results), 3)
                names = [m["name"] for m in bench.metrics((results, loops), loops, 1.0)]
                for name in ("speedup_vs_1", "cpu_per_wall", "gil_enabled"):
                    self.assertIn(name, names)
                corrupted = list(results)
                corrupted[2] = [x + 1 for x in results[2]] if work == "cpu" else results[2] - 1
                with self.assertRaises(WrongResult):
                    bench.verify((corrupted, loops))
                with self.assertRaises(WrongResult):
                    bench.verify((results[:2], loops))
                with self.assertRaises(WrongResult):
                    bench.verify((results, loops + 1))

    def test_gil_metric_reads_this_interpreter(self):
        check = getattr(sys, "_is_gil_enabled", None)
        self.assertEqual(concurrency.gil_enabled(), 0 if check is not None and not check() else 1)


class TaskSwitch(Closing):
    def test_rounds_and_turns_are_counted(self):
        for via in ("future", "event"):
            with self.subTest(via=via):
                bench = self.bench(task_switch, "task_switch", {"via": via, "rounds": "50"})
                ping, pong, out_of_turn, n = self.sample(bench, loops=2)
                self.assertEqual((ping, pong, out_of_turn, n), (100, 100, 0, 100))
                for wrong in ((100, 99, 0, 100), (100, 100, 1, 100), (99, 99, 0, 100)):
                    with self.assertRaises(WrongResult):
                        bench.verify(wrong)


class Churn(Closing):
    def test_table_checked(self):
        bench = self.bench(pooling, "churn", {"live": "100", "steps": "300"})
        table = self.sample(bench, loops=2)
        slot = next(i for i, o in enumerate(table) if len(o) > 0)
        table[slot] = table[slot] * 2
        with self.assertRaises(WrongResult):
            bench.verify(table)
        with self.assertRaises(WrongResult):
            bench.verify(table[:-1])

    @unittest.skipUnless(CPYTHON, "pymalloc is CPython's")
    @unittest.skipIf(sysconfig.get_config_var("Py_GIL_DISABLED"), "a free-threaded build refuses PYTHONMALLOC=malloc")
    def test_pooled_allocator_metric_follows_pythonmalloc(self):
        code = ("import sys; sys.path.insert(0, %r); from workloads.pooling import pooled_allocator_in_use; "
                "print(pooled_allocator_in_use())" % os.path.join(REPO, "python"))
        for allocator, expected in (("pymalloc", "1"), ("mimalloc", "1"), ("malloc", "0")):
            if allocator == "mimalloc" and sys.version_info < (3, 13):
                continue  # 3.13 brought mimalloc
            env = dict(os.environ, PYTHONMALLOC=allocator)
            out = subprocess.check_output([sys.executable, "-c", code], env=env)
            self.assertEqual(out.decode().strip(), expected, allocator)


class ImportTimeOfOptionalPackages(unittest.TestCase):
    @unittest.skipUnless(CPYTHON and sys.version_info >= (3, 7), "-X importtime is CPython 3.7+'s")
    def test_numpy_missing_is_a_skip(self):
        # -S leaves site-packages (and Debian's dist-packages) off sys.path: numpy is not found there.
        read_end, write_end = os.pipe()
        child = subprocess.Popen([sys.executable, "-I", "-S", HARNESS, "--workload", "importtime", "--fd",
                                  str(write_end), "--param", "modules=json,numpy.linalg", "--repetitions", "1"],
                                 pass_fds=(write_end,), stdout=subprocess.DEVNULL)
        os.close(write_end)
        with os.fdopen(read_end) as stream:
            last = stream.read().strip().splitlines()[-1]
        self.assertEqual(child.wait(timeout=60), 0)
        self.assertEqual(json.loads(last),
                         {"event": "skip", "reason": "numpy is not importable: No module named 'numpy'"})


if __name__ == "__main__":
    unittest.main()
