"""PyTorch workloads: element-wise tensor ops, MLP forward/backward, a short training loop and
matmul with the native kinds' sizes. torch is imported by each Bench, never by this module. The intra-op
thread count is set from the `threads` parameter (libtorch's default differs between builds) and
checked and reported with every sample. `device` puts the tensors on the CPU (default) or a CUDA GPU;
without one the workload ends `skip`."""

from harness_core.params import Choice, Float, Int
from harness_core.workload import Bench, ParamError, Skip, Workload, WrongResult, import_required, metric

CATEGORY = "torch"
SEED = 20261126


def dtype_param(default):
    return Choice("dtype", default, "element type", ["f64", "f32"], aliases={"float64": "f64", "float32": "f32"})


def threads_param():
    return Int("threads", 1, "intra-op threads (torch.set_num_threads)", maximum=1024)


def device_param():
    return Choice("device", "cpu", "where the tensors live: cpu, or cuda (skipped without a CUDA device)",
                  ["cpu", "cuda"])


class TorchBench(Bench):
    def __init__(self, params):
        self.torch = torch = import_required("torch")
        self.device = params.get("device", "cpu")
        if self.device == "cuda" and not torch.cuda.is_available():
            raise Skip("no CUDA device: torch.cuda.is_available() is False (torch %s, built for CUDA %s)"
                       % (torch.__version__, torch.version.cuda or "none"))
        self.threads = params["threads"]
        torch.set_num_threads(self.threads)
        if torch.get_num_threads() != self.threads:
            raise ParamError("parameter 'threads': asked for %d, torch runs %d"
                             % (self.threads, torch.get_num_threads()))
        self.dtype = torch.float64 if params.get("dtype", "f64") == "f64" else torch.float32
        self.eps = torch.finfo(self.dtype).eps
        self.generator = torch.Generator().manual_seed(SEED)
        torch.manual_seed(SEED)

    def synchronize(self):
        """Waits for the GPU: CUDA calls only queue work, so a clock stopped without this would time the
        queueing. Every run() ends with it, and prepare() starts each sample with an idle GPU."""
        if self.device == "cuda":
            self.torch.cuda.synchronize()

    def prepare(self):
        self.synchronize()

    def uniform(self, *shape):
        return torch_uniform(self.torch, shape, self.dtype, self.generator).to(self.device)

    def thread_metric(self):
        return metric("threads", "count", self.torch.get_num_threads())

    def environment(self):
        # Which BLAS torch's build names (BLAS_INFO), which one is loaded, and whether they agree.
        from workloads import blas_libraries
        return blas_libraries.environment(blas_libraries.torch_claim(self.torch), blas_libraries.loaded_blas())


def torch_uniform(torch, shape, dtype, generator):
    # Drawn on the CPU from the seeded generator, then moved: the same numbers on every device.
    return torch.rand(*shape, generator=generator, dtype=torch.float64).mul_(2).sub_(1).to(dtype)


class TensorOps(TorchBench):
    def __init__(self, params):
        TorchBench.__init__(self, params)
        self.n = params["n"]
        self.a = self.uniform(self.n)
        self.b = self.uniform(self.n)

    def run(self, loops):
        torch, a, b = self.torch, self.a, self.b
        with torch.no_grad():
            for _ in range(loops):
                result = torch.relu(a * 2 + b)
        self.synchronize()
        return result

    def verify(self, result):
        torch = self.torch
        # One exact doubling, one rounded add and a max with 0: computed in float64 and rounded to
        # float32 that is still the correctly rounded value, so the match is exact.
        expected = torch.relu(self.a.double() * 2 + self.b.double()).to(self.dtype)
        if result.dtype != self.dtype or not torch.equal(result, expected):
            raise WrongResult("relu(2a + b) differs from its float64 recomputation")

    def metrics(self, result, loops, seconds):
        return [metric("elements_per_s", "1/s", self.n * loops / seconds), self.thread_metric()]


def build_mlp(torch, features, hidden, outputs, dtype, device="cpu"):
    return torch.nn.Sequential(torch.nn.Linear(features, hidden), torch.nn.ReLU(),
                               torch.nn.Linear(hidden, outputs)).to(dtype=dtype, device=device)


class MlpStep(TorchBench):
    """One forward and backward pass of a two-layer MLP under a mean-squared-error loss."""

    def __init__(self, params):
        TorchBench.__init__(self, params)
        self.batch = params["batch"]
        self.model = build_mlp(self.torch, params["features"], params["hidden"], params["outputs"], self.dtype,
                               self.device)
        self.x = self.uniform(self.batch, params["features"])
        self.target = self.uniform(self.batch, params["outputs"])

    def run(self, loops):
        model, x, target = self.model, self.x, self.target
        for _ in range(loops):
            model.zero_grad()
            output = model(x)
            loss = ((output - target) ** 2).mean()
            loss.backward()
        self.synchronize()
        return output.detach()

    def verify(self, output):
        torch = self.torch
        first, _, last = self.model
        # The last layer's gradient by hand: dL/dy = 2 (y - t) / (batch * outputs), dL/dW = (dL/dy)^T h.
        with torch.no_grad():
            hidden = torch.relu(first(self.x))
            d_output = 2 * (output - self.target) / output.numel()
            expected_weight = d_output.t() @ hidden
            expected_bias = d_output.sum(0)
            # Both sides sum `batch` rounded products (in any order) from inputs that may differ by a
            # rounding or two: bound the difference componentwise by 4 (batch + 4) eps |dL/dy|^T |h|.
            slack = 4 * (self.batch + 4) * self.eps
            bound_weight = slack * (d_output.abs().t() @ hidden.abs()) + 1e-30
            bound_bias = slack * d_output.abs().sum(0) + 1e-30
        for name, got, expected, bound in (("weight", last.weight.grad, expected_weight, bound_weight),
                                           ("bias", last.bias.grad, expected_bias, bound_bias)):
            excess = float(((got - expected).abs() / bound).max())
            if not excess <= 1.0:
                raise WrongResult("last layer %s gradient differs from the hand-derived one by %.3g times its"
                                  " rounding bound" % (name, excess))

    def metrics(self, result, loops, seconds):
        return [metric("samples_per_s", "1/s", self.batch * loops / seconds), self.thread_metric()]


