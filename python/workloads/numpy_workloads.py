"""NumPy workloads: array creation, broadcasting, matmul (GFLOP/s), eigen-decomposition and strided
memory access. numpy is imported by each Bench after the BLAS thread count is set (see blas_threads),
never by this module, so --list and the other workloads do not load it."""

from harness_core.params import Bool, Choice, Int
from harness_core.workload import Bench, ParamError, Workload, WrongResult, import_required, metric

CATEGORY = "numpy"
SEED = 20261126  # fixed so that every interpreter multiplies the same matrices
MAX_ARRAY_BYTES = 4 << 30


def dtype_param():
    return Choice("dtype", "f64", "element type", ["f64", "f32"], aliases={"float64": "f64", "float32": "f32"})


def threads_param():
    return Int("threads", 1, "BLAS threads (set before numpy loads, then read back where possible)", maximum=1024)


class NumpyBench(Bench):
    def __init__(self, params):
        from workloads import blas_threads
        # A workload without a `threads` parameter calls no BLAS: it holds BLAS at one thread (where numpy
        # loads here) so that no idle pool competes, and claims no thread count.
        requested = params.get("threads")
        imported_before = blas_threads.set_threads_before_import("numpy", requested or 1)
        self.np = import_required("numpy")
        actual = blas_threads.loaded_openblas_threads()
        if requested is not None:
            self.check_threads(requested, actual, imported_before)
        self.threads = requested
        self.dtype = self.np.float64 if params.get("dtype", "f64") == "f64" else self.np.float32
        self.eps = float(self.np.finfo(self.dtype).eps)
        self.rng = self.np.random.RandomState(SEED)

    @staticmethod
    def check_threads(requested, actual, imported_before):
        if actual is None and imported_before:
            raise ParamError("parameter 'threads': numpy was loaded before the thread count could be set,"
                             " and its BLAS cannot be asked how many it runs")
        if actual is not None and actual != requested:
            raise ParamError("parameter 'threads': asked for %d, the loaded OpenBLAS runs %d" % (requested, actual))

    def uniform(self, *shape):
        return self.rng.uniform(-1.0, 1.0, size=shape).astype(self.dtype)

    def thread_metric(self):
        return metric("threads", "count", self.threads)

    def environment(self):
        # Which BLAS numpy's build names, which one is loaded, and whether they agree (blas_libraries).
        from workloads import blas_libraries
        return blas_libraries.environment(blas_libraries.numpy_claim(self.np), blas_libraries.loaded_blas())


