"""NumPy array manipulation on an n x n array: reshape, transpose, concatenate, stack, sort, argsort,
fancy (integer-array) and boolean-mask indexing, one workload with an `op` parameter. None of these
calls BLAS or starts threads, so BLAS is held at one thread and there is no `threads` parameter.

Each op's check uses another numpy code path than the one timed (a strided comparison for a copy,
np.take for fancy indexing, np.extract for a mask, an order-free hash for a sort), so a broken
kernel is not checked against itself."""

from harness_core.params import Choice, Int
from harness_core.workload import Workload, WrongResult, metric
from workloads.numpy_workloads import NumpyBench, dtype_param

CATEGORY = "numpy"
# Odd 64-bit constants of a multiply-xorshift mixer (splitmix64's): any fixed bijection would do.
MIX1, MIX2 = 0xBF58476D1CE4E5B9, 0x94D049BB133111EB


class Manipulation(NumpyBench):
    def __init__(self, params):
        NumpyBench.__init__(self, params)
        self.n = params["n"]
        self.x = self.uniform(self.n, self.n)

    def expect_shape(self, result, shape, dtype=None):
        dtype = self.dtype if dtype is None else dtype
        if result.shape != shape or result.dtype != dtype:
            raise WrongResult("result is %s%r, expected %s%r"
                              % (result.dtype, result.shape, self.np.dtype(dtype), shape))

    def expect_equal(self, what, got, expected):
        np = self.np
        if not np.array_equal(got, expected):
            where = tuple(int(i) for i in np.argwhere(~(got == expected))[0])
            raise WrongResult("%s differs at %r: %r, expected %r" % (what, where, got[where], expected[where]))

    def bytes_metric(self, moved, loops, seconds):
        return [metric("bytes_per_s", "B/s", moved * loops / seconds)]