class Training(TorchBench):
    """SGD on a synthetic regression problem from a fresh, seeded model each call."""

    def __init__(self, params):
        TorchBench.__init__(self, params)
        self.steps = params["steps"]
        self.lr = params["lr"]
        self.features, self.hidden = params["features"], params["hidden"]
        batch = params["batch"]
        self.x = self.uniform(batch, self.features)
        true_weights = self.uniform(self.features, 1)
        self.y = self.x @ true_weights + 0.01 * self.uniform(batch, 1)

    def train_once(self):
        torch = self.torch
        torch.manual_seed(SEED)
        model = build_mlp(torch, self.features, self.hidden, 1, self.dtype, self.device)
        optimizer = torch.optim.SGD(model.parameters(), lr=self.lr)
        losses = []
        for _ in range(self.steps):
            optimizer.zero_grad()
            loss = ((model(self.x) - self.y) ** 2).mean()
            loss.backward()
            optimizer.step()
            losses.append(float(loss))
        return losses

    def run(self, loops):
        for _ in range(loops):
            losses = self.train_once()
        self.synchronize()
        return losses

    def verify(self, losses):
        # The data are a linear function of the inputs plus 1 % noise, which the MLP can fit: by the end
        # of training the loss must have fallen to below half its first value.
        if not losses[-1] < 0.5 * losses[0]:
            raise WrongResult("training loss went from %g to %g in %d steps; expected it to halve at least"
                              % (losses[0], losses[-1], self.steps))

    def metrics(self, losses, loops, seconds):
        return [metric("steps_per_s", "1/s", self.steps * loops / seconds),
                metric("final_loss", "1", losses[-1]), self.thread_metric()]


class TorchMatmul(TorchBench):
    def __init__(self, params):
        TorchBench.__init__(self, params)
        n = params["n"]
        self.n = n
        self.a = self.uniform(n, n)
        self.b = self.uniform(n, n)
        # Float64 reference summed in another order, and Higham's bound, as in numpy_workloads.Matmul.
        a64, b64 = self.a.double(), self.b.double()
        half = n // 2
        self.reference = a64[:, :half] @ b64[:half, :] + a64[:, half:] @ b64[half:, :]
        unit = self.eps / 2
        self.bound = 2 * (n * unit / (1 - n * unit)) * (a64.abs() @ b64.abs()) + 1e-300

    def run(self, loops):
        torch, a, b = self.torch, self.a, self.b
        with torch.no_grad():
            for _ in range(loops):
                c = a @ b
        self.synchronize()
        return c

    def verify(self, c):
        excess = (c.double() - self.reference).abs() / self.bound
        worst = float(excess.max())
        if not worst <= 1.0:
            raise WrongResult("matmul error reaches %.3g times the rounding bound" % worst)

    def metrics(self, c, loops, seconds):
        return [metric("gflops", "GFLOP/s", 2.0 * self.n ** 3 * loops / seconds / 1e9), self.thread_metric()]


WORKLOADS = [
    Workload("torch_ops", "element-wise tensor ops: relu(2a + b)", TensorOps, requires=["torch"],
             params=[Int("n", 1000000, "elements"), dtype_param("f32"), threads_param(), device_param()]),
    Workload("torch_mlp", "two-layer MLP: forward and backward of an MSE loss", MlpStep, requires=["torch"],
             params=[Int("batch", 64, "rows per batch"), Int("features", 256, "inputs"),
                     Int("hidden", 512, "hidden units"), Int("outputs", 10, "outputs"),
                     dtype_param("f32"), threads_param(), device_param()]),
    Workload("torch_train", "a short SGD training loop (checked: the loss halves)", Training, requires=["torch"],
             params=[Int("steps", 50, "SGD steps per call", minimum=2), Int("batch", 64, "rows"),
                     Int("features", 32, "inputs"), Int("hidden", 64, "hidden units"),
                     Float("lr", 0.05, "learning rate", minimum=1e-9), dtype_param("f32"), threads_param(),
                     device_param()]),
    Workload("torch_matmul", "matrix multiply C = A @ B (same sizes as the native blas_gemm kind)", TorchMatmul,
             requires=["torch"],
             params=[Int("n", 256, "rows and columns", maximum=8192), dtype_param("f64"), threads_param(),
                     device_param()]),
]
