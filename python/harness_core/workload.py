"""What a workload is: its description (Workload), the object that runs it (Bench), and the outcomes a
workload can raise instead of returning (Skip, WrongResult, ParamError)."""


class Skip(Exception):
    """The workload cannot run on this interpreter (a missing package or feature); ends with `skip`."""


class WrongResult(Exception):
    """The workload's own check of its result failed; ends with `wrong_result`."""


class ParamError(Exception):
    """A bad workload parameter or harness option; ends with `error`. The message names the parameter."""


def metric(name, unit, value):
    """One entry of a sample's or component's `metrics` list."""
    return {"name": name, "unit": unit, "value": value}


class Bench(object):
    """Runs one workload with its parameters already validated. The harness calls, per sample:
    prepare() (untimed), run(loops) (timed), verify(result) (untimed, raises WrongResult), then
    metrics() and components() to report it; close() once at the end."""

    # Most workloads leave the cyclic GC on: the programs they stand for run with it on, and its cost
    # is part of what allocation-heavy code pays. A workload that measures gc.collect() itself turns
    # it off from prepare() through run() so that an automatic collection cannot take the garbage first.
    disable_gc = False

    def prepare(self):
        pass

    def run(self, loops):
        raise NotImplementedError

    def verify(self, result):
        pass

    def metrics(self, result, loops, seconds):
        """Workload-specific metrics for this sample, beside the harness's time/batch_time/loops."""
        return []

    def components(self, result):
        """(component name, metrics) pairs reported as `component` events after the sample."""
        return []

    def environment(self):
        """What produced this workload's numbers beyond the interpreter (e.g. the BLAS numpy loaded), as
        {key: text}; sent once with `calibrated` and recorded in the case's environment as workload.<key>."""
        return {}

    def close(self):
        pass


class Workload(object):
    """A named workload: `setup(params)` builds its Bench from the validated parameters (a dict)."""

    def __init__(self, name, summary, setup, params=(), requires=(), loopable=True):
        self.name = name
        self.summary = summary
        self.setup = setup
        self.params = list(params)
        self.requires = list(requires)
        # Not loopable: one call is one sample (each call is long, or it measures a one-off event
        # such as a process start), so the harness never calibrates it and loops stays 1.
        self.loopable = loopable
        self.category = ""  # set by the registry from the module that declares it

    def describe(self):
        return {
            "name": self.name,
            "category": self.category,
            "summary": self.summary,
            "requires": list(self.requires),
            "loopable": self.loopable,
            "params": [p.describe() for p in self.params],
        }


def import_required(name):
    """Import a package a workload requires; a failing import (a broken install, a missing shared
    library) ends the workload with `skip` and the import's own words."""
    import importlib
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        raise Skip("%s is not importable: %s" % (name, exc)) from exc
