"""The numpy side of the interpreter tax: the kernels of the native torch kinds `torch_elementwise`
(out = a * b + c, no broadcasting) and `torch_reduction` (sum over all elements), through numpy, with
the native kinds' sizes and metric. `n` is the elements per operand, as the native kinds' `rows = n`
with `cols = 1`: 1-D arrays of n elements. `bandwidth` counts the same compulsory bytes as the native
kinds (torch_work.cpp), so the two can be set side by side.

The inputs are multiples of a power of two in [-1, 1] (grid_values), chosen so that every result is
exact in any order of evaluation: the checks compare for equality, not within a tolerance."""

import math

from harness_core.params import Int
from harness_core.workload import ParamError, Workload, WrongResult, metric
from workloads.numpy_workloads import NumpyBench, dtype_param

CATEGORY = "numpy"
MAX_ARRAY_BYTES = 4 << 30
# Significand bits (with the implicit one) of float32 and float64.
SIGNIFICAND_BITS = {"f32": 24, "f64": 53}
# Inputs are multiples of 2^-10 at the finest, as the native blas kinds' inputs are (multiples of 1/1024).
FINEST_STEP_BITS = 10


def grid_values(np, rng, shape, dtype, step_bits):
    """Uniform multiples of 2^-step_bits in [-1, 1], exactly representable in `dtype`."""
    scale = 1 << step_bits
    return (rng.randint(-scale, scale + 1, size=shape) / float(scale)).astype(dtype)


def one_thread_param():
    # numpy's ufuncs and sums run on the calling thread whatever BLAS is told: a `threads` other than 1
    # would be a claim the measurement cannot back. The parameter exists so the tax job's axis can name it.
    return Int("threads", 1, "threads: numpy's element-wise ops and sums use one, so only 1", maximum=1)


def checked_bytes(np, n, dtype, arrays):
    total = arrays * n * np.dtype(dtype).itemsize
    if total > MAX_ARRAY_BYTES:
        raise ParamError("parameter 'n': the %d arrays of %d elements would take %d bytes; the limit is %d"
                         % (arrays, n, total, MAX_ARRAY_BYTES))


class Elementwise(NumpyBench):
    """out = a * b + c into a preallocated out: numpy has no fused multiply-add ufunc, so it is two
    ufunc calls with out= (no temporary), the closest numpy gets to the native at::addcmul_out."""

    def __init__(self, params):
        NumpyBench.__init__(self, params)
        np, n = self.np, params["n"]
        self.n = n
        checked_bytes(np, n, self.dtype, 5)
        self.a, self.b, self.c = (grid_values(np, self.rng, n, self.dtype, FINEST_STEP_BITS) for _ in range(3))
        # a * b is a multiple of 2^-20 of magnitude <= 1 (21 significant bits), a * b + c one of magnitude
        # <= 2 (22 bits): both exact in float32 (24) and float64, fused or not, so the reference is exact.
        self.expected = (self.a.astype(np.float64) * self.b + self.c).astype(self.dtype)
        self.out = np.empty(n, dtype=self.dtype)

    def prepare(self):
        self.out.fill(self.np.nan)  # a run that writes nothing must not pass on the last sample's output

    def run(self, loops):
        multiply, add = self.np.multiply, self.np.add
        a, b, c, out = self.a, self.b, self.c, self.out
        for _ in range(loops):
            multiply(a, b, out=out)
            add(out, c, out=out)
        return out

    def verify(self, out):
        np = self.np
        if out.shape != self.expected.shape or out.dtype != self.dtype:
            raise WrongResult("out is %s%r, expected %s%r" % (out.dtype, out.shape, np.dtype(self.dtype),
                                                                self.expected.shape))
        if not np.array_equal(out, self.expected):
            i = int(np.flatnonzero(~(out == self.expected))[0])
            raise WrongResult("out[%d] = %r, expected %r (exact)" % (i, out[i], self.expected[i]))

    def metrics(self, out, loops, seconds):
        # The native kind's compulsory traffic: a, b, c read and out written once each.
        moved = 4 * self.n * out.itemsize
        return [metric("bandwidth", "GB/s", moved * loops / seconds / 1e9), self.thread_metric()]


def exact_sum_step_bits(dtype_name, count):
    """The finest grid 2^-s (s <= FINEST_STEP_BITS) on which a sum of `count` values in [-1, 1] is exact
    in any order: every partial sum is then a multiple of 2^-s of magnitude <= count, which fits the
    significand when count * 2^s <= 2^bits. None when even integers (s = 0) do not fit."""
    bits = SIGNIFICAND_BITS[dtype_name]
    needed = max(0, int(math.ceil(math.log2(max(count, 1)))))
    step = min(FINEST_STEP_BITS, bits - needed)
    return step if step >= 0 else None


def too_many_terms(dtype_name, n):
    bits = SIGNIFICAND_BITS[dtype_name]
    return ("parameter 'n': a %s sum of %d elements cannot be checked exactly (more than 2^%d terms);"
            " expected n <= %d" % (dtype_name, n, bits, 1 << bits))


class Reduction(NumpyBench):
    """The sum of n elements (x.sum(), numpy's pairwise summation)."""

    def __init__(self, params):
        NumpyBench.__init__(self, params)
        np, n = self.np, params["n"]
        self.n = n
        checked_bytes(np, n, self.dtype, 1)
        step = exact_sum_step_bits(params["dtype"], n)
        if step is None:
            raise ParamError(too_many_terms(params["dtype"], n))
        self.x = grid_values(np, self.rng, n, self.dtype, step)
        # Integers times 2^-step: summed as int64, exactly.
        self.expected = int((self.x.astype(np.float64) * (1 << step)).astype(np.int64).sum()) / float(1 << step)

    def run(self, loops):
        x = self.x
        for _ in range(loops):
            total = x.sum()
        return total

    def verify(self, total):
        if getattr(total, "dtype", None) != self.dtype:
            raise WrongResult("the sum is a %s, expected a %s" % (type(total).__name__, self.np.dtype(self.dtype)))
        if float(total) != self.expected:
            raise WrongResult("sum of the %d elements is %r, expected %r (exact)"
                              % (self.n, float(total), self.expected))

    def metrics(self, total, loops, seconds):
        # The native kind's: the input read once, one element written.
        moved = (self.n + 1) * self.x.itemsize
        return [metric("bandwidth", "GB/s", moved * loops / seconds / 1e9), self.thread_metric()]


WORKLOADS = [
    Workload("np_elementwise", "out = a * b + c over n elements (the native torch_elementwise's kernel)",
             Elementwise, requires=["numpy"],
             params=[Int("n", 1000000, "elements of a, b, c and out (the native rows, with cols = 1)", maximum=1 << 30),
                     dtype_param(), one_thread_param()]),
    Workload("np_reduction", "sum of n elements (the native torch_reduction's sum)",
             Reduction, requires=["numpy"],
             params=[Int("n", 1000000, "elements summed (the native rows, with cols = 1)", maximum=1 << 30),
                     dtype_param(), one_thread_param()]),
]
