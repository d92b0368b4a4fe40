"""NumPy's "complex mathematical operations": the FFT, complex ufuncs (multiply, exp, abs) and the
transcendental ufuncs exp, log and sin over large arrays. None calls BLAS or starts threads, so BLAS
is held at one thread and there is no `threads` parameter.

Each check recomputes the result another way (a direct DFT, real arithmetic in float64, long double)
and allows the rounding error the operation can make, derived in the comments."""

import math

from harness_core.params import Choice, Int
from harness_core.workload import Workload, WrongResult, metric
from workloads.numpy_workloads import NumpyBench, dtype_param

CATEGORY = "numpy"
SAMPLED = 16  # bins or points a check recomputes one by one


def complex_dtype_param():
    return Choice("dtype", "c128", "element type", ["c128", "c64"], aliases={"complex128": "c128", "complex64": "c64"})


class ComplexBench(NumpyBench):
    """A NumpyBench on complex numbers: `real` is the component type, `dtype` the complex one."""

    def __init__(self, params):
        real = "f64" if params["dtype"] == "c128" else "f32"
        NumpyBench.__init__(self, dict(params, dtype=real))
        np = self.np
        self.real = self.dtype
        self.dtype = np.complex128 if real == "f64" else np.complex64
        self.unit = self.eps / 2  # unit roundoff of the components

    def complex_uniform(self, n):
        real = self.rng.uniform(-1.0, 1.0, size=n).astype(self.real)
        imag = self.rng.uniform(-1.0, 1.0, size=n).astype(self.real)
        return (real + 1j * imag).astype(self.dtype)

    def expect_array(self, result, shape, dtype):
        if result.shape != shape or result.dtype != dtype:
            raise WrongResult("result is %s%r, expected %s%r"
                              % (result.dtype, result.shape, self.np.dtype(dtype), shape))

    def expect_within(self, what, error, bound):
        np = self.np
        excess = error / bound
        worst = int(np.argmax(excess))
        if not excess[worst] <= 1.0:  # also false for NaN
            raise WrongResult("%s element %d is off by %.3g, more than the rounding bound %.3g"
                              % (what, worst, error[worst], bound[worst]))


def widest_float(np):
    return np.longdouble if np.finfo(np.longdouble).eps < np.finfo(np.float64).eps else np.float64


def gamma(k, unit):
    """Higham's gamma_k = k u / (1 - k u): the relative error bound of a sum of k+1 terms in any order."""
    return k * unit / (1 - k * unit)


