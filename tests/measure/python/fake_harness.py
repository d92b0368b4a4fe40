"""A stand-in for python/harness.py that speaks the same line protocol, with a behaviour per
--workload name, so the python_workload runner can be tested on every path: good runs, every
terminal event, crashes, hangs and broken protocol. Not a benchmark: its numbers are made up
(deterministic, so tests can check they arrive intact)."""

import argparse
import json
import os
import signal
import sys
import time


def parse(argv):
    p = argparse.ArgumentParser()
    p.add_argument("--workload", required=True)
    p.add_argument("--fd", type=int, required=True)
    p.add_argument("--warmups", type=int, default=1)
    p.add_argument("--repetitions", type=int, default=10)
    p.add_argument("--min-time", type=float, default=0.0)
    p.add_argument("--max-repetitions", type=int, default=10000)
    p.add_argument("--sample-time", type=float, default=0.1)
    p.add_argument("--loops", type=int, default=None)
    p.add_argument("--param", action="append", default=[])
    return p.parse_args(argv)


class Writer(object):
    def __init__(self, fd):
        self.out = os.fdopen(fd, "w", buffering=1)

    def emit(self, event, **fields):
        record = {"event": event}
        record.update(fields)
        self.raw(json.dumps(record) + "\n")

    def raw(self, text):
        self.out.write(text)
        self.out.flush()


def hello(w):
    w.emit("hello", protocol=1, harness="fake-1",
           python={"implementation": "cpython", "version": "3.99.0", "version_info": [3, 99, 0, "final", 0],
                   "executable": sys.executable, "in_venv": False, "free_threaded": False,
                   "flags": {"isolated": sys.flags.isolated, "no_site": sys.flags.no_site},
                   "hash_seed": "from-harness"},
           packages={"numpy": "1.26.4", "torch": ""})


def metrics(loops, i, warmup):
    # time = 1e-3 * (index + 1), +0.5 for warm-ups: tests recognise each sample by its value.
    t = 1e-3 * (i + 1) + (0.5 if warmup else 0.0)
    return [{"name": "time", "unit": "s", "value": t},
            {"name": "batch_time", "unit": "s", "value": t * loops},
            {"name": "loops", "unit": "count", "value": loops}]


def sample(w, a, i, warmup, loops=8, components=False, pause=0.0):
    if pause:
        time.sleep(pause)
    w.emit("sample", warmup=warmup, index=i, loops=loops, metrics=metrics(loops, i, warmup))
    if components:
        w.emit("component", warmup=warmup, index=i, component="json.decoder",
               metrics=[{"name": "import_self", "unit": "s", "value": 1e-4 * (i + 1)},
                        {"name": "import_cumulative", "unit": "s", "value": 3e-4 * (i + 1)}])


def all_samples(w, a, **kw):
    for i in range(a.warmups):
        sample(w, a, i, True, **kw)
    for i in range(a.repetitions):
        sample(w, a, i, False, **kw)


def run(a, w):
    name = a.workload
    if name == "ok":
        hello(w)
        w.emit("calibrated", loops=8, seconds=0.1)
        all_samples(w, a)
        w.emit("done")
    elif name == "components":
        hello(w)
        all_samples(w, a, components=True)
        w.emit("done")
    elif name == "slow":  # each sample takes 0.4 timeouts' worth: only a per-sample timeout passes
        hello(w)
        all_samples(w, a, pause=float(dict(p.split("=", 1) for p in a.param)["pause"]))
        w.emit("done")
    elif name == "skip":
        hello(w)
        w.emit("skip", reason="numpy is not importable: No module named 'numpy'")
    elif name == "wrong_result":
        hello(w)
        sample(w, a, 0, False)
        w.emit("wrong_result", reason="checksum 41, expected 42")
    elif name == "error":
        hello(w)
        w.emit("error", reason="Traceback: ValueError: n: expected an integer")
        return 1
    elif name == "crash":  # exits mid-stream, as a harness killed by an uncaught problem would
        hello(w)
        sample(w, a, 0, False)
        sys.stderr.write("fatal: out of cheese\n")
        sys.stderr.flush()
        os._exit(3)
    elif name == "segv":
        hello(w)
        w.raw('{"event": "sample", "warm')  # dies in the middle of a line
        os.kill(os.getpid(), signal.SIGSEGV)
    elif name == "hang":
        hello(w)
        time.sleep(600)
    elif name == "garbage":
        hello(w)
        w.raw("this is not json\n")
        time.sleep(600)  # the runner must not wait for this
    elif name == "long_line":
        hello(w)
        w.raw("x" * (3 << 20))
        time.sleep(600)
    elif name == "no_hello":
        sample(w, a, 0, False)
        w.emit("done")
    elif name == "too_many":
        hello(w)
        for i in range(a.max_repetitions + 1):
            sample(w, a, i, False)
        w.emit("done")
    elif name == "short":  # 'done' before the samples the case asked for
        hello(w)
        sample(w, a, 0, False)
        w.emit("done")
    elif name == "no_terminal":
        hello(w)
        all_samples(w, a)
    elif name == "exit_after_done":
        hello(w)
        all_samples(w, a)
        w.emit("done")
        return 4
    elif name == "echo":  # reports what it was started with, in the skip reason
        hello(w)
        w.emit("skip", reason=json.dumps({"argv": sys.argv[1:], "env": dict(os.environ),
                                          "hash_randomization": sys.flags.hash_randomization,
                                          "isolated": sys.flags.isolated}))
    else:
        hello(w)
        w.emit("error", reason="fake harness: unknown workload %r" % name)
        return 1
    return 0


if __name__ == "__main__":
    args = parse(sys.argv[1:])
    sys.exit(run(args, Writer(args.fd)))
