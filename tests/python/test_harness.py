"""Tests of python/harness.py: the protocol stream under every interpreter found, every workload under
Debian's python3, skips, errors and the sampling settings. Runs under any Python 3.6+:
    /usr/bin/python3 -m unittest discover -s tests/python -v
"""

import concurrent.futures
import glob
import json
import math
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

REPO = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
HARNESS = os.path.join(REPO, "python", "harness.py")
QUICK = ["--sample-time", "0.001", "--repetitions", "2", "--warmups", "1"]
TERMINAL = ("done", "skip", "wrong_result", "error")
IDENTITY_KEYS = ("implementation", "version", "version_info", "executable", "prefix", "base_prefix", "in_venv",
                 "cache_tag", "compiler", "build", "free_threaded", "gil_enabled", "jit", "flags", "hash_seed",
                 "platform", "byteorder")
RUN_TIMEOUT = 60  # seconds for one harness run; none comes close unless it hangs

# Tiny parameters for every workload, so that all of them run in a few seconds in total.
TINY = {
    "importtime": {"modules": "json"},
    "bytecode": {"modules": "json"},
    "subprocess_spawn": {},
    "pipe_roundtrip": {"size": "64"},
    "alloc_small": {"count": "50"},
    "instances": {"count": "50"},
    "refcount": {"rounds": "50"},
    "gc_collect": {"nodes": "1000"},
    "peak_memory": {"count": "1000"},
    "getsizeof": {},
    "gather": {"tasks": "10"},
    "call_soon": {"callbacks": "50"},
    "queue": {"items": "50"},
    "streams": {"size": "16"},
    "mixed_io": {"tasks": "3", "rounds": "2", "work": "10"},
    "nbody": {"steps": "10"},
    "spectral_norm": {"n": "8"},
    "fannkuch": {"n": "5"},
    "richards": {"turns": "50"},
    "float_objects": {"points": "20"},
    "generators": {"n": "100", "depth": "3"},
    "unpacking": {"rounds": "10"},
    "np_creation": {"n": "1000"},
    "np_broadcast": {"n": "20"},
    "np_matmul": {"n": "16"},
    "np_eig": {"n": "8"},
    "np_strided": {"n": "1000", "stride": "4"},
    "torch_ops": {"n": "1000"},
    "torch_mlp": {"batch": "4", "features": "8", "hidden": "8", "outputs": "2"},
    "torch_train": {"steps": "20", "batch": "16", "features": "4", "hidden": "8"},
    "torch_matmul": {"n": "16"},
    "np_manip": {"op": "sort", "n": "16"},
    "np_fft": {"n": "64"},
    "np_complex": {"op": "exp", "n": "100"},
    "np_ufunc": {"op": "sin", "n": "100"},
    "np_elementwise": {"n": "256"},
    "np_reduction": {"n": "256"},
    "torch_create": {"op": "arange", "n": "100"},
    "torch_index": {"op": "mask", "n": "16"},
    "torch_backward": {"batch": "4", "features": "8", "hidden": "8", "outputs": "2"},
    "torch_elementwise": {"n": "256"},
    "torch_reduction": {"n": "256"},
    "ext_import": {"modules": "_json"},
    "ctypes_load": {"copies": "2"},
    "ctypes_call": {"calls": "50"},
    "lazy_import": {"modules": "json"},
    "reimport": {"modules": "json"},
    "module_reload": {"defs": "3"},
    "threads": {"units": "1", "iterations": "50"},
    "task_switch": {"rounds": "20"},
    "churn": {"live": "50", "steps": "100"},
}


# --- finding interpreters -------------------------------------------------------------------------

_probe_cache = {}


def probe(python, code):
    """Output of `python -c code`, or None when it fails; cached."""
    key = (python, code)
    if key not in _probe_cache:
        try:
            out = subprocess.check_output([python, "-c", code], stderr=subprocess.DEVNULL, timeout=60)
            _probe_cache[key] = out.decode().strip()
        except (OSError, subprocess.SubprocessError):
            _probe_cache[key] = None
    return _probe_cache[key]


def version_of(python):
    text = probe(python, "import sys; print('%d.%d.%d' % sys.version_info[:3])")
    return tuple(int(p) for p in text.split(".")) if text else None


def has_module(python, name):
    return probe(python, "import " + name) is not None


def lacks_module(python, name):
    """True where `name` is not installed at all for `python` (not merely unloadable: PyPy finds
    Debian's CPython numpy and fails to load it, with another message)."""
    code = "import importlib.util, sys; sys.exit(importlib.util.find_spec(%r) is not None)" % name
    return probe(python, code) is not None


