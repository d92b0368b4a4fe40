"""Calibration, warm-ups and measured samples of one Bench, reported through a ProtocolWriter.
The settings mean what perfmatrix's CaseSettings mean: warmups, then samples until both `repetitions`
samples and `min_time` seconds of measured time are reached, at most `max_repetitions`."""

import gc
import math
import time

from .workload import ParamError, metric

# A bound on calibration so that a workload whose call takes no measurable time cannot loop forever.
MAX_LOOPS = 1 << 40
# Growth per calibration step is capped so that one noisy short sample cannot overshoot by far.
MAX_GROWTH = 10.0


class Settings(object):
    def __init__(self, warmups=1, repetitions=10, min_time=0.0, max_repetitions=10000,
                 sample_time=0.1, loops=None):
        self.warmups = warmups
        self.repetitions = repetitions
        self.min_time = min_time
        self.max_repetitions = max_repetitions
        self.sample_time = sample_time
        self.loops = loops  # None: calibrate


class Sampler(object):
    def __init__(self, bench, writer, clock=time.perf_counter, category=""):
        self.bench = bench
        # The workload's category (startup, memory, async, ...), sent with `calibrated` so that
        # analysis can group cases by what they measure.
        self.extra = {"category": category} if category else {}
        self.writer = writer
        self.clock = clock

    def timed_call(self, loops):
        """One sample: prepare (untimed), run (timed), verify (untimed). Returns (result, seconds)."""
        bench = self.bench
        gc_was_enabled = gc.isenabled()
        if bench.disable_gc:
            gc.disable()  # from prepare() on: the garbage prepare() leaves must wait for run()
        try:
            bench.prepare()
            start = self.clock()
            result = bench.run(loops)
            seconds = self.clock() - start
        finally:
            if bench.disable_gc and gc_was_enabled:
                gc.enable()
        bench.verify(result)
        return result, seconds

    def calibrate(self, settings, loopable):
        """The loop count: fixed, 1 for a workload that is not loopable, else grown from 1 until one
        sample lasts at least `sample_time`. Emits `calibrated`."""
        environment = self.bench.environment()  # before any timing: it may inspect loaded libraries
        if environment:
            self.extra["environment"] = dict((str(k), str(v)) for k, v in environment.items())
        if not loopable:
            if settings.loops not in (None, 1):
                raise ParamError("--loops: this workload is not loopable, so it must be 1, got %d" % settings.loops)
            self.writer.emit("calibrated", loops=1, seconds=0.0, source="not_loopable", **self.extra)
            return 1
        if settings.loops is not None:
            self.writer.emit("calibrated", loops=settings.loops, seconds=0.0, source="fixed", **self.extra)
            return settings.loops
        loops = 1
        while True:
            _, seconds = self.timed_call(loops)
            if seconds >= settings.sample_time:
                # Confirm: a first call often pays one-off costs (cold caches, a child still starting)
                # and would otherwise stop the calibration at far too few loops.
                _, seconds = self.timed_call(loops)
            if seconds >= settings.sample_time or loops >= MAX_LOOPS:
                break
            growth = MAX_GROWTH if seconds <= 0 else min(MAX_GROWTH, max(2.0, 1.1 * settings.sample_time / seconds))
            loops = min(MAX_LOOPS, int(math.ceil(loops * growth)))
        self.writer.emit("calibrated", loops=loops, seconds=seconds, source="calibrated", **self.extra)
        return loops

    def sample(self, loops, warmup, index):
        result, seconds = self.timed_call(loops)
        metrics = [metric("time", "s", seconds / loops), metric("batch_time", "s", seconds),
                   metric("loops", "count", loops)]
        metrics.extend(self.bench.metrics(result, loops, seconds))
        self.writer.emit("sample", warmup=warmup, index=index, loops=loops, metrics=metrics)
        for component, component_metrics in self.bench.components(result):
            self.writer.emit("component", warmup=warmup, index=index, component=component,
                             metrics=component_metrics)
        return seconds

    def run(self, settings, loopable):
        loops = self.calibrate(settings, loopable)
        for index in range(settings.warmups):
            self.sample(loops, True, index)
        measured = 0.0
        count = 0
        while count < settings.max_repetitions and (count < settings.repetitions or measured < settings.min_time):
            measured += self.sample(loops, False, count)
            count += 1
        return count
