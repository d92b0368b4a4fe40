"""PyTorch tensor workloads: creation (zeros, ones, rand, arange, from a Python list), slicing and
indexing (a basic slice, index_select, a boolean mask) and the backward pass alone (the forward pass
runs untimed in prepare() before each sample). Like torch_workloads they take `threads` and `device`."""

import array

from harness_core.params import Choice, Int
from harness_core.workload import Workload, WrongResult, metric
from workloads.torch_workloads import SEED, TorchBench, device_param, dtype_param, threads_param

CATEGORY = "torch"


class Creation(TorchBench):
    """One 1-D tensor of n elements made by `op` on the device."""

    def __init__(self, params):
        TorchBench.__init__(self, params)
        self.n, self.op = params["n"], params["op"]
        if self.op == "from_list":
            self.values = [float(v) for v in self.uniform(self.n).cpu().double().tolist()]
        # rand draws on the device, from the device's own generator.
        self.rand_generator = self.torch.Generator(device=self.device)

    def prepare(self):
        self.rand_generator.manual_seed(SEED)  # every sample draws the same numbers, which verify() redraws
        self.synchronize()

    def run(self, loops):
        torch, n, dtype, device = self.torch, self.n, self.dtype, self.device
        if self.op == "zeros":
            for _ in range(loops):
                t = torch.zeros(n, dtype=dtype, device=device)
        elif self.op == "ones":
            for _ in range(loops):
                t = torch.ones(n, dtype=dtype, device=device)
        elif self.op == "arange":
            for _ in range(loops):
                t = torch.arange(n, dtype=dtype, device=device)
        elif self.op == "rand":
            generator = self.rand_generator
            for _ in range(loops):
                t = torch.rand(n, generator=generator, dtype=dtype, device=device)
        else:
            values = self.values
            for _ in range(loops):
                t = torch.tensor(values, dtype=dtype, device=device)
        self.synchronize()
        return t, loops

    def expected(self, loops):
        """The same tensor made another way: from other ops, or for rand by redrawing from the seed."""
        torch, n = self.torch, self.n
        if self.op == "zeros":
            return torch.full((n,), 0.0, dtype=torch.float64).to(self.dtype)
        if self.op == "ones":
            return torch.full((n,), 1.0, dtype=torch.float64).to(self.dtype)
        if self.op == "arange":
            # Integers counted exactly, then rounded to the dtype once (float32 from 2^24 on).
            return torch.arange(n, dtype=torch.int64).to(self.dtype)
        if self.op == "rand":
            generator = torch.Generator(device=self.device).manual_seed(SEED)
            for _ in range(loops - 1):
                torch.rand(n, generator=generator, dtype=self.dtype, device=self.device)
            return torch.rand(n, generator=generator, dtype=self.dtype, device=self.device).cpu()
        # The bytes of a float64 array, not the list's float objects one by one.
        return torch.frombuffer(array.array("d", self.values), dtype=torch.float64).to(self.dtype)

    def verify(self, result):
        torch = self.torch
        t, loops = result
        if t.shape != (self.n,) or t.dtype != self.dtype or t.device.type != self.device:
            raise WrongResult("%s made a %s tensor of shape %r on %s, expected %s (%d,) on %s"
                              % (self.op, t.dtype, tuple(t.shape), t.device, self.dtype, self.n, self.device))
        expected = self.expected(loops)
        got = t.cpu()
        if not torch.equal(got, expected):
            i = int(torch.nonzero(~(got == expected))[0])
            raise WrongResult("%s: element %d is %r, expected %r" % (self.op, i, float(got[i]), float(expected[i])))
        if self.op == "rand" and not (float(got.min()) >= 0.0 and float(got.max()) < 1.0):
            raise WrongResult("rand gave values outside [0, 1): %r to %r" % (float(got.min()), float(got.max())))

    def metrics(self, result, loops, seconds):
        t = result[0]
        return [metric("bytes_per_s", "B/s", t.numel() * t.element_size() * loops / seconds), self.thread_metric()]


