"""Command line of the harness and the outcome of a run: exactly one terminal event on the protocol fd.

Exit status: 0 after `done` or `skip`, 1 after `wrong_result` or `error`, 2 for a command line that
names no usable fd (nothing could be reported). The terminal event, not the status, is the outcome."""

import argparse
import importlib.util
import json
import math
import sys
import traceback

from . import HARNESS_VERSION, PROTOCOL_VERSION
from .expectations import expectations_check
from .identity import package_versions, python_identity
from .params import resolve
from .protocol import ProtocolWriter
from .registry import all_workloads, find_workload
from .sampling import Sampler, Settings
from .workload import ParamError, Skip, WrongResult


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse would print usage and exit; the fd must hear about it first
        raise UsageError(message)


def build_parser():
    parser = _Parser(prog="harness.py", description="perfmatrix Python harness (see python/README.md)")
    parser.add_argument("--list", action="store_true", help="print the workloads as JSON and exit")
    parser.add_argument("--workload", help="the workload to run")
    parser.add_argument("--fd", help="inherited, open fd to write the protocol to")
    parser.add_argument("--warmups", default="1")
    parser.add_argument("--repetitions", default="10")
    parser.add_argument("--min-time", default="0")
    parser.add_argument("--max-repetitions", default="10000")
    parser.add_argument("--sample-time", default="0.1")
    parser.add_argument("--loops", default=None)
    parser.add_argument("--param", action="append", default=[], metavar="KEY=VALUE")
    parser.add_argument("--expect", action="append", default=[], metavar="KEY=VALUE",
                        help="a setting made from outside to check first: allocator, malloc, jit")
    return parser


def _int_option(name, text, minimum):
    try:
        value = int(text)
    except ValueError:
        value = None
    if value is None or value < minimum:
        raise ParamError("%s: expected an integer >= %d, got %r" % (name, minimum, text))
    return value


def _seconds_option(name, text, positive):
    try:
        value = float(text)
    except ValueError:
        value = None
    if value is None or not math.isfinite(value) or value < 0 or (positive and value == 0):
        relation = ">" if positive else ">="
        raise ParamError("%s: expected a finite number of seconds %s 0, got %r" % (name, relation, text))
    return value


def settings_from(args):
    settings = Settings(
        warmups=_int_option("--warmups", args.warmups, 0),
        repetitions=_int_option("--repetitions", args.repetitions, 1),
        min_time=_seconds_option("--min-time", args.min_time, positive=False),
        max_repetitions=_int_option("--max-repetitions", args.max_repetitions, 1),
        sample_time=_seconds_option("--sample-time", args.sample_time, positive=True),
        loops=None if args.loops is None else _int_option("--loops", args.loops, 1),
    )
    if settings.max_repetitions < settings.repetitions:
        raise ParamError("--max-repetitions: expected an integer >= --repetitions (%d), got %d"
                         % (settings.repetitions, settings.max_repetitions))
    return settings


def given_params(pairs):
    given = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise ParamError("--param: expected KEY=VALUE, got %r" % pair)
        if key in given:
            raise ParamError("parameter '%s': given twice" % key)
        given[key] = value
    return given


def check_requirements(requires):
    """Skip when a required package is not installed. Found without importing it: the workload imports
    it itself, after it has set what must be set first (such as BLAS thread counts)."""
    for name in requires:
        if importlib.util.find_spec(name) is None:
            raise Skip("%s is not importable: No module named %r" % (name, name))


def run_workload(args, writer, expectations=lambda: None):
    """Everything after `hello`; returns the exit status and leaves exactly one terminal event."""
    try:
        settings = settings_from(args)
        expectations()
        workload = find_workload(args.workload)
        if workload is None:
            known = ", ".join(w.name for w in all_workloads())
            raise ParamError("--workload: unknown workload %r (known: %s)" % (args.workload, known))
        values = resolve(workload.params, given_params(args.param))
        check_requirements(workload.requires)
        bench = workload.setup(values)
        try:
            Sampler(bench, writer, category=workload.category).run(settings, workload.loopable)
        except BaseException:
            _close_quietly(bench)  # a failure while closing must not hide the one that got us here
            raise
        bench.close()
    except Skip as exc:
        writer.emit("skip", reason=str(exc))
        return 0
    except WrongResult as exc:
        writer.emit("wrong_result", reason=str(exc))
        return 1
    except ParamError as exc:
        writer.emit("error", reason=str(exc))
        return 1
    except (Exception, KeyboardInterrupt):
        writer.emit("error", reason=traceback.format_exc())
        return 1
    writer.emit("done")
    return 0


def _close_quietly(bench):
    try:
        bench.close()
    except Exception:
        traceback.print_exc()


def _fd_from(argv):
    """The --fd value of a command line argparse rejected, so that the rejection can still be reported."""
    for i, arg in enumerate(argv):
        if arg == "--fd" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--fd="):
            return arg[len("--fd="):]
    return None


def _open_writer(fd_text):
    try:
        fd = int(fd_text)
        return ProtocolWriter.open_fd(fd) if fd >= 0 else None
    except (TypeError, ValueError, OSError):
        return None


def _hello(writer, identity=None):
    writer.emit("hello", protocol=PROTOCOL_VERSION, harness=HARNESS_VERSION, python=identity or python_identity(),
                packages=package_versions())


def list_workloads():
    document = {"harness": HARNESS_VERSION, "workloads": [w.describe() for w in all_workloads()]}
    sys.stdout.write(json.dumps(document, indent=1) + "\n")
    return 0


def main(argv):
    try:
        args = build_parser().parse_args(argv)
        if not args.list and (args.workload is None or args.fd is None):
            raise UsageError("--workload and --fd are required (or --list)")
    except UsageError as exc:
        sys.stderr.write("harness.py: %s\n" % exc)
        writer = _open_writer(_fd_from(argv))
        if writer is not None:
            _hello(writer)
            writer.emit("error", reason="command line: %s" % exc)
            writer.close()
            return 1
        return 2
    if args.list:
        return list_workloads()
    writer = _open_writer(args.fd)
    if writer is None:
        sys.stderr.write("harness.py: --fd %s is not an open file descriptor\n" % args.fd)
        return 2
    try:
        identity = python_identity()
        expectations = expectations_check(args.expect, identity)
        _hello(writer, identity)
        return run_workload(args, writer, expectations)
    finally:
        writer.close()