class Fft(ComplexBench):
    """np.fft.fft of n complex points. Checked three ways: (1) SAMPLED output bins recomputed as direct
    DFT sums in float64; (2) SAMPLED input points recomputed from all n output bins (the inverse DFT sum,
    so a wrong bin anywhere shows); (3) for complex64, every bin against a complex128 FFT.

    Bound: Higham (Accuracy and Stability, thm 24.2) gives |fft(x) - DFT(x)|_2 <= log2(n) eta
    |DFT(x)|_2 / (1 - log2(n) eta), eta = mu + gamma_4 (sqrt 2 + mu), mu the twiddles' error (a few u),
    for radix 2; taken 4 times, for other radices. A normwise bound also bounds every bin."""

    def __init__(self, params):
        ComplexBench.__init__(self, params)
        np, n = self.np, params["n"]
        self.n = n
        self.x = self.complex_uniform(n)
        self.x128 = self.x.astype(np.complex128)
        self.norm = float(np.linalg.norm(self.x128)) * math.sqrt(n)  # |DFT(x)|_2 = sqrt(n) |x|_2
        self.abs_sum = float(np.abs(self.x128).sum())
        self.bins = sorted(set([0, 1, n // 2, n - 1] + list(self.rng.randint(0, n, size=SAMPLED - 4))))
        self.points = sorted(set([0, n - 1] + list(self.rng.randint(0, n, size=SAMPLED - 2))))

    def fft_bound(self, unit):
        levels = max(1.0, math.log2(self.n))
        eta = 4 * unit + gamma(4, unit) * (math.sqrt(2) + 4 * unit)
        return 4 * levels * eta / (1 - levels * eta) * self.norm

    def twiddles(self, k, sign):
        """exp(sign 2 pi i j k / n) for j = 0..n-1, with j k reduced mod n first (exact in int64) so the
        angle stays in [0, 2 pi): each twiddle within a few float64 units."""
        np, n = self.np, self.n
        angle = (np.arange(n, dtype=np.int64) * k % n) * (2 * math.pi / n)
        return np.cos(angle) + sign * 1j * np.sin(angle)

    def run(self, loops):
        fft, x = self.np.fft.fft, self.x
        for _ in range(loops):
            spectrum = fft(x)
        return spectrum

    def verify(self, spectrum):
        np, n = self.np, self.n
        # numpy 1.x computes in complex128 whatever the input; 2.x keeps complex64.
        if spectrum.shape != (n,) or spectrum.dtype not in (self.dtype, np.complex128):
            raise WrongResult("fft gave %s%r, expected complex(%d,)" % (spectrum.dtype, spectrum.shape, n))
        unit = max(self.unit, np.finfo(spectrum.real.dtype).eps / 2)
        fft_error = self.fft_bound(unit)
        f64 = np.finfo(np.float64).eps / 2
        # A direct sum of n products in float64: gamma_{n+4} of the sum of magnitudes covers the products'
        # and twiddles' roundings.
        forward_bound = fft_error + gamma(n + 4, f64) * self.abs_sum + 1e-300
        wide = spectrum.astype(np.complex128)
        for k in self.bins:
            direct = np.dot(self.x128, self.twiddles(k, -1))
            if not abs(wide[k] - direct) <= forward_bound:
                raise WrongResult("fft bin %d is %r, the direct DFT gives %r (bound %.3g)"
                                  % (k, complex(wide[k]), complex(direct), forward_bound))
        # The inverse sum over all bins: the fft's errors add up to at most sqrt(n) |error|_2 / n.
        inverse_bound = fft_error / math.sqrt(n) + gamma(n + 4, f64) * float(np.abs(wide).sum()) / n + 1e-300
        for j in self.points:
            point = np.dot(wide, self.twiddles(j, +1)) / n
            if not abs(point - self.x128[j]) <= inverse_bound:
                raise WrongResult("the inverse DFT of the fft at point %d is %r, the input is %r (bound %.3g)"
                                  % (j, complex(point), complex(self.x128[j]), inverse_bound))
        if self.dtype == np.complex64:
            reference = np.fft.fft(self.x128)
            error = float(np.linalg.norm(wide - reference))
            bound = fft_error + self.fft_bound(f64)
            if not error <= bound:
                raise WrongResult("fft differs from the complex128 fft by %.3g (2-norm), more than the bound %.3g"
                                  % (error, bound))

    def metrics(self, spectrum, loops, seconds):
        # 5 n log2 n: the customary flop count of a complex FFT (exact for radix 2).
        flops = 5.0 * self.n * max(1.0, math.log2(self.n))
        return [metric("gflops", "GFLOP/s", flops * loops / seconds / 1e9)]


class ComplexUfunc(ComplexBench):
    """One complex ufunc over n elements into a preallocated output (op: multiply, exp, abs).
    Reference: the same formula in real arithmetic, from the inputs as stored, in long double where it
    is wider than float64 (x86's 80-bit), else in float64."""

    def __init__(self, params):
        ComplexBench.__init__(self, params)
        np, n = self.np, params["n"]
        self.n, self.op = n, params["op"]
        self.z = self.complex_uniform(n)
        if self.op == "exp":
            self.z.imag *= math.pi  # angles over a whole turn
        self.w = self.complex_uniform(n)
        self.out = np.empty(n, dtype=self.real if self.op == "abs" else self.dtype)
        self.reference, self.bound = self.expected()

    def expected(self):
        np, u = self.np, self.unit
        wide = widest_float(np)
        a, b = self.z.real.astype(wide), self.z.imag.astype(wide)
        if self.op == "multiply":
            c, d = self.w.real.astype(wide), self.w.imag.astype(wide)
            # Each component is two products and a sum: |error| <= gamma_2 (|ac| + |bd|) (and |ad| + |bc|);
            # doubled, since where long double is no wider the complex128 reference rounds as much.
            reference = (a * c - b * d) + 1j * (a * d + b * c)
            bound = 2 * gamma(2, u) * np.maximum(np.abs(a * c) + np.abs(b * d), np.abs(a * d) + np.abs(b * c))
        elif self.op == "exp":
            # e^a (cos b + i sin b): exp, cos and sin within an ulp or two and the products one rounding
            # each: 8 u e^a per component covers both the result's and the reference's.
            reference = np.exp(a) * (np.cos(b) + 1j * np.sin(b))
            bound = 8 * u * np.exp(a)
        else:
            # numpy's complex absolute (hypot, or its own SIMD loop on AVX-512) within 2 ulp of the result
            # (1.2 seen here), and in float64 the reference's squares, sum and sqrt within 2 more.
            reference = np.sqrt(a * a + b * b)
            bound = 4 * u * reference
        return reference, bound + 1e-300

    def run(self, loops):
        np, z, w, out = self.np, self.z, self.w, self.out
        if self.op == "multiply":
            multiply = np.multiply
            for _ in range(loops):
                multiply(z, w, out=out)
        elif self.op == "exp":
            exp = np.exp
            for _ in range(loops):
                exp(z, out=out)
        else:
            absolute = np.absolute
            for _ in range(loops):
                absolute(z, out=out)
        return out

    def prepare(self):
        self.out.fill(self.np.nan)  # a run that writes nothing must not pass on the last sample's output

    def verify(self, out):
        np = self.np
        self.expect_array(out, (self.n,), self.out.dtype)
        error = np.abs(out.astype(self.reference.dtype) - self.reference)
        if self.op != "abs":  # the bound is per component: the modulus of the error is within sqrt 2 of it
            error = error / math.sqrt(2)
        self.expect_within("complex " + self.op, error, self.bound)

    def metrics(self, out, loops, seconds):
        return [metric("elements_per_s", "1/s", self.n * loops / seconds)]


# Input ranges: exp over [-20, 20] (results from 2e-9 to 5e8), log over (0, 1000], sin over
# [-10 pi, 10 pi] (ten turns of argument reduction).
UFUNC_RANGES = {"exp": (-20.0, 20.0), "log": (1e-3, 1000.0), "sin": (-10 * math.pi, 10 * math.pi)}
# numpy's vectorised exp/log/sin (its own SIMD kernels, or libm's) are held to a few ULP by numpy's
# accuracy tests (test_umath_accuracy.py); seen here: at most 1.7 ULP (numpy 1.24 and 2.5, float32 and
# float64). Allowed: 4 ULP of the result, and for sin at least 4 ULP of 1, since near a zero of sin
# the argument reduction errs in absolute, not relative, terms.
ULPS = 4


class Transcendental(NumpyBench):
    """exp, log or sin over n elements into a preallocated output."""

    def __init__(self, params):
        NumpyBench.__init__(self, params)
        np, n = self.np, params["n"]
        self.n, self.op = n, params["op"]
        low, high = UFUNC_RANGES[self.op]
        self.x = self.rng.uniform(low, high, size=n).astype(self.dtype)
        self.function = getattr(np, self.op)
        self.out = np.empty(n, dtype=self.dtype)
        self.reference = self.wider_reference()

    def wider_reference(self):
        """The function in more precision than the dtype's: float64 for float32, and long double for
        float64 where it is wider (x86's 80-bit); else None, and verify() samples with Python's math."""
        np = self.np
        if self.dtype == np.float32:
            return self.function(self.x.astype(np.float64))
        if widest_float(np) is np.longdouble:
            return self.function(self.x.astype(np.longdouble))
        return None

    def prepare(self):
        self.out.fill(self.np.nan)

    def run(self, loops):
        function, x, out = self.function, self.x, self.out
        for _ in range(loops):
            function(x, out=out)
        return out

    def bound(self, reference):
        np = self.np
        floor = 1.0 if self.op == "sin" else 0.0
        return ULPS * self.eps * np.maximum(np.abs(reference), floor) + np.finfo(self.dtype).tiny

    def verify(self, out):
        np = self.np
        if out.shape != (self.n,) or out.dtype != self.dtype:
            raise WrongResult("result is %s%r, expected %s(%d,)" % (out.dtype, out.shape, np.dtype(self.dtype), self.n))
        if self.reference is not None:
            error = np.abs(out.astype(self.reference.dtype) - self.reference)
            excess = error / self.bound(self.reference)
            worst = int(np.argmax(excess))
            if not excess[worst] <= 1.0:
                raise WrongResult("%s(%r) = %r, expected %r within %d ULP"
                                  % (self.op, float(self.x[worst]), float(out[worst]),
                                     float(self.reference[worst]), ULPS))
            return
        function = getattr(math, self.op)
        for i in sorted(set([0, self.n - 1] + list(self.rng.randint(0, self.n, size=4096)))):
            expected = function(float(self.x[i]))
            if not abs(float(out[i]) - expected) <= float(self.bound(np.float64(expected))):
                raise WrongResult("%s(%r) = %r, math.%s gives %r" % (self.op, float(self.x[i]), float(out[i]),
                                                                     self.op, expected))

    def metrics(self, out, loops, seconds):
        return [metric("elements_per_s", "1/s", self.n * loops / seconds)]


WORKLOADS = [
    Workload("np_fft", "complex FFT of n points (np.fft.fft), checked against direct DFT sums", Fft,
             requires=["numpy"],
             params=[Int("n", 65536, "points", maximum=1 << 26), complex_dtype_param()]),
    Workload("np_complex", "a complex ufunc over n elements: multiply, exp or abs (op)", ComplexUfunc,
             requires=["numpy"],
             params=[Choice("op", "multiply", "the ufunc", ["multiply", "exp", "abs"]),
                     Int("n", 1000000, "elements", maximum=1 << 28), complex_dtype_param()]),
    Workload("np_ufunc", "exp, log or sin (op) over n elements", Transcendental, requires=["numpy"],
             params=[Choice("op", "exp", "the ufunc", sorted(UFUNC_RANGES)),
                     Int("n", 1000000, "elements", maximum=1 << 28), dtype_param()]),
]