class Indexing(TorchBench):
    """An n x n tensor indexed by `op`: `slice` (x[1::2, ::3], a view: the indexing machinery alone),
    `index_select` (n random rows, repeats included) or `mask` (x[mask], about half of it true)."""

    def __init__(self, params):
        TorchBench.__init__(self, params)
        torch = self.torch
        self.n, self.op = n, op = params["n"], params["op"]
        self.x = self.uniform(n, n)
        if op == "index_select":
            self.index = torch.randint(0, n, (n,), generator=self.generator).to(self.device)
        elif op == "mask":
            self.mask = (torch.rand(n, n, generator=self.generator) < 0.5).to(self.device)

    def run(self, loops):
        torch, x = self.torch, self.x
        if self.op == "slice":
            for _ in range(loops):
                picked = x[1::2, ::3]
        elif self.op == "index_select":
            index_select, index = torch.index_select, self.index
            for _ in range(loops):
                picked = index_select(x, 0, index)
        else:
            mask = self.mask
            for _ in range(loops):
                picked = x[mask]
        self.synchronize()
        return picked

    def verify(self, picked):
        torch, x, n = self.torch, self.x, self.n
        if self.op == "slice":
            # A view: the same storage, from element (1, 0) on, with strides (2n, 3).
            if (picked.data_ptr() != x[1, 0].data_ptr() or picked.stride() != (2 * n, 3)
                    or tuple(picked.shape) != (n // 2, (n + 2) // 3)):
                raise WrongResult("x[1::2, ::3] is not the expected view: shape %r, strides %r"
                                  % (tuple(picked.shape), picked.stride()))
            step = max(1, n // 32)
            for i, j in [(i, j) for i in range(0, n // 2, step) for j in range(0, (n + 2) // 3, step)]:
                if float(picked[i, j]) != float(x[2 * i + 1, 3 * j]):
                    raise WrongResult("x[1::2, ::3][%d, %d] differs from x[%d, %d]" % (i, j, 2 * i + 1, 3 * j))
            return
        if self.op == "index_select":
            expected = x[self.index]  # advanced indexing: another kernel than index_select
        else:
            expected = torch.masked_select(x, self.mask)
        if picked.shape != expected.shape or not torch.equal(picked, expected):
            raise WrongResult("%s gave shape %r, differing from %r of shape %r"
                              % (self.op, tuple(picked.shape), "x[index]" if self.op == "index_select"
                                 else "masked_select", tuple(expected.shape)))

    def metrics(self, picked, loops, seconds):
        if self.op == "slice":
            return [self.thread_metric()]
        return [metric("elements_per_s", "1/s", picked.numel() * loops / seconds), self.thread_metric()]


def gamma(k, unit):
    """Higham's gamma_k = k u / (1 - k u): the relative error bound of a sum of k+1 terms in any order."""
    return k * unit / (1 - k * unit)


class Backward(TorchBench):
    """loss.backward() alone for a two-layer tanh MLP, y = W2 tanh(W1 x + b1) + b2, under the loss
    sum((y - t)^2) / (2 batch). prepare() clears the gradients and runs the forward pass (untimed), so
    each sample is one backward pass: the workload is not loopable (backward frees its graph)."""

    def __init__(self, params):
        TorchBench.__init__(self, params)
        torch = self.torch
        self.batch, features, hidden, outputs = params["batch"], params["features"], params["hidden"], params["outputs"]
        self.sizes = (features, hidden, outputs)
        torch.manual_seed(SEED)
        self.first = torch.nn.Linear(features, hidden).to(dtype=self.dtype, device=self.device)
        self.last = torch.nn.Linear(hidden, outputs).to(dtype=self.dtype, device=self.device)
        self.parameters = [self.first.weight, self.first.bias, self.last.weight, self.last.bias]
        self.x = self.uniform(self.batch, features)
        self.target = self.uniform(self.batch, outputs)
        self.loss = None

    def prepare(self):
        for p in self.parameters:
            p.grad = None
        output = self.last(self.torch.tanh(self.first(self.x)))
        self.loss = ((output - self.target) ** 2).sum() / (2 * self.batch)
        self.synchronize()

    def run(self, loops):
        self.loss.backward()
        self.synchronize()
        return [p.grad for p in self.parameters]

    def analytic(self):
        """The gradients by hand, in float64 from the same parameters and inputs, with a first-order
        componentwise bound on the difference from what the dtype's arithmetic may give: every product
        of k terms errs by gamma_k |A||B| (Higham), errors carried through each step, doubled to cover
        the second-order terms and, in float64, the reference's own rounding."""
        torch = self.torch
        u = self.eps / 2
        features, hidden, outputs = self.sizes
        batch = self.batch
        x, t = self.x.double(), self.target.double()
        w1, b1 = self.first.weight.double(), self.first.bias.double()
        w2, b2 = self.last.weight.double(), self.last.bias.double()
        h = torch.tanh(x @ w1.t() + b1)
        y = h @ w2.t() + b2
        d_y = (y - t) / batch
        d_z = (d_y @ w2) * (1 - h * h)
        grads = [d_z.t() @ x, d_z.sum(0), d_y.t() @ h, d_y.sum(0)]
        ax, ah, aw1, aw2 = x.abs(), h.abs(), w1.abs(), w2.abs()
        e_z = gamma(features + 1, u) * (ax @ aw1.t() + b1.abs())
        e_h = (1 - h * h) * e_z + 2 * u * ah  # tanh' <= 1, and tanh itself within an ulp or two
        e_y = gamma(hidden + 1, u) * (ah @ aw2.t() + b2.abs()) + e_h @ aw2.t()
        e_dy = (e_y + 4 * u * (y - t).abs()) / batch  # the subtraction, the square's 2 and the division
        a_dy = d_y.abs()
        e_dh = gamma(outputs, u) * (a_dy @ aw2) + e_dy @ aw2
        a_dh = (d_y @ w2).abs()
        e_dz = e_dh * (1 - h * h) + a_dh * 2 * ah * e_h + 3 * u * d_z.abs()
        a_dz = d_z.abs()
        bounds = [gamma(batch, u) * (a_dz.t() @ ax) + e_dz.t() @ ax,
                  gamma(batch, u) * a_dz.sum(0) + e_dz.sum(0),
                  gamma(batch, u) * (a_dy.t() @ ah) + e_dy.t() @ ah + a_dy.t() @ e_h,
                  gamma(batch, u) * a_dy.sum(0) + e_dy.sum(0)]
        return grads, [2 * b + 1e-300 for b in bounds]

    def verify(self, grads):
        names = ("first weight", "first bias", "last weight", "last bias")
        if any(g is None for g in grads):
            raise WrongResult("backward left the %s without a gradient" % names[[g is None for g in grads].index(True)])
        expected, bounds = self.analytic()
        for name, got, want, bound in zip(names, grads, expected, bounds):
            if got.shape != want.shape or got.dtype != self.dtype:
                raise WrongResult("the %s gradient is %s%r, expected %s%r"
                                  % (name, got.dtype, tuple(got.shape), self.dtype, tuple(want.shape)))
            excess = float(((got.double() - want).abs() / bound).max())
            if not excess <= 1.0:
                raise WrongResult("the %s gradient differs from the analytic one by %.3g times its rounding bound"
                                  % (name, excess))

    def metrics(self, grads, loops, seconds):
        # The backward products: the last layer's weight and input gradients (2 x 2 batch hidden outputs)
        # and the first layer's weight gradient (2 batch features hidden); the input needs none.
        features, hidden, outputs = self.sizes
        flops = 4.0 * self.batch * hidden * outputs + 2.0 * self.batch * features * hidden
        return [metric("gflops", "GFLOP/s", flops * loops / seconds / 1e9), self.thread_metric()]


WORKLOADS = [
    Workload("torch_create", "tensor creation: zeros, ones, rand, arange or from a Python list (op)", Creation,
             requires=["torch"],
             params=[Choice("op", "zeros", "how the tensor is made", ["zeros", "ones", "rand", "arange", "from_list"]),
                     Int("n", 100000, "elements", maximum=1 << 30), dtype_param("f32"), threads_param(),
                     device_param()]),
    Workload("torch_index", "slicing and indexing: a basic slice (a view), index_select or a boolean mask (op)",
             Indexing, requires=["torch"],
             params=[Choice("op", "index_select", "the indexing", ["slice", "index_select", "mask"]),
                     Int("n", 1000, "rows and columns of the tensor", maximum=32768), dtype_param("f32"),
                     threads_param(), device_param()]),
    Workload("torch_backward", "backward pass alone of a two-layer tanh MLP (forward untimed), checked against"
             " the analytic gradient", Backward, requires=["torch"], loopable=False,
             params=[Int("batch", 256, "rows per batch"), Int("features", 256, "inputs"),
                     Int("hidden", 512, "hidden units"), Int("outputs", 10, "outputs"),
                     dtype_param("f32"), threads_param(), device_param()]),
]
