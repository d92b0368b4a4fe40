"""`--expect KEY=VALUE`: settings perfmatrix made for this run from outside (PYTHONMALLOC, LD_PRELOAD,
PYTHON_JIT), checked from inside before any sample counts. A setting the interpreter cannot have
(PyPy has no pymalloc; a build without a JIT) ends the run `skip`; one it should have but does not
(a preloaded library that is missing, a variable the interpreter ignored) ends it `error`."""

import os

from .allocators import native_malloc, python_allocator
from .workload import ParamError, Skip

# KEY: its values. allocator: PYTHONMALLOC's; malloc: the C library's (preloaded); jit: PYTHON_JIT=1/0.
EXPECTABLE = {
    "allocator": ("pymalloc", "malloc", "debug", "mimalloc"),
    "malloc": ("glibc", "jemalloc", "tcmalloc"),
    "jit": ("on", "off"),
}


def parse_expectations(pairs):
    """{key: value} from --expect KEY=VALUE options; ParamError for a bad one."""
    expected = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or key not in EXPECTABLE:
            raise ParamError("--expect: expected KEY=VALUE with KEY one of %s, got %r"
                             % (", ".join(sorted(EXPECTABLE)), pair))
        allowed = EXPECTABLE[key]
        if value not in allowed:
            raise ParamError("--expect %s: expected one of %s, got %r" % (key, ", ".join(allowed), value))
        if key in expected:
            raise ParamError("--expect %s: given twice" % key)
        expected[key] = value
    return expected


def expectations_check(pairs, identity):
    """Parses the --expect options and adds what they ask about to `identity` (for the hello). Returns
    the check to run before the workload: it raises the parse error, Skip or ParamError."""
    try:
        expected = parse_expectations(pairs)
    except ParamError as exc:
        problem = exc

        def report():
            raise problem
        return report
    observe(expected, identity)
    return lambda: check_expectations(expected, identity)


def observe(expected, identity):
    """Adds to the hello's identity what only a case that asks is told (it imports ctypes)."""
    for key, look in (("allocator", python_allocator), ("malloc", native_malloc)):
        if key in expected:
            try:
                identity[key] = look()
            except Exception as exc:  # ctypes missing or refusing: the check then fails, naming why
                identity[key] = "unknown (%s: %s)" % (type(exc).__name__, exc)


def check_expectations(expected, identity):
    """Raises Skip or ParamError when the process is not what the case asked for."""
    for key in sorted(expected):
        _CHECKS[key](expected[key], identity)


def _check_allocator(wanted, identity):
    active = identity["allocator"]
    if not active:
        raise Skip("PYTHONMALLOC=%s does not apply to %s: it has no pymalloc (its garbage collector allocates "
                   "objects)" % (wanted, identity["implementation"]))
    if active == wanted or (wanted == "debug" and active.endswith("_debug")):
        return
    raise ParamError("PYTHONMALLOC=%s was set but the object allocator is %s (under -I or -E Python ignores "
                     "PYTHONMALLOC)" % (wanted, active))


def _check_malloc(wanted, identity):
    active = identity["malloc"]
    if active == wanted:
        return
    preload = os.environ.get("LD_PRELOAD", "")
    raise ParamError("allocator %r requested but malloc comes from %s (LD_PRELOAD=%s)%s"
                     % (wanted, active, preload or "unset",
                        "" if wanted == "glibc" else "; is lib%s installed?" % wanted))


def _check_jit(wanted, identity):
    if identity["implementation"] != "cpython" or not identity["jit_available"]:
        raise Skip("PYTHON_JIT=%s: this %s build has no JIT to switch (%s)"
                   % ("1" if wanted == "on" else "0", identity["implementation"], _no_jit_reason(identity)))
    if identity["jit"] != (wanted == "on"):
        raise ParamError("PYTHON_JIT=%s was set but the JIT is %s (under -I or -E Python ignores PYTHON_JIT)"
                         % ("1" if wanted == "on" else "0", "on" if identity["jit"] else "off"))


def _no_jit_reason(identity):
    if identity["implementation"] == "pypy":
        return "PYTHON_JIT is CPython's; PyPy's JIT is switched with its own --jit option"
    return "CPython builds one with --enable-experimental-jit, 3.13+, which needs LLVM at build time"


_CHECKS = {"allocator": _check_allocator, "malloc": _check_malloc, "jit": _check_jit}