def pyenv_pythons():
    root = os.environ.get("PYENV_ROOT") or os.path.expanduser("~/.pyenv")
    return sorted(glob.glob(os.path.join(root, "versions", "*", "bin", "python")))


def free_threaded_python():
    """(path, None) for the free-threaded CPython scripts/build-free-threaded-python.sh builds (scripts/test.sh
    runs it before the tests), else (None, why it is absent: the build's own reason when it failed)."""
    prefix = os.environ.get("PERFMATRIX_FT_PYTHON_PREFIX") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "perfmatrix", "cpython-3.13t")
    python = os.path.join(prefix, "bin", "python3.13t")
    if os.access(python, os.X_OK):
        return python, None
    try:
        with open(prefix + ".failed") as f:
            return None, "the free-threaded CPython could not be built: " + f.read().strip()
    except OSError:
        return None, "no free-threaded CPython at %s: scripts/build-free-threaded-python.sh builds it" % python


def supported_interpreters():
    """Every pyenv interpreter 3.6+, /usr/bin/python3, pypy3 when one is on PATH, and the free-threaded
    CPython when it was built."""
    found = [p for p in pyenv_pythons() if (version_of(p) or (0,)) >= (3, 6)]
    for extra in ("/usr/bin/python3", shutil.which("pypy3"), free_threaded_python()[0]):
        if extra and os.path.exists(extra) and extra not in found and (version_of(extra) or (0,)) >= (3, 6):
            found.append(extra)
    return found


def debian_python():
    return "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable


# --- running the harness ----------------------------------------------------------------------------

class Run(object):
    def __init__(self, events, returncode, stderr, lines, flags=("-I",)):
        self.events = events
        self.returncode = returncode
        self.stderr = stderr
        self.lines = lines
        self.flags = flags

    @property
    def terminal(self):
        return self.events[-1] if self.events else None


def run_harness(python, workload, params=None, options=QUICK, flags=("-I",), fd=True, argv=None, env=None):
    """Runs the harness with the protocol on a fresh pipe passed by pass_fds (in `env`, default this
    process's environment); returns its Run."""
    read_end, write_end = os.pipe()
    try:
        args = list(argv) if argv is not None else (["--workload", workload] + list(options))
        if fd and argv is None:
            args += ["--fd", str(write_end)]
        for key, value in sorted((params or {}).items()):
            args += ["--param", "%s=%s" % (key, value)]
        with tempfile.TemporaryFile() as err:
            child = subprocess.Popen([python] + list(flags) + [HARNESS] + args, stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL, stderr=err, pass_fds=(write_end,), env=env)
            os.close(write_end)
            write_end = None
            data = read_until_eof(read_end, child, RUN_TIMEOUT)
            returncode = child.wait(timeout=RUN_TIMEOUT)
            err.seek(0)
            stderr = err.read().decode("utf-8", "replace")
    finally:
        os.close(read_end)
        if write_end is not None:
            os.close(write_end)
    text = data.decode("utf-8")
    lines = text.splitlines()
    if text and not text.endswith("\n"):
        raise AssertionError("protocol stream does not end with a newline: %r" % text[-200:])
    return Run([json.loads(line) for line in lines], returncode, stderr, lines, tuple(flags))


