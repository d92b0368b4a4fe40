"""The numpy and torch workloads of numpy_arrays, numpy_math, numpy_kernels, torch_tensors and
torch_kernels: each result passes its own check, and a corrupted one (a changed element, a wrong
transform, a copy where a view is due) is rejected. They run in a child of every interpreter here that
can import numpy (or torch): Debian's python3 and the environments `perfmatrix prepare` made
($PERFMATRIX_ENV_CACHE or ~/.cache/perfmatrix/envs); a test skips when there is none. Also: without
numpy or torch the workloads end `skip`, and `device = cuda` without a GPU ends `skip` too."""

import glob
import json
import os
import subprocess
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
HARNESS = os.path.join(REPO, "python", "harness.py")
DEBIAN_PYTHON = "/usr/bin/python3"
sys.path.insert(0, HERE)

from test_harness import StreamChecks, lacks_module, run_harness, supported_interpreters  # noqa: E402

NEW_NUMPY = ("np_manip", "np_fft", "np_complex", "np_ufunc", "np_elementwise", "np_reduction")
NEW_TORCH = ("torch_create", "torch_index", "torch_backward", "torch_elementwise", "torch_reduction")


def env_cache():
    return os.environ.get("PERFMATRIX_ENV_CACHE") or os.path.expanduser("~/.cache/perfmatrix/envs")


def prepared_pythons(package):
    """bin/python of every ready prepared environment that lists `package`."""
    found = []
    for manifest in sorted(glob.glob(os.path.join(env_cache(), "*", "perfmatrix-env.json"))):
        try:
            with open(manifest) as f:
                document = json.load(f)
        except (OSError, ValueError):
            continue
        names = [p.get("name", "").lower() for p in document.get("packages", [])]
        python = os.path.join(os.path.dirname(manifest), "bin", "python")
        if document.get("status") == "ok" and package in names and os.access(python, os.X_OK):
            found.append(python)
    return found


def imports(python, package):
    return subprocess.call([python, "-c", "import " + package], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, timeout=300) == 0


def pythons_with(package):
    candidates = ([DEBIAN_PYTHON] if os.path.exists(DEBIAN_PYTHON) else []) + prepared_pythons(package)
    return [p for p in candidates if imports(p, package)]


# The child's side: `bench` sets up a workload, `rejects` fails the child unless verify() refuses the
# corrupted result; the checks then print "ok".
CHILD_PRELUDE = r"""
import sys
sys.path.insert(0, %r)
from harness_core import params
from harness_core.registry import find_workload
from harness_core.workload import ParamError, Skip, WrongResult

def bench(name, given):
    w = find_workload(name)
    return w.setup(params.resolve(w.params, given))

def rejects(b, result):
    try:
        b.verify(result)
    except WrongResult:
        return
    raise SystemExit("%%s (%%r) accepted a corrupted result" %% (type(b).__name__, getattr(b, "op", "")))

def refuses(name, given, fragment):
    try:
        bench(name, given)
    except ParamError as exc:
        assert fragment in str(exc), str(exc)
        return
    raise SystemExit("%%s accepted %%r" %% (name, given))
"""


def check_in_children(test, package, checks, timeout):
    pythons = pythons_with(package)
    if not pythons:
        test.skipTest("no interpreter here imports %s (Debian's python3 or a prepared environment in %s)"
                      % (package, env_cache()))
    env = dict(os.environ)
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        env.pop(name, None)  # the workloads set them themselves
    code = CHILD_PRELUDE % os.path.join(REPO, "python") + checks + 'print("ok")\n'
    for python in pythons:
        with test.subTest(python=python):
            child = subprocess.run([python, "-W", "ignore", "-c", code], stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, env=env, timeout=timeout)
            test.assertEqual(child.returncode, 0, child.stderr.decode()[-3000:])
            test.assertEqual(child.stdout.decode().strip().splitlines()[-1], "ok")


