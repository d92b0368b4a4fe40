"""The Python-torch side of the interpreter tax: the native kinds `torch_elementwise` (out = a * b + c
through torch.addcmul into a preallocated out, no broadcasting) and `torch_reduction` (sum over all
elements into a preallocated 0-d out), called through Python. Sizes, inputs and metrics as in
numpy_kernels: operands of n elements (the native `rows = n`, `cols = 1`), `bandwidth` over the native
kinds' compulsory bytes, inputs on a power-of-two grid so that the results are exact and the checks
compare for equality."""

from harness_core.params import Int
from harness_core.workload import ParamError, Workload, WrongResult, metric
from workloads.numpy_kernels import FINEST_STEP_BITS, exact_sum_step_bits, too_many_terms
from workloads.torch_workloads import TorchBench, device_param, dtype_param, threads_param

CATEGORY = "torch"
MAX_TENSOR_BYTES = 4 << 30


def grid_tensor(torch, generator, shape, dtype, step_bits, device):
    """Uniform multiples of 2^-step_bits in [-1, 1], drawn on the CPU from the seeded generator."""
    scale = 1 << step_bits
    values = torch.randint(-scale, scale + 1, shape, generator=generator, dtype=torch.int64)
    return (values.to(torch.float64) / scale).to(dtype=dtype, device=device)


class TorchKernel(TorchBench):
    def __init__(self, params, arrays):
        TorchBench.__init__(self, params)
        self.n = n = params["n"]
        self.dtype_name = params["dtype"]
        self.itemsize = 8 if self.dtype_name == "f64" else 4
        if arrays * n * self.itemsize > MAX_TENSOR_BYTES:
            raise ParamError("parameter 'n': the %d tensors of %d elements would take %d bytes; the limit is %d"
                             % (arrays, n, arrays * n * self.itemsize, MAX_TENSOR_BYTES))

    def grid(self, step_bits):
        return grid_tensor(self.torch, self.generator, (self.n,), self.dtype, step_bits, self.device)


class Elementwise(TorchKernel):
    def __init__(self, params):
        TorchKernel.__init__(self, params, 5)
        torch = self.torch
        self.a, self.b, self.c = (self.grid(FINEST_STEP_BITS) for _ in range(3))
        # Exact in float32 and float64, fused or not: see numpy_kernels.Elementwise.
        self.expected = (self.a.double() * self.b.double() + self.c.double()).to(self.dtype)
        self.out = torch.empty(self.n, dtype=self.dtype, device=self.device)

    def prepare(self):
        self.out.fill_(float("nan"))  # a run that writes nothing must not pass on the last sample's output
        self.synchronize()

    def run(self, loops):
        addcmul, a, b, c, out = self.torch.addcmul, self.a, self.b, self.c, self.out
        for _ in range(loops):
            addcmul(c, a, b, out=out)
        self.synchronize()
        return out

    def verify(self, out):
        torch = self.torch
        if out.shape != self.expected.shape or out.dtype != self.dtype:
            raise WrongResult("out is %s%r, expected %s%r" % (out.dtype, tuple(out.shape), self.dtype,
                                                                tuple(self.expected.shape)))
        if not torch.equal(out, self.expected):
            i = int(torch.nonzero(~(out == self.expected))[0])
            raise WrongResult("out[%d] = %r, expected %r (exact)" % (i, float(out[i]), float(self.expected[i])))

    def metrics(self, out, loops, seconds):
        moved = 4 * self.n * self.itemsize  # a, b, c read and out written, as the native kind
        return [metric("bandwidth", "GB/s", moved * loops / seconds / 1e9), self.thread_metric()]


class Reduction(TorchKernel):
    def __init__(self, params):
        TorchKernel.__init__(self, params, 1)
        torch, n = self.torch, self.n
        step = exact_sum_step_bits(self.dtype_name, n)
        if step is None:
            raise ParamError(too_many_terms(self.dtype_name, n))
        self.x = self.grid(step)
        # Integers times 2^-step, summed as int64: exact.
        self.expected = int((self.x.double() * (1 << step)).to(torch.int64).sum()) / float(1 << step)
        self.out = torch.empty((), dtype=self.dtype, device=self.device)
        self.dims = (0,)

    def prepare(self):
        self.out.fill_(float("nan"))
        self.synchronize()

    def run(self, loops):
        total, x, dims, out = self.torch.sum, self.x, self.dims, self.out
        for _ in range(loops):
            total(x, dims, out=out)
        self.synchronize()
        return out

    def verify(self, out):
        if out.dtype != self.dtype or out.dim() != 0:
            raise WrongResult("the sum is a %s tensor of shape %r, expected a 0-d %s"
                              % (out.dtype, tuple(out.shape), self.dtype))
        if float(out) != self.expected:
            raise WrongResult("sum of the %d elements is %r, expected %r (exact)" % (self.n, float(out), self.expected))

    def metrics(self, out, loops, seconds):
        moved = (self.n + 1) * self.itemsize  # the input read once, one element written
        return [metric("bandwidth", "GB/s", moved * loops / seconds / 1e9), self.thread_metric()]



WORKLOADS = [
    Workload("torch_elementwise", "out = a * b + c over n elements with torch.addcmul (the native kind's kernel)",
             Elementwise, requires=["torch"],
             params=[Int("n", 1000000, "elements of a, b, c and out (the native rows, with cols = 1)", maximum=1 << 30),
                     dtype_param("f64"), threads_param(), device_param()]),
    Workload("torch_reduction", "sum of n elements (the native torch_reduction's sum)",
             Reduction, requires=["torch"],
             params=[Int("n", 1000000, "elements summed (the native rows, with cols = 1)", maximum=1 << 30),
                     dtype_param("f64"), threads_param(), device_param()]),
]