class Creation(NumpyBench):
    def __init__(self, params):
        NumpyBench.__init__(self, params)
        self.n = params["n"]

    def run(self, loops):
        np, n, dtype = self.np, self.n, self.dtype
        for _ in range(loops):
            zeros = np.zeros(n, dtype=dtype)
            ones = np.ones(n, dtype=dtype)
            counting = np.arange(n, dtype=np.int64)
            filled = np.empty(n, dtype=dtype)
            filled.fill(2.0)
        return zeros, ones, counting, filled

    def verify(self, arrays):
        n = self.n
        got = tuple(int(a.sum()) for a in arrays)
        # All exact: small integers in floating point, and an int64 sum of 0..n-1.
        expected = (0, n, n * (n - 1) // 2, 2 * n)
        if got != expected:
            raise WrongResult("sums of zeros/ones/arange/filled are %r, expected %r" % (got, expected))

    def metrics(self, arrays, loops, seconds):
        written = sum(a.nbytes for a in arrays)
        return [metric("bytes_per_s", "B/s", written * loops / seconds), self.thread_metric()]


class Broadcasting(NumpyBench):
    def __init__(self, params):
        NumpyBench.__init__(self, params)
        self.n = params["n"]
        self.column = self.uniform(self.n, 1)
        self.row = self.uniform(1, self.n)

    def run(self, loops):
        column, row = self.column, self.row
        for _ in range(loops):
            result = column * 2 + row
        return result

    def verify(self, result):
        np, n = self.np, self.n
        if result.shape != (n, n) or result.dtype != self.dtype:
            raise WrongResult("broadcast result is %s%r, expected %s(%d, %d)"
                              % (result.dtype, result.shape, np.dtype(self.dtype), n, n))
        # Each element is one exact doubling and one rounded add. Computed in float64 and rounded to
        # float32 it is still the correctly rounded sum (53 >= 2 * 24 + 2 bits), so the match is exact.
        expected = (self.column.astype(np.float64) * 2 + self.row.astype(np.float64)).astype(self.dtype)
        if not np.array_equal(result, expected):
            i, j = np.argwhere(result != expected)[0]
            raise WrongResult("element (%d, %d) is %r, expected %r" % (i, j, result[i, j], expected[i, j]))

    def metrics(self, result, loops, seconds):
        return [metric("elements_per_s", "1/s", self.n * self.n * loops / seconds), self.thread_metric()]


class Matmul(NumpyBench):
    def __init__(self, params):
        NumpyBench.__init__(self, params)
        np, n = self.np, params["n"]
        self.n = n
        self.a = self.uniform(n, n)
        self.b = self.uniform(n, n)
        self.x = self.uniform(n)
        # A float64 reference, summed in another order (two halves of k, then added) so that it does
        # not simply repeat the timed call, and Higham's componentwise bound |fl(AB) - AB| <= gamma_n |A||B|
        # (gamma_n = n u / (1 - n u), u = eps / 2 of the dtype), doubled: the reference is rounded too.
        a64, b64 = self.a.astype(np.float64), self.b.astype(np.float64)
        half = n // 2
        self.reference = a64[:, :half] @ b64[:half, :] + a64[:, half:] @ b64[half:, :]
        unit = self.eps / 2
        self.bound = 2 * (n * unit / (1 - n * unit)) * (np.abs(a64) @ np.abs(b64)) + 1e-300

    def run(self, loops):
        a, b = self.a, self.b
        for _ in range(loops):
            c = a @ b
        return c

    def verify(self, c):
        np, n = self.np, self.n
        error = np.abs(c.astype(np.float64) - self.reference)
        worst = np.unravel_index(np.argmax(error / self.bound), error.shape)
        if error[worst] > self.bound[worst]:
            raise WrongResult("matmul element %r is off by %g, more than the rounding bound %g"
                              % (tuple(int(i) for i in worst), error[worst], self.bound[worst]))
        # The residual of associativity, A (B x) against (A B) x, relative to the operands' norms.
        residual = np.linalg.norm(self.a @ (self.b @ self.x) - c @ self.x)
        scale = np.linalg.norm(self.a) * np.linalg.norm(self.b) * np.linalg.norm(self.x)
        if residual > 4 * n * self.eps * scale:
            raise WrongResult("matmul residual |A(Bx) - (AB)x| = %g exceeds %g" % (residual, 4 * n * self.eps * scale))

    def metrics(self, c, loops, seconds):
        time_per_call = seconds / loops
        return [metric("gflops", "GFLOP/s", 2.0 * self.n ** 3 / time_per_call / 1e9), self.thread_metric()]


class Eig(NumpyBench):
    def __init__(self, params):
        NumpyBench.__init__(self, params)
        self.n = params["n"]
        self.symmetric = params["symmetric"]
        a = self.uniform(self.n, self.n)
        self.a = (a + a.T) / 2 if self.symmetric else a

    def run(self, loops):
        np, a = self.np, self.a
        decompose = np.linalg.eigh if self.symmetric else np.linalg.eig
        for _ in range(loops):
            values, vectors = decompose(a)
        return values, vectors

    def verify(self, result):
        np, n = self.np, self.n
        values, vectors = result
        # A backward-stable eigensolver leaves |A V - V diag(w)| of order n u |A| |V|.
        residual = np.linalg.norm(self.a @ vectors - vectors * values)
        scale = np.linalg.norm(self.a) * np.linalg.norm(vectors)
        tolerance = 10 * n * self.eps * scale
        if not residual <= tolerance:
            raise WrongResult("eig residual |AV - VW| = %g exceeds %g" % (residual, tolerance))
        trace_error = abs(complex(values.sum()) - float(np.trace(self.a)))
        if not trace_error <= tolerance:
            raise WrongResult("eigenvalues sum to %r, the trace is %r"
                              % (complex(values.sum()), float(np.trace(self.a))))

    def metrics(self, result, loops, seconds):
        return [self.thread_metric()]


class Strided(NumpyBench):
    def __init__(self, params):
        NumpyBench.__init__(self, params)
        np = self.np
        self.n = params["n"]
        self.stride = params["stride"]
        footprint = self.n * self.stride * self.np.dtype(self.dtype).itemsize
        if footprint > MAX_ARRAY_BYTES:
            raise ParamError("parameters 'n' and 'stride': the array would take %d bytes; the limit is %d"
                             % (footprint, MAX_ARRAY_BYTES))
        # Small repeating values keep every partial sum an exact integer, so the check can be exact.
        self.array = (np.arange(self.n * self.stride, dtype=np.int64) % 1024).astype(self.dtype)
        self.expected = int((np.arange(self.n, dtype=np.int64) * self.stride % 1024).sum())

    def run(self, loops):
        view = self.array[::self.stride]
        for _ in range(loops):
            total = view.sum()
        return total

    def verify(self, total):
        if total != self.expected:
            raise WrongResult("strided sum is %r, expected %d" % (total, self.expected))

    def metrics(self, result, loops, seconds):
        itemsize = self.array.itemsize
        return [metric("bytes_per_s", "B/s", self.n * itemsize * loops / seconds), self.thread_metric()]


WORKLOADS = [
    Workload("np_creation", "array creation: zeros, ones, arange, empty + fill", Creation, requires=["numpy"],
             params=[Int("n", 1000000, "elements per array"), dtype_param(), threads_param()]),
    Workload("np_broadcast", "broadcasting a column against a row into an n x n result", Broadcasting,
             requires=["numpy"],
             params=[Int("n", 1000, "rows and columns of the result", maximum=20000), dtype_param(), threads_param()]),
    Workload("np_matmul", "matrix multiply C = A @ B (same sizes as the native blas_gemm kind)", Matmul,
             requires=["numpy"],
             params=[Int("n", 256, "rows and columns", maximum=8192), dtype_param(), threads_param()]),
    Workload("np_eig", "eigen-decomposition of a random matrix", Eig, requires=["numpy"],
             params=[Int("n", 128, "rows and columns", maximum=4096), dtype_param(),
                     Bool("symmetric", False, "a symmetric matrix, solved with eigh"), threads_param()]),
    Workload("np_strided", "sum of every stride-th element: contiguous (1) against strided access", Strided,
             requires=["numpy"],
             params=[Int("n", 1000000, "elements summed", maximum=1 << 28), Int("stride", 1, "distance between them",
                                                                              maximum=1024),
                     dtype_param(), threads_param()]),
]