class NumpyChecks(unittest.TestCase):
    def test_manipulation_rejects_corruption(self):
        check_in_children(self, "numpy", """
np = bench("np_reduction", {"n": "1"}).np  # numpy loaded by a workload, after it set the BLAS threads
for dtype in ("f32", "f64"):
    def made(op):
        b = bench("np_manip", {"op": op, "n": "24", "dtype": dtype})
        r = b.run(2); b.verify(r)
        return b, r
    b, r = made("reshape"); rejects(b, r.copy()); rejects(b, r[::-1])
    b, r = made("transpose"); rejects(b, b.x.T); r[1, 2] += 1; rejects(b, r)
    b, r = made("concatenate"); r[24 + 3, 4] += 1; rejects(b, r)
    b, r = made("stack"); r[3, 4, 1] += 1; rejects(b, r)
    b, r = made("sort"); r[2, 5] = r[2, 6]; rejects(b, r)
    b, r = made("sort"); rejects(b, r[:, ::-1])
    b, r = made("argsort"); r[3, 0] = r[3, 1]; rejects(b, r)
    b, r = made("argsort"); rejects(b, r[:, ::-1])
    b, r = made("fancy"); r[7] += 1; rejects(b, r)
    b, r = made("mask"); r[0] += 1; rejects(b, r)
    b, r = made("mask"); rejects(b, r[:-1])
""", timeout=300)

    def test_math_rejects_corruption(self):
        check_in_children(self, "numpy", """
np = bench("np_reduction", {"n": "1"}).np  # numpy loaded by a workload, after it set the BLAS threads
for dtype, nudge in (("c128", 1e-6), ("c64", 0.1)):
    for n in ("256", "243", "101"):
        b = bench("np_fft", {"n": n, "dtype": dtype})
        spectrum = b.run(2); b.verify(spectrum)
        spectrum[37] += nudge; rejects(b, spectrum)
        rejects(b, np.fft.ifft(b.x) * int(n))  # the other direction
    for op in ("multiply", "exp", "abs"):
        b = bench("np_complex", {"op": op, "n": "1000", "dtype": dtype})
        b.prepare(); out = b.run(2); b.verify(out)
        out[5] += 1e-3; rejects(b, out)
        b.prepare(); rejects(b, b.out)  # nothing written
for dtype in ("f32", "f64"):
    for op in ("exp", "log", "sin"):
        b = bench("np_ufunc", {"op": op, "n": "5000", "dtype": dtype})
        b.prepare(); out = b.run(2); b.verify(out)
        keep = out.copy()
        out[5] *= 1 + 1e-4; rejects(b, out)
        b.reference = None  # the sampled check against Python's math, where long double is no wider
        b.verify(keep)
        keep[0] *= 1 + 1e-4; rejects(b, keep)
""", timeout=300)

    def test_tax_kernels_reject_a_one_ulp_error(self):
        check_in_children(self, "numpy", """
np = bench("np_reduction", {"n": "1"}).np  # numpy loaded by a workload, after it set the BLAS threads
for dtype in ("f32", "f64"):
    for n in ("1", "7", "90000"):
        b = bench("np_elementwise", {"n": n, "dtype": dtype})
        b.prepare(); out = b.run(2); b.verify(out)
        out[-1] = np.nextafter(out[-1], out.dtype.type(np.inf)); rejects(b, out)
        b.prepare(); rejects(b, b.out)  # nothing written
        b = bench("np_reduction", {"n": n, "dtype": dtype})
        total = b.run(2); b.verify(total)
        rejects(b, np.nextafter(total, total.dtype.type(np.inf)))
        rejects(b, float(total))  # a Python float, not the dtype's scalar
b = bench("np_reduction", {"n": str(1 << 24), "dtype": "f32"}); b.verify(b.run(1))
refuses("np_reduction", {"n": str((1 << 24) + 1), "dtype": "f32"}, "parameter 'n'")
refuses("np_elementwise", {"threads": "2"}, "parameter 'threads'")
""", timeout=300)