class Reshape(Manipulation):
    """A contiguous array reshaped to one dimension: a view, so this times numpy's call overhead."""

    def run(self, loops):
        x, shape = self.x, (self.n * self.n,)
        for _ in range(loops):
            flat = x.reshape(shape)
        return flat

    def verify(self, flat):
        np, n = self.np, self.n
        self.expect_shape(flat, (n * n,))
        if not np.shares_memory(flat, self.x):
            raise WrongResult("reshape copied the array; a contiguous reshape must be a view")
        for k in sorted(set([0, n * n - 1] + list(self.rng.randint(0, n * n, size=256)))):
            if flat[k] != self.x[k // n, k % n]:
                raise WrongResult("flat[%d] = %r, expected x[%d, %d] = %r" % (k, flat[k], k // n, k % n,
                                                                             self.x[k // n, k % n]))


class Transpose(Manipulation):
    """x.T materialised as a new C-contiguous array (the transposed view alone would cost nothing)."""

    def run(self, loops):
        contiguous, x = self.np.ascontiguousarray, self.x
        for _ in range(loops):
            t = contiguous(x.T)
        return t

    def verify(self, t):
        self.expect_shape(t, (self.n, self.n))
        if not t.flags.c_contiguous or self.np.shares_memory(t, self.x):
            raise WrongResult("the transpose is not a new C-contiguous array")
        self.expect_equal("transpose", t, self.x.T)

    def metrics(self, t, loops, seconds):
        return self.bytes_metric(2 * t.nbytes, loops, seconds)


class Concatenate(Manipulation):
    def __init__(self, params):
        Manipulation.__init__(self, params)
        self.y = self.uniform(self.n, self.n)

    def run(self, loops):
        concatenate, pair = self.np.concatenate, (self.x, self.y)
        for _ in range(loops):
            joined = concatenate(pair)
        return joined

    def verify(self, joined):
        n = self.n
        self.expect_shape(joined, (2 * n, n))
        self.expect_equal("the first half", joined[:n], self.x)
        self.expect_equal("the second half", joined[n:], self.y)

    def metrics(self, joined, loops, seconds):
        return self.bytes_metric(2 * joined.nbytes, loops, seconds)


class Stack(Concatenate):
    """np.stack on a new last axis: the two arrays interleaved element by element (strided writes)."""

    def run(self, loops):
        stack, pair = self.np.stack, (self.x, self.y)
        for _ in range(loops):
            stacked = stack(pair, axis=-1)
        return stacked

    def verify(self, stacked):
        n = self.n
        self.expect_shape(stacked, (n, n, 2))
        self.expect_equal("[..., 0]", stacked[..., 0], self.x)
        self.expect_equal("[..., 1]", stacked[..., 1], self.y)


class Sort(Manipulation):
    """Every row sorted (np.sort, axis -1, a copy)."""

    def __init__(self, params):
        Manipulation.__init__(self, params)
        self.row_hashes = self.row_hash_sums(self.x)

    def row_hash_sums(self, a):
        """Per row, the sum (mod 2^64) of a mixing function of each element's bits: equal for any
        permutation of a row, and different, but for a 2^-64 chance, when an element changed."""
        np = self.np
        bits = a.view(np.uint64 if a.itemsize == 8 else np.uint32).astype(np.uint64)
        with np.errstate(over="ignore"):
            bits = (bits ^ (bits >> np.uint64(30))) * np.uint64(MIX1)
            bits = (bits ^ (bits >> np.uint64(27))) * np.uint64(MIX2)
            bits ^= bits >> np.uint64(31)
        return bits.sum(axis=1, dtype=np.uint64)

    def run(self, loops):
        sort, x = self.np.sort, self.x
        for _ in range(loops):
            s = sort(x, axis=-1)
        return s

    def expect_sorted_rows(self, s):
        np = self.np
        unsorted = np.argwhere(s[:, 1:] < s[:, :-1])
        if len(unsorted):
            i, j = unsorted[0]
            raise WrongResult("row %d is not sorted: [%d] = %r > [%d] = %r" % (i, j, s[i, j], j + 1, s[i, j + 1]))

    def verify(self, s):
        self.expect_shape(s, (self.n, self.n))
        self.expect_sorted_rows(s)
        changed = self.np.flatnonzero(self.row_hash_sums(s) != self.row_hashes)
        if len(changed):
            raise WrongResult("sorted row %d is not a permutation of the input row" % changed[0])

    def metrics(self, s, loops, seconds):
        return [metric("elements_per_s", "1/s", self.n * self.n * loops / seconds)]


class Argsort(Sort):
    def run(self, loops):
        argsort, x = self.np.argsort, self.x
        for _ in range(loops):
            order = argsort(x, axis=-1)
        return order

    def verify(self, order):
        np, n = self.np, self.n
        self.expect_shape(order, (n, n), order.dtype)
        if order.dtype.kind not in "iu" or order.min() < 0 or order.max() >= n:
            raise WrongResult("argsort gave indices of type %s from %r to %r, expected integers in [0, %d)"
                              % (order.dtype, order.min(), order.max(), n))
        seen = np.zeros((n, n), dtype=bool)
        seen[np.arange(n)[:, None], order] = True
        if not seen.all():
            i = int(np.flatnonzero(~seen.all(axis=1))[0])
            raise WrongResult("row %d of argsort is not a permutation of 0..%d" % (i, n - 1))
        self.expect_sorted_rows(np.take_along_axis(self.x, order, axis=-1))


class Fancy(Manipulation):
    """x.ravel()[index] with n * n random indices (repeats included): a gather, memory-latency bound."""

    def __init__(self, params):
        Manipulation.__init__(self, params)
        self.flat = self.x.reshape(-1)
        self.index = self.rng.randint(0, self.n * self.n, size=self.n * self.n)

    def run(self, loops):
        flat, index = self.flat, self.index
        for _ in range(loops):
            gathered = flat[index]
        return gathered

    def verify(self, gathered):
        self.expect_shape(gathered, (self.n * self.n,))
        self.expect_equal("gathered", gathered, self.np.take(self.flat, self.index))

    def metrics(self, gathered, loops, seconds):
        return [metric("elements_per_s", "1/s", gathered.size * loops / seconds)]


class Mask(Manipulation):
    """x[mask] with a random boolean mask, about half of it true."""

    def __init__(self, params):
        Manipulation.__init__(self, params)
        self.mask = self.rng.randint(0, 2, size=(self.n, self.n)).astype(bool)
        self.count = int(self.mask.sum())

    def run(self, loops):
        x, mask = self.x, self.mask
        for _ in range(loops):
            selected = x[mask]
        return selected

    def verify(self, selected):
        self.expect_shape(selected, (self.count,))
        self.expect_equal("selected", selected, self.np.extract(self.mask, self.x))

    def metrics(self, selected, loops, seconds):
        return [metric("elements_per_s", "1/s", self.n * self.n * loops / seconds)]


OPS = {"reshape": Reshape, "transpose": Transpose, "concatenate": Concatenate, "stack": Stack, "sort": Sort,
       "argsort": Argsort, "fancy": Fancy, "mask": Mask}


def manipulation(params):
    return OPS[params["op"]](params)


WORKLOADS = [
    Workload("np_manip", "array manipulation: reshape, transpose, concatenate, stack, sort, argsort, fancy and"
             " boolean indexing (op)", manipulation, requires=["numpy"],
             params=[Choice("op", "transpose", "the operation", list(OPS)),
                     Int("n", 1000, "rows and columns of the array", maximum=8192), dtype_param()]),
]
