"""In-process tests of the harness internals: that each workload's check rejects a corrupted result,
that the sampler ends a run with the right terminal event, that parameters are validated, and that
loading the workloads loads none of what they measure."""

import contextlib
import io
import json
import os
import subprocess
import sys
import unittest

REPO = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
sys.path.insert(0, os.path.join(REPO, "python"))

from harness_core import cli, params  # noqa: E402
from harness_core.protocol import ProtocolWriter  # noqa: E402
from harness_core.sampling import Sampler, Settings  # noqa: E402
from harness_core.workload import Bench, ParamError, Skip, Workload, WrongResult  # noqa: E402
from workloads import compute, memory, startup  # noqa: E402


def bench_of(module, name, given=None):
    workload = [w for w in module.WORKLOADS if w.name == name][0]
    return workload.setup(params.resolve(workload.params, given or {}))


@contextlib.contextmanager
def prepared_bytecode(cache):
    """The bytecode workload over json, prepared, and closed (its scratch tree removed) afterwards."""
    bench = bench_of(startup, "bytecode", {"cache": cache, "modules": "json"})
    try:
        bench.prepare()
        yield bench
    finally:
        bench.close()


class VerifyRejectsCorruption(unittest.TestCase):
    def test_bytecode_cold_compiles_and_warm_loads(self):
        for cache in ("cold", "warm"):
            with self.subTest(cache=cache), prepared_bytecode(cache) as bench:
                bench.verify(bench.run(1))
                self.assertGreater(bench.pyc_files, 0)

    def test_bytecode_warm_rejects_a_recompiled_cache(self):
        with prepared_bytecode("warm") as bench:
            result = bench.run(1)
            # Throw the primed cache away behind the workload's back: the child must compile again.
            for path in bench.primed:
                os.remove(path)
            result = bench.run(1)
            with self.assertRaises(WrongResult):
                bench.verify(result)

    def test_bytecode_cold_rejects_an_unused_prefix(self):
        with prepared_bytecode("cold") as bench:
            result = bench.run(1)
            bench.prepare()  # a fresh, empty prefix: as if the child had written elsewhere
            with self.assertRaises(WrongResult):
                bench.verify(result)

    def test_nbody(self):
        bench = bench_of(compute, "nbody", {"steps": "20"})
        before, bodies = bench.run(1)
        bench.verify((before, bodies))
        bodies[1][3] += 1e-3  # a kick to Jupiter: momentum no longer sums to zero
        with self.assertRaises(WrongResult):
            bench.verify((before, bodies))
        with self.assertRaises(WrongResult):
            bench.verify((before + 1e-6, compute.nbody_system()))

    def test_nbody_published_energy_after_1000_steps(self):
        bench = bench_of(compute, "nbody", {"steps": "1000"})
        bench.verify(bench.run(1))

    def test_spectral_norm(self):
        bench = bench_of(compute, "spectral_norm", {"n": "100"})
        value = bench.run(1)
        bench.verify(value)
        with self.assertRaises(WrongResult):
            bench.verify(value + 1e-8)
        small = bench_of(compute, "spectral_norm", {"n": "5"})
        small.verify(small.run(1))
        with self.assertRaises(WrongResult):
            small.verify(1.3)

    def test_fannkuch(self):
        bench = bench_of(compute, "fannkuch", {"n": "7"})
        checksum, flips = bench.run(1)
        self.assertEqual((checksum, flips), (228, 16))
        with self.assertRaises(WrongResult):
            bench.verify((checksum + 2, flips))
        with self.assertRaises(WrongResult):
            bench.verify((checksum, flips - 1))

    def test_fannkuch_max_flips_match_brute_force(self):
        import itertools
        for n in range(3, 8):
            worst = 0
            for perm in itertools.permutations(range(n)):
                p, flips = list(perm), 0
                while p[0]:
                    p[:p[0] + 1] = p[p[0]::-1]
                    flips += 1
                worst = max(worst, flips)
            self.assertEqual(compute.fannkuch(n)[1], worst)
            self.assertEqual(compute.MAX_FLIPS[n], worst)

    def test_richards(self):
        bench = bench_of(compute, "richards", {"turns": "200"})
        scheduler, steps = bench.run(1)
        bench.verify((scheduler, steps))
        scheduler.consumed -= 1
        with self.assertRaises(WrongResult):
            bench.verify((scheduler, steps))

    def test_generators_and_unpacking(self):
        bench = bench_of(compute, "generators", {"n": "1000", "depth": "5"})
        squares, leaves = bench.run(1)
        bench.verify((squares, leaves))
        with self.assertRaises(WrongResult):
            bench.verify((squares + 9, leaves))
        bench = bench_of(compute, "unpacking", {"rounds": "3"})
        result = bench.run(1)
        bench.verify(result)
        with self.assertRaises(WrongResult):
            bench.verify(result[1:] + result[:1])

    def test_float_objects(self):
        bench = bench_of(compute, "float_objects", {"points": "50"})
        points, best = bench.run(1)
        bench.verify((points, best))
        points[7].x *= 1.001
        with self.assertRaises(WrongResult):
            bench.verify((points, best))

    def test_alloc_and_instances(self):
        for kind in ("int", "tuple", "list", "dict"):
            bench = bench_of(memory, "alloc_small", {"type": kind, "count": "30"})
            objects = bench.run(2)
            bench.verify(objects)
            with self.assertRaises(WrongResult):
                bench.verify(objects[:-1])
        bench = bench_of(memory, "instances", {"slots": "true", "count": "30"})
        records, total = bench.run(1)
        bench.verify((records, total))
        with self.assertRaises(WrongResult):
            bench.verify((records, total - 1))

    @unittest.skipUnless(hasattr(sys, "getrefcount"), "needs reference counts")
    def test_refcount_detects_a_leak(self):
        bench = bench_of(memory, "refcount", {"rounds": "10"})
        bench.prepare()
        hits = bench.run(1)
        bench.verify(hits)
        leak = [bench.obj]
        with self.assertRaises(WrongResult):
            bench.verify(hits)
        del leak

    def test_gc_collect_detects_survivors(self):
        bench = bench_of(memory, "gc_collect", {"nodes": "500"})
        import gc
        gc.disable()
        try:
            bench.prepare()
            keep = [ref() for ref in bench.watch]  # reachable again: they must survive
            collected = bench.run(1)
        finally:
            gc.enable()
        with self.assertRaises(WrongResult):
            bench.verify(collected)
        del keep

    def test_importtime_parsing(self):
        text = ("import time: self [us] | cumulative | imported package\n"
                "import time:       373 |        373 |   _io\n"
                "some warning\n"
                "import time:       931 |       1781 | json\n")
        self.assertEqual(startup.parse_importtime(text), [("_io", 373, 373, 1), ("json", 931, 1781, 0)])

    def test_flag_args_round_trip(self):
        out = subprocess.check_output(
            [sys.executable, "-I", "-S", "-B", "-X", "faulthandler", "-c",
             "import sys; sys.path.insert(0, %r); from workloads.startup import interpreter_flag_args; "
             "print(interpreter_flag_args())" % os.path.join(REPO, "python")])
        args = out.decode().strip()
        for flag in ("'-I'", "'-S'", "'-B'", "'faulthandler'"):
            self.assertIn(flag, args)