class TorchChecks(unittest.TestCase):
    """Every new torch workload in one child per interpreter (importing torch takes seconds)."""

    def test_torch_workloads_reject_corruption(self):
        check_in_children(self, "torch", """
import torch
for dtype in ("f32", "f64"):
    for op in ("zeros", "ones", "rand", "arange", "from_list"):
        b = bench("torch_create", {"op": op, "n": "1000", "dtype": dtype})
        b.prepare(); t, loops = b.run(3); b.verify((t, loops))
        rejects(b, (t, loops + 1) if op == "rand" else (t[:-1], loops))
        t[3] += 1; rejects(b, (t, loops))
    b = bench("torch_create", {"op": "arange", "n": str((1 << 24) + 5), "dtype": dtype})
    b.verify(b.run(1))  # float32 rounds from 2^24 on: the reference must round the same way
    b = bench("torch_index", {"op": "slice", "n": "30", "dtype": dtype})
    p = b.run(2); b.verify(p); rejects(b, p.clone()); rejects(b, b.x[0::2, ::3])
    for op in ("index_select", "mask"):
        b = bench("torch_index", {"op": op, "n": "30", "dtype": dtype})
        p = b.run(2); b.verify(p); p.view(-1)[4] += 1; rejects(b, p)
    sizes = {"batch": "8", "features": "6", "hidden": "10", "outputs": "3", "dtype": dtype}
    b = bench("torch_backward", sizes)
    b.prepare(); grads = b.run(1); b.verify(grads)
    for i in range(4):
        bad = list(grads); bad[i] = grads[i] * 1.001; rejects(b, bad)
    rejects(b, [g * 2 for g in grads])  # the loss without its 1/2
    rejects(b, grads[:3] + [None])
    b = bench("torch_elementwise", {"n": "33", "dtype": dtype})
    b.prepare(); out = b.run(2); b.verify(out)
    out[-1] = torch.nextafter(out[-1], torch.tensor(float("inf"), dtype=out.dtype)); rejects(b, out)
    b.prepare(); rejects(b, b.out)
    b = bench("torch_reduction", {"n": "90000", "dtype": dtype})
    out = b.run(2); b.verify(out)
    rejects(b, torch.nextafter(out, torch.tensor(float("inf"), dtype=out.dtype)))
    rejects(b, out.reshape(1))
refuses("torch_reduction", {"n": str((1 << 24) + 1), "dtype": "f32"}, "parameter 'n'")
# The older torch workloads with device = cpu given: as without it (test_workload_checks runs them
# only where Debian's python3 has torch).
b = bench("torch_ops", {"n": "100", "device": "cpu"})
b.prepare(); r = b.run(2); b.verify(r); r[7] += 1; rejects(b, r)
b = bench("torch_matmul", {"n": "24", "device": "cpu"})
b.prepare(); c = b.run(2); b.verify(c); c[3, 5] += 0.01; rejects(b, c)
b = bench("torch_mlp", {"batch": "4", "features": "8", "hidden": "8", "outputs": "2", "device": "cpu"})
b.prepare(); out = b.run(2); b.verify(out); b.model[2].weight.grad[0, 0] += 0.01; rejects(b, out)
b = bench("torch_train", {"steps": "20", "batch": "16", "features": "4", "hidden": "8", "device": "cpu"})
b.prepare(); losses = b.run(1); b.verify(losses); rejects(b, losses[::-1])
for name in ("torch_create", "torch_index", "torch_backward", "torch_elementwise", "torch_reduction",
             "torch_ops", "torch_mlp", "torch_train", "torch_matmul"):
    try:
        bench(name, {"device": "cuda"})
    except Skip as exc:
        assert not torch.cuda.is_available() and str(exc).startswith("no CUDA device"), str(exc)
    else:
        assert torch.cuda.is_available(), name
""", timeout=600)


class Streams(StreamChecks):
    """Through harness.py: without the package the workloads end `skip`, and `device = cuda` without a
    GPU ends `skip` saying so."""

    def test_skip_without_numpy_or_torch(self):
        without = [p for p in supported_interpreters() if lacks_module(p, "numpy") and lacks_module(p, "torch")]
        if not without:
            self.skipTest("every interpreter here has numpy or torch installed")
        python = without[0]
        for workload in NEW_NUMPY + NEW_TORCH:
            with self.subTest(workload=workload):
                run = run_harness(python, workload, {})
                self.check_stream(run, python, expect="skip")
                package = "numpy" if workload.startswith("np_") else "torch"
                self.assertEqual(run.terminal["reason"],
                                 "%s is not importable: No module named '%s'" % (package, package))

    def test_cuda_without_a_gpu_skips(self):
        pythons = pythons_with("torch")
        if not pythons:
            self.skipTest("no interpreter here imports torch")
        python = pythons[0]
        if imports(python, "torch; assert torch.cuda.is_available()"):
            self.skipTest("%s sees a CUDA device" % python)
        run = run_harness(python, "torch_elementwise", {"n": "8", "device": "cuda"})
        self.check_stream(run, python, expect="skip")
        self.assertTrue(run.terminal["reason"].startswith("no CUDA device: torch.cuda.is_available() is False"),
                        run.terminal["reason"])


if __name__ == "__main__":
    unittest.main()