def run_many(jobs):
    """Runs (python, workload, params) jobs two at a time (the CI machine has 2 cores); returns the
    Runs in job order."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        futures = [pool.submit(run_harness, python, workload, params) for python, workload, params in jobs]
        return [f.result() for f in futures]


def read_until_eof(fd, child, timeout):
    deadline = time.monotonic() + timeout
    chunks = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            child.kill()
            child.wait()
            raise AssertionError("harness did not finish within %d s" % timeout)
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            chunk = os.read(fd, 65536)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)


# --- checking a stream strictly -------------------------------------------------------------------

class StreamChecks(unittest.TestCase):
    def check_hello(self, run, python):
        hello = run.events[0]
        self.assertEqual(hello["event"], "hello", run.lines[:1])
        self.assertEqual(hello["protocol"], 1)
        self.assertEqual(hello["harness"], "1")
        identity = hello["python"]
        for key in IDENTITY_KEYS:
            self.assertIn(key, identity)
        version = version_of(python)
        self.assertEqual(tuple(identity["version_info"][:3]), version)
        self.assertIn(identity["build"], ("release", "debug"))
        self.assertIsInstance(identity["flags"], dict)
        self.assertEqual(identity["flags"].get("isolated"), 1 if "-I" in run.flags else 0)
        self.assertEqual(sorted(hello["packages"]), ["numpy", "torch"])
        for value in hello["packages"].values():
            self.assertIsInstance(value, str)

    def check_metrics(self, metrics, where):
        names = [m["name"] for m in metrics]
        self.assertEqual(len(names), len(set(names)), "duplicate metric names in %s: %r" % (where, names))
        for m in metrics:
            self.assertEqual(sorted(m), ["name", "unit", "value"], where)
            self.assertTrue(m["unit"], where)
            value = m["value"]
            self.assertTrue(isinstance(value, (int, float)) and not isinstance(value, bool), (where, m))
            self.assertTrue(math.isfinite(value) and value >= 0, (where, m))

    def check_stream(self, run, python, warmups=1, repetitions=2, max_repetitions=None, expect="done"):
        """Strict: hello first, one terminal event last, calibrated once, warm-ups then measured
        samples with consecutive indices and the calibrated loop count, components after their sample."""
        self.assertTrue(run.events, "no protocol output; stderr: %s" % run.stderr[-2000:])
        self.check_hello(run, python)
        kinds = [e["event"] for e in run.events]
        self.assertEqual(sum(k in TERMINAL for k in kinds), 1, kinds)
        self.assertIn(kinds[-1], TERMINAL, kinds)
        self.assertEqual(kinds[-1], expect, "%s; stderr: %s" % (run.terminal, run.stderr[-2000:]))
        self.assertEqual(run.returncode, 0 if expect in ("done", "skip") else 1, run.stderr[-2000:])
        if expect != "done":
            self.assertTrue(run.terminal.get("reason"), run.terminal)
            return
        self.assertEqual(kinds[1], "calibrated", kinds)
        loops = run.events[1]["loops"]
        self.assertTrue(isinstance(loops, int) and loops >= 1, run.events[1])
        self.assertEqual(kinds.count("calibrated"), 1)
        samples = [e for e in run.events if e["event"] == "sample"]
        warm = [s for s in samples if s["warmup"]]
        measured = [s for s in samples if not s["warmup"]]
        self.assertEqual(samples, warm + measured, "warm-ups must come before measured samples")
        self.assertEqual([s["index"] for s in warm], list(range(warmups)))
        self.assertEqual([s["index"] for s in measured], list(range(len(measured))))
        self.assertGreaterEqual(len(measured), repetitions)
        if max_repetitions is not None:
            self.assertLessEqual(len(measured), max_repetitions)
        last_sample = None
        for event in run.events[2:-1]:
            if event["event"] == "sample":
                last_sample = event
                self.assertEqual(event["loops"], loops)
                self.check_metrics(event["metrics"], "sample")
                by_name = dict((m["name"], m) for m in event["metrics"])
                self.assertEqual([m["name"] for m in event["metrics"][:3]], ["time", "batch_time", "loops"])
                self.assertEqual((by_name["time"]["unit"], by_name["batch_time"]["unit"]), ("s", "s"))
                self.assertGreater(by_name["time"]["value"], 0)
                self.assertEqual(by_name["loops"]["value"], loops)
                self.assertAlmostEqual(by_name["time"]["value"] * loops, by_name["batch_time"]["value"],
                                       delta=1e-9 * by_name["batch_time"]["value"])
            elif event["event"] == "component":
                self.assertIsNotNone(last_sample, "component before any sample")
                self.assertEqual((event["warmup"], event["index"]), (last_sample["warmup"], last_sample["index"]))
                self.assertTrue(event["component"])
                self.check_metrics(event["metrics"], "component")
            else:
                self.fail("unexpected event %r" % event)
        return measured


# --- the tests ------------------------------------------------------------------------------------

# One or two per category, the not-loopable path and components included.
QUICK_SET = ("nbody", "alloc_small", "gc_collect", "streams", "pipe_roundtrip", "importtime")
# Importing torch takes seconds: the stream test runs one torch workload (Torch below runs them all).
STREAM_TESTED_TORCH = ("torch_matmul",)


class EveryInterpreter(StreamChecks):
    """A few quick workloads under every supported interpreter found on this machine."""

    def test_quick_workloads(self):
        pythons = supported_interpreters()
        self.assertTrue(pythons, "no Python 3.6+ interpreter found")
        jobs = [(python, workload, TINY[workload]) for python in pythons for workload in QUICK_SET]
        for (python, workload, _), run in zip(jobs, run_many(jobs)):
            implementation = probe(python, "import sys; print(sys.implementation.name)")
            with self.subTest(python=python, workload=workload):
                if workload == "importtime" and (version_of(python) < (3, 7) or implementation != "cpython"):
                    self.check_stream(run, python, expect="skip")
                    self.assertIn("importtime", run.terminal["reason"])
                else:
                    self.check_stream(run, python)

    def test_list(self):
        for python in supported_interpreters():
            with self.subTest(python=python):
                out = subprocess.check_output([python, "-I", HARNESS, "--list"], timeout=RUN_TIMEOUT)
                document = json.loads(out.decode())
                self.assertEqual(document["harness"], "1")
                names = [w["name"] for w in document["workloads"]]
                self.assertEqual(len(names), len(set(names)))
                self.assertEqual(sorted(names), sorted(TINY), "TINY must cover exactly the listed workloads")
                for w in document["workloads"]:
                    self.assertTrue(w["category"] and w["summary"], w)
                    for p in w["params"]:
                        self.assertEqual(sorted(p), ["default", "help", "name"])
                        self.assertIsInstance(p["default"], str)


class AllWorkloads(StreamChecks):
    """Every workload with tiny parameters under Debian's python3 (which has numpy, maybe torch)."""

    def test_every_workload(self):
        python = debian_python()
        numpy = has_module(python, "numpy")
        torch = has_module(python, "torch")
        implementation = probe(python, "import sys; print(sys.implementation.name)")
        jobs = [(python, workload, params) for workload, params in sorted(TINY.items())
                if not workload.startswith("torch_") or workload in STREAM_TESTED_TORCH]
        for (_, workload, _), run in zip(jobs, run_many(jobs)):
            with self.subTest(workload=workload):
                if workload.startswith("np_") and not numpy or workload.startswith("torch_") and not torch:
                    expect = "skip"
                elif workload in ("peak_memory", "getsizeof") and implementation != "cpython":
                    expect = "skip"
                else:
                    expect = "done"
                self.check_stream(run, python, expect=expect)
                if expect == "skip" and workload.startswith(("np_", "torch_")):
                    self.assertIn(" is not importable: ", run.terminal["reason"])
                if expect == "done" and workload in ("importtime", "getsizeof"):
                    self.assertIn("component", [e["event"] for e in run.events])

    def test_numpy_workload_done_where_numpy_is_installed(self):
        python = debian_python()
        if not has_module(python, "numpy"):
            self.skipTest("%s has no numpy" % python)
        run = run_harness(python, "np_matmul", {"n": "32", "dtype": "f32", "threads": "1"})
        measured = self.check_stream(run, python)
        for sample in measured:
            names = dict((m["name"], m["value"]) for m in sample["metrics"])
            self.assertGreater(names["gflops"], 0)
            self.assertEqual(names["threads"], 1)
        self.assertTrue(run.events[0]["packages"]["numpy"])


