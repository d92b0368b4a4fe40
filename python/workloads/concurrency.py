"""Threads: the same work on 1..N threads, pure-Python CPU work (which the GIL serialises and a
free-threaded build, 3.13t, can run in parallel) or blocking I/O (whose system calls release the GIL).

Category `compute`: perfmatrix's `--category` knows startup, memory, compute and async (and the kinds'
own); a category of its own would need the C++ side to learn it. threading is imported when a Bench
is built, not with this module."""

import os
import sys

from harness_core.params import Choice, Int
from harness_core.workload import Bench, Workload, WrongResult, metric

CATEGORY = "compute"


def cpu_unit(x, iterations):
    """Pure-Python integer work that holds the GIL throughout (a linear congruential generator)."""
    for _ in range(iterations):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
    return x


def gil_enabled():
    """1 while the GIL is on (always, before 3.13 and on PyPy), 0 on a free-threaded build running
    without it. Read after each sample: importing an extension that does not declare itself safe turns
    the GIL back on at run time."""
    check = getattr(sys, "_is_gil_enabled", None)
    return 1 if check is None or check() else 0


class ThreadPool(object):
    """`count` threads started once, each running task(index, loops) when released: a sample measures
    the work, not thread creation. Two barriers per sample: one start, one finish."""

    def __init__(self, threading, count, task):
        self.task = task
        self.loops = 0
        self.stopping = False
        self.results = [None] * count
        self.errors = [None] * count
        self.start = threading.Barrier(count + 1)
        self.finish = threading.Barrier(count + 1)
        self.threads = [threading.Thread(target=self._worker, args=(i,), name="perfmatrix-%d" % i)
                        for i in range(count)]
        for thread in self.threads:
            thread.daemon = True  # a wedged worker must not keep the harness alive
            thread.start()

    def _worker(self, index):
        while True:
            self.start.wait()
            if self.stopping:
                return
            try:
                self.results[index] = self.task(index, self.loops)
            except BaseException as exc:  # reported by run(), on the harness's thread
                self.results[index] = None
                self.errors[index] = exc
            self.finish.wait()

    def run(self, loops):
        self.loops = loops
        self.start.wait()
        self.finish.wait()
        for exc in self.errors:
            if exc is not None:
                raise exc
        return list(self.results)

    def close(self):
        self.stopping = True
        self.start.wait()
        for thread in self.threads:
            thread.join()