# The child's side of a corruption check: `bench` sets up a workload of `wl`, `rejects` fails the
# child unless verify() refuses the corrupted result; the checks then print "ok".
CHILD_PRELUDE = r"""
import sys
sys.path.insert(0, %r)
from harness_core import params
from harness_core.workload import WrongResult
from workloads import %s as wl

def bench(name, given):
    w = [w for w in wl.WORKLOADS if w.name == name][0]
    return w.setup(params.resolve(w.params, given))

def rejects(b, result):
    try:
        b.verify(result)
    except WrongResult:
        return
    raise SystemExit("%%s accepted a corrupted result" %% type(b).__name__)
"""


def checks_in_child(test, module, package, checks, timeout, env=None, why_skippable=""):
    """Runs `checks` in a child of Debian's python3 with `module`'s workloads, and fails `test`
    unless it prints "ok"; skips it where that python3 has no `package`."""
    python = "/usr/bin/python3"
    if subprocess.call([python, "-c", "import " + package], stderr=subprocess.DEVNULL) != 0:
        test.skipTest("no %s for %s%s" % (package, python, why_skippable))
    code = CHILD_PRELUDE % (os.path.join(REPO, "python"), module) + checks + 'print("ok")\n'
    child = subprocess.run([python, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                           timeout=timeout)
    test.assertEqual(child.returncode, 0, child.stderr.decode()[-3000:])
    test.assertEqual(child.stdout.decode().strip(), "ok")


class NumpyChecks(unittest.TestCase):
    """Run in a child with OPENBLAS_NUM_THREADS unset, so the workloads set the thread count themselves."""

    def test_matmul_and_friends_reject_corruption(self):
        env = dict(os.environ)
        for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            env.pop(name, None)
        checks_in_child(self, "numpy_workloads", "numpy", """
for dtype in ("f32", "f64"):
    b = bench("np_matmul", {"n": "48", "dtype": dtype})
    c = b.run(1); b.verify(c); c[5, 7] += 0.01; rejects(b, c)
    b = bench("np_eig", {"n": "12", "dtype": dtype})
    w, v = b.run(1); b.verify((w, v)); v[:, 0] *= -2; v[0, 0] += 0.5; rejects(b, (w, v))
    b = bench("np_broadcast", {"n": "9", "dtype": dtype})
    r = b.run(1); b.verify(r); r[2, 3] += 1; rejects(b, r)
    b = bench("np_strided", {"n": "100", "stride": "3", "dtype": dtype})
    s = b.run(1); b.verify(s); rejects(b, s + 1)
    b = bench("np_creation", {"n": "100", "dtype": dtype})
    arrays = b.run(1); b.verify(arrays); arrays[1][3] = 0; rejects(b, arrays)
""", timeout=120, env=env)


class TorchChecks(unittest.TestCase):
    """Every torch workload once, in one child (importing torch takes seconds), corruption included."""

    def test_torch_workloads_reject_corruption(self):
        checks_in_child(self, "torch_workloads", "torch", """
for dtype in ("f32", "f64"):
    b = bench("torch_matmul", {"n": "24", "dtype": dtype, "threads": "2"})
    c = b.run(2); b.verify(c); c[3, 5] += 0.01; rejects(b, c)
    b = bench("torch_ops", {"n": "100", "dtype": dtype})
    r = b.run(2); b.verify(r); r[7] += 1; rejects(b, r)
    b = bench("torch_mlp", {"batch": "4", "features": "8", "hidden": "8", "outputs": "2", "dtype": dtype})
    out = b.run(2); b.verify(out); b.model[2].weight.grad[0, 0] += 0.01; rejects(b, out)
    b = bench("torch_train", {"steps": "20", "batch": "16", "features": "4", "hidden": "8", "dtype": dtype})
    losses = b.run(1); b.verify(losses); rejects(b, losses[::-1])
""", timeout=180, why_skippable=" (the stream test checks its skip)")


class FakeBench(Bench):
    def __init__(self, fail_at=None, raise_at=None):
        self.calls = 0
        self.fail_at = fail_at
        self.raise_at = raise_at
        self.closed = False

    def run(self, loops):
        self.calls += 1
        if self.calls == self.raise_at:
            raise RuntimeError("boom in call %d" % self.calls)
        return self.calls

    def verify(self, result):
        if result == self.fail_at:
            raise WrongResult("call %d came out wrong" % result)

    def close(self):
        self.closed = True


class SamplerAndOutcomes(unittest.TestCase):
    def events_of(self, bench, argv, loopable=True):
        stream = io.StringIO()
        writer = ProtocolWriter(stream)
        workload = Workload("fake", "a fake", lambda values: bench, loopable=loopable)
        original = cli.find_workload
        cli.find_workload = lambda name: workload
        try:
            status = cli.run_workload(cli.build_parser().parse_args(["--workload", "fake", "--fd", "1"] + argv), writer)
        finally:
            cli.find_workload = original
        return status, [json.loads(line) for line in stream.getvalue().splitlines()]

    def test_wrong_result_ends_the_stream(self):
        bench = FakeBench(fail_at=4)
        status, events = self.events_of(bench, ["--loops", "1", "--warmups", "1", "--repetitions", "5"])
        self.assertEqual([e["event"] for e in events], ["calibrated", "sample", "sample", "sample", "wrong_result"])
        self.assertEqual(events[-1]["reason"], "call 4 came out wrong")
        self.assertEqual(status, 1)
        self.assertTrue(bench.closed)

    def test_exception_becomes_error_with_traceback(self):
        bench = FakeBench(raise_at=2)
        status, events = self.events_of(bench, ["--loops", "1", "--warmups", "0", "--repetitions", "3"])
        self.assertEqual([e["event"] for e in events], ["calibrated", "sample", "error"])
        self.assertIn("RuntimeError: boom in call 2", events[-1]["reason"])
        self.assertIn("Traceback", events[-1]["reason"])
        self.assertEqual(status, 1)
        self.assertTrue(bench.closed)

    def test_calibration_reaches_sample_time(self):
        ticks = [0.0]

        def clock():  # a fake clock: every call of run() takes 1 ms per loop
            return ticks[0]

        class Timed(FakeBench):
            def run(self, loops):
                ticks[0] += 0.001 * loops
                return 0

        stream = io.StringIO()
        sampler = Sampler(Timed(), ProtocolWriter(stream), clock=clock)
        sampler.run(Settings(warmups=0, repetitions=1, sample_time=0.1), loopable=True)
        calibrated = json.loads(stream.getvalue().splitlines()[0])
        self.assertEqual(calibrated["event"], "calibrated")
        self.assertGreaterEqual(calibrated["loops"] * 0.001, 0.1 - 1e-12)
        self.assertLess(calibrated["loops"], 1000)  # grown by at most x10 from below 100

    def test_skip_from_setup(self):
        def setup(values):
            raise Skip("not here")
        stream = io.StringIO()
        workload = Workload("fake", "a fake", setup)
        original = cli.find_workload
        cli.find_workload = lambda name: workload
        try:
            status = cli.run_workload(cli.build_parser().parse_args(["--workload", "fake", "--fd", "1"]),
                                      ProtocolWriter(stream))
        finally:
            cli.find_workload = original
        self.assertEqual(status, 0)
        self.assertEqual(json.loads(stream.getvalue()), {"event": "skip", "reason": "not here"})

    def test_nothing_after_terminal(self):
        writer = ProtocolWriter(io.StringIO())
        writer.emit("done")
        with self.assertRaises(RuntimeError):
            writer.emit("sample")

    def test_non_finite_metric_is_refused(self):
        writer = ProtocolWriter(io.StringIO())
        with self.assertRaises(ValueError):
            writer.emit("sample", metrics=[{"name": "x", "unit": "s", "value": float("nan")}])


class Parameters(unittest.TestCase):
    def test_conversions(self):
        declared = [params.Int("n", 5, "", minimum=2, maximum=9), params.Bool("b", False, ""),
                    params.Float("f", 0.5, "", minimum=0.0), params.Choice("c", "a", "", ["a", "b"], {"x": "b"}),
                    params.ModuleList("m", "json", "")]
        self.assertEqual(params.resolve(declared, {}), {"n": 5, "b": False, "f": 0.5, "c": "a", "m": ["json"]})
        got = params.resolve(declared, {"n": "9", "b": "yes", "f": "2", "c": "x", "m": "a.b, c"})
        self.assertEqual(got, {"n": 9, "b": True, "f": 2.0, "c": "b", "m": ["a.b", "c"]})
        for bad in ({"n": "1"}, {"n": "10"}, {"n": "2.5"}, {"b": "maybe"}, {"f": "nan"}, {"f": "-1"},
                    {"c": "z"}, {"m": "os; import sys"}, {"m": ""}, {"zz": "1"}):
            with self.assertRaises(ParamError) as caught:
                params.resolve(declared, bad)
            self.assertIn("'%s'" % sorted(bad)[0], str(caught.exception))

    def test_listing_loads_nothing_measured(self):
        code = ("import sys; sys.path.insert(0, %r); from harness_core.registry import all_workloads; "
                "all_workloads(); print(sorted(m for m in ('numpy', 'torch', 'asyncio', 'tracemalloc', 'subprocess')"
                " if m in sys.modules))" % os.path.join(REPO, "python"))
        out = subprocess.check_output([sys.executable, "-I", "-c", code])
        self.assertEqual(out.decode().strip(), "[]")


if __name__ == "__main__":
    unittest.main()