class Skips(StreamChecks):
    def test_numpy_missing_gives_skip(self):
        without = [p for p in supported_interpreters() if lacks_module(p, "numpy")]
        if not without:
            self.skipTest("every interpreter here has numpy installed")
        python = without[0]
        run = run_harness(python, "np_matmul", {"n": "8"})
        self.check_stream(run, python, expect="skip")
        self.assertEqual(run.terminal["reason"], "numpy is not importable: No module named 'numpy'")
        self.assertEqual(run.events[0]["packages"]["numpy"], "")


class Errors(StreamChecks):
    def expect_error(self, run, *fragments):
        python = debian_python()
        self.check_stream(run, python, expect="error")
        for fragment in fragments:
            self.assertIn(fragment, run.terminal["reason"])

    def test_bad_parameter_value_is_named(self):
        run = run_harness(debian_python(), "nbody", {"steps": "x"})
        self.expect_error(run, "parameter 'steps'", "expected an integer >= 1", "'x'")

    def test_out_of_range_parameter(self):
        run = run_harness(debian_python(), "fannkuch", {"n": "13"})
        self.expect_error(run, "parameter 'n'", "from 3 to 12", "'13'")

    def test_bad_choice(self):
        run = run_harness(debian_python(), "alloc_small", {"type": "set"})
        self.expect_error(run, "parameter 'type'", "one of int, tuple, list, dict")

    def test_unknown_parameter(self):
        run = run_harness(debian_python(), "nbody", {"stepz": "10"})
        self.expect_error(run, "unknown parameter 'stepz'", "steps")

    def test_bad_module_list(self):
        run = run_harness(debian_python(), "importtime", {"modules": "json;import os"})
        self.expect_error(run, "parameter 'modules'")

    def test_unimportable_module(self):
        run = run_harness(debian_python(), "importtime", {"modules": "no_such_module_here"})
        self.expect_error(run, "parameter 'modules'", "no_such_module_here")

    def test_unknown_workload(self):
        run = run_harness(debian_python(), "no_such_workload")
        self.expect_error(run, "unknown workload 'no_such_workload'", "nbody")

    def test_bad_settings(self):
        python = debian_python()
        run = run_harness(python, "nbody", options=["--repetitions", "0"])
        self.expect_error(run, "--repetitions", "expected an integer >= 1")
        run = run_harness(python, "nbody", options=["--repetitions", "5", "--max-repetitions", "2"])
        self.expect_error(run, "--max-repetitions")
        run = run_harness(python, "nbody", options=["--sample-time", "0"])
        self.expect_error(run, "--sample-time")
        run = run_harness(python, "gc_collect", TINY["gc_collect"], options=["--loops", "3"])
        self.expect_error(run, "--loops", "not loopable")

    def test_unknown_option_reported_on_fd(self):
        run = run_harness(debian_python(), "nbody", options=["--bogus"])
        self.expect_error(run, "command line", "--bogus")

    def test_no_fd(self):
        run = run_harness(debian_python(), "nbody", fd=False)
        self.assertEqual(run.events, [])
        self.assertEqual(run.returncode, 2)
        self.assertIn("--fd", run.stderr)

    def test_fd_not_open(self):
        run = run_harness(debian_python(), None, argv=["--workload", "nbody", "--fd", "987"])
        self.assertEqual(run.events, [])
        self.assertEqual(run.returncode, 2)
        self.assertIn("not an open file descriptor", run.stderr)

    def test_python2_gets_one_line(self):
        old = [p for p in pyenv_pythons() if (version_of(p) or (9,)) < (3, 0)]
        if not old:
            self.skipTest("no Python 2 interpreter here")
        for python in old:
            child = subprocess.run([python, HARNESS, "--list"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   timeout=RUN_TIMEOUT)
            self.assertEqual(child.returncode, 2)
            self.assertEqual(child.stderr.decode(), "perfmatrix harness needs Python 3.6+\n")
            self.assertEqual(child.stdout, b"")


class Settings(StreamChecks):
    def test_fixed_loops(self):
        python = debian_python()
        options = ["--loops", "3", "--repetitions", "2", "--warmups", "0"]
        run = run_harness(python, "nbody", TINY["nbody"], options=options)
        self.check_stream(run, python, warmups=0)
        self.assertEqual((run.events[1]["loops"], run.events[1]["source"]), (3, "fixed"))

    def test_max_repetitions_caps_min_time(self):
        python = debian_python()
        options = ["--loops", "1", "--repetitions", "1", "--warmups", "2", "--min-time", "1000",
                   "--max-repetitions", "3"]
        run = run_harness(python, "nbody", TINY["nbody"], options=options)
        measured = self.check_stream(run, python, warmups=2, repetitions=3, max_repetitions=3)
        self.assertEqual(len(measured), 3)

    def test_min_time_adds_samples(self):
        python = debian_python()
        options = ["--loops", "1", "--repetitions", "1", "--warmups", "0", "--min-time", "0.05"]
        run = run_harness(python, "nbody", {"steps": "20"}, options=options)
        measured = self.check_stream(run, python, warmups=0, repetitions=1)
        total = sum(m["value"] for s in measured for m in s["metrics"] if m["name"] == "batch_time")
        without_last = total - [m["value"] for m in measured[-1]["metrics"] if m["name"] == "batch_time"][0]
        # Sampling stops at the first sample that brings the measured time to min_time, not before.
        self.assertGreaterEqual(total, 0.05)
        self.assertLess(without_last, 0.05)

    def test_importtime_child_gets_the_harness_flags(self):
        python = debian_python()
        with_site = run_harness(python, "importtime", {"modules": "json"}, flags=("-I",))
        without_site = run_harness(python, "importtime", {"modules": "json"}, flags=("-I", "-S"))
        self.check_stream(with_site, python)
        self.check_stream(without_site, python)

        def names(run):
            return set(e["component"] for e in run.events if e["event"] == "component")

        self.assertIn("site", names(with_site))
        self.assertNotIn("site", names(without_site))
        self.assertIn("json", names(without_site))


if __name__ == "__main__":
    unittest.main()
