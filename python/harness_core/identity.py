"""Who is running: the interpreter's identity and the versions of the optional packages, for `hello`.
Nothing here imports numpy or torch: the hello must not pay (or pre-pay) what a workload measures."""

import os
import platform
import sys
import sysconfig

OPTIONAL_PACKAGES = ("numpy", "torch")

# sys.flags is a struct sequence; these are its sequence helpers, not flags.
_NOT_FLAGS = ("count", "index", "n_fields", "n_sequence_fields", "n_unnamed_fields")


def python_identity():
    impl = sys.implementation
    free_threaded = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
    gil_check = getattr(sys, "_is_gil_enabled", None)
    base_prefix = getattr(sys, "base_prefix", sys.prefix)
    return {
        "implementation": impl.name,
        "version": platform.python_version(),
        "version_info": [sys.version_info[0], sys.version_info[1], sys.version_info[2],
                         sys.version_info[3], sys.version_info[4]],
        "executable": sys.executable,
        "prefix": sys.prefix,
        "base_prefix": base_prefix,
        "in_venv": sys.prefix != base_prefix,
        "cache_tag": impl.cache_tag,
        "compiler": platform.python_compiler(),
        "build": "debug" if hasattr(sys, "gettotalrefcount") else "release",
        "free_threaded": free_threaded,
        "gil_enabled": bool(gil_check()) if gil_check is not None else True,
        "jit": jit_enabled(),
        "jit_available": jit_available(),
        "flags": interpreter_flags(),
        "hash_seed": hash_seed(),
        "platform": sys.platform,
        "machine": platform.machine(),
        "byteorder": sys.byteorder,
    }


def interpreter_flags():
    flags = {}
    for name in dir(sys.flags):
        if name.startswith("_") or name in _NOT_FLAGS:
            continue
        value = getattr(sys.flags, name)
        flags[name] = value if isinstance(value, (bool, int)) else str(value)
    return flags


def hash_seed():
    """The PYTHONHASHSEED in effect: "random" unless the environment fixed it (and -E/-I did not make
    the interpreter ignore the environment)."""
    if sys.flags.ignore_environment:
        return "random"
    seed = os.environ.get("PYTHONHASHSEED", "random")
    return seed if seed else "random"


def jit_enabled():
    """Whether a JIT compiles this process's Python code, where that can be told without side effects."""
    if sys.implementation.name == "pypy":
        try:
            import pypyjit  # noqa: F401  (present only in PyPy builds with the JIT)
            return True
        except ImportError:
            return False
    jit = getattr(sys, "_jit", None)  # 3.14+
    if jit is not None and hasattr(jit, "is_enabled"):
        return bool(jit.is_enabled())
    mode = _experimental_jit_mode()
    env = "" if sys.flags.ignore_environment else os.environ.get("PYTHON_JIT", "")
    if mode == "yes":
        return env != "0"
    if mode == "yes-off":
        return env == "1"
    return False  # "interpreter" is the tier-2 interpreter, not a JIT; "no" or None is none


def jit_available():
    """Whether this CPython was built with a JIT that PYTHON_JIT switches (False for PyPy, whose JIT is
    its own and always built in)."""
    if sys.implementation.name != "cpython":
        return False
    jit = getattr(sys, "_jit", None)  # 3.14+
    if jit is not None and hasattr(jit, "is_available"):
        return bool(jit.is_available())
    return _experimental_jit_mode() in ("yes", "yes-off")


def _experimental_jit_mode():
    """3.13's experimental JIT: built in with --enable-experimental-jit[=yes|yes-off|interpreter|no]; None
    when configure was not given the option."""
    config = sysconfig.get_config_var("CONFIG_ARGS") or ""
    for arg in config.replace("'", " ").split():
        if arg.startswith("--enable-experimental-jit"):
            return arg.partition("=")[2] or "yes"
    return None


def package_versions():
    return dict((name, package_version(name)) for name in OPTIONAL_PACKAGES)


def package_version(name):
    """The installed version of a distribution, "" when absent, read from its metadata, not by import."""
    try:
        from importlib import metadata  # 3.8+
    except ImportError:
        return _version_from_sys_path(name)
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return ""
    except Exception:  # broken metadata must not stop the harness: fall back to the directory scan
        return _version_from_sys_path(name)


def _version_from_sys_path(name):
    """3.6/3.7 have no importlib.metadata: look for NAME-VERSION.dist-info / .egg-info on sys.path."""
    prefix = name.lower() + "-"
    for entry in sys.path:
        try:
            listing = os.listdir(entry or ".")
        except OSError:
            continue
        for item in sorted(listing):
            lowered = item.lower()
            if lowered.startswith(prefix) and lowered.endswith((".dist-info", ".egg-info")):
                stem = item[len(prefix):].rsplit(".", 1)[0]
                return stem.split("-py")[0]  # egg-info names carry "-py3.x"
    return ""