class Threads(Bench):
    """Each of `threads` threads does `units` units per loop: weak scaling, so with perfect parallelism
    a loop takes as long on N threads as on one. Before each sample (untimed) one thread's share of it
    runs alone on the harness's thread: the one-thread rate the speed-up is measured against."""

    def __init__(self, params):
        import threading
        self.work = params["work"]
        self.count = params["threads"]
        self.units = params["units"]
        self.iterations = params["iterations"]
        self.size = params["size"]
        self.pipes = []
        if self.work == "cpu":
            self.task = self._cpu_task
            # What each thread's chain of units must end at, computed once here in plain code.
            self.expected = [self._cpu_chain(index) for index in range(self.count)]
        else:
            self.task = self._io_task
            self.pipes = [os.pipe() for _ in range(self.count)]
            self.messages = [self._message(index) for index in range(self.count)]
        self.last_loops = 1
        self.reference = None
        self.cpu_per_wall = 0.0
        import time
        self.process_time, self.perf_counter = time.process_time, time.perf_counter
        self.pool = ThreadPool(threading, self.count, self.task)

    def _cpu_chain(self, index):
        x = index + 1
        for _ in range(self.units):
            x = cpu_unit(x, self.iterations)
        return x

    def _cpu_task(self, index, loops):
        """Per loop, `units` units chained from this thread's seed; returns each loop's end value."""
        ends = []
        units, iterations = self.units, self.iterations
        for _ in range(loops):
            x = index + 1
            for _ in range(units):
                x = cpu_unit(x, iterations)
            ends.append(x)
        return ends

    def _message(self, index):
        stamp = b"%08d" % index
        return (stamp * (self.size // len(stamp) + 1))[:self.size]

    def _io_task(self, index, loops):
        """Per unit, one message written into this thread's pipe and read back (it fits the pipe's
        buffer, so the write never waits for a reader); returns how many came back intact."""
        read_end, write_end = self.pipes[index]
        message, size = self.messages[index], self.size
        read, write = os.read, os.write
        intact = 0
        for _ in range(loops * self.units):
            view = memoryview(message)
            while view:
                view = view[write(write_end, view):]
            chunks = []
            got = 0
            while got < size:
                chunk = read(read_end, size - got)
                chunks.append(chunk)
                got += len(chunk)
            if b"".join(chunks) == message:
                intact += 1
        return intact

    def prepare(self):
        import time
        # One thread's share of the coming sample (as many loops as the last one), alone.
        start = time.perf_counter()
        result = self.task(0, self.last_loops)
        seconds = time.perf_counter() - start
        self.check_thread(0, result, self.last_loops)
        self.reference = (self.units * self.last_loops, seconds)

    def run(self, loops):
        self.last_loops = loops
        # The process's CPU time over the same span, for cpu_per_wall: how many threads really ran at
        # once on average. It does not depend on the speed of a unit, only on parallelism (and on
        # idle cores: a busy machine lowers it for every build).
        cpu, wall = self.process_time(), self.perf_counter()
        results = self.pool.run(loops)
        self.cpu_per_wall = (self.process_time() - cpu) / (self.perf_counter() - wall)
        return results, loops

    def check_thread(self, index, result, loops):
        if self.work == "cpu":
            if result != [self.expected[index]] * loops:
                wrong = [x for x in (result or [None]) if x != self.expected[index]][:1]
                raise WrongResult("thread %d ended %d loops with %r, expected %d every loop"
                                  % (index, loops, wrong, self.expected[index]))
        elif result != loops * self.units:
            raise WrongResult("thread %d got %r of %d messages back intact" % (index, result, loops * self.units))

    def verify(self, outcome):
        results, loops = outcome
        if len(results) != self.count:
            raise WrongResult("%d threads reported, expected %d" % (len(results), self.count))
        for index, result in enumerate(results):
            self.check_thread(index, result, loops)

    def metrics(self, result, loops, seconds):
        total = self.count * self.units * loops / seconds
        units, reference_seconds = self.reference
        one_thread = units / reference_seconds
        return [metric("items_per_s", "1/s", total),
                metric("per_thread_items_per_s", "1/s", total / self.count),
                metric("one_thread_items_per_s", "1/s", one_thread),
                metric("speedup_vs_1", "ratio", total / one_thread),
                metric("cpu_per_wall", "ratio", self.cpu_per_wall),
                metric("threads", "count", self.count),
                metric("gil_enabled", "count", gil_enabled())]

    def close(self):
        self.pool.close()
        for read_end, write_end in self.pipes:
            os.close(read_end)
            os.close(write_end)


WORKLOADS = [
    Workload("threads", "the same work on N threads: pure-Python CPU work (serialised by the GIL) or pipe I/O "
             "(system calls release it); per-thread throughput and speed-up over one thread", Threads,
             params=[Choice("work", "cpu", "'cpu' (pure-Python loop) or 'io' (write and read back through a pipe)",
                            ["cpu", "io"]),
                     Int("threads", 2, "threads working at once", maximum=256),
                     Int("units", 10, "units of work per thread per loop"),
                     Int("iterations", 2000, "cpu: loop iterations per unit"),
                     # A message must fit the pipe's buffer (64 KiB on Linux): the thread writes it all
                     # before reading it back.
                     Int("size", 4096, "io: message bytes per unit", maximum=65536)]),
]
