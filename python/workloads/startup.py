"""Start-up workloads: the -X importtime breakdown of importing some modules in a fresh interpreter,
the cost of spawning and reaping a child process from Python, and a pipe round trip to a child.
subprocess is imported when a Bench is built, not with this module."""

import os
import re
import shutil
import sys

from harness_core.identity import OPTIONAL_PACKAGES
from harness_core.params import Choice, Int, ModuleList
from harness_core.workload import Bench, ParamError, Skip, Workload, WrongResult, metric

CATEGORY = "startup"


def interpreter_flag_args(own_x_options=("importtime",)):
    """The command-line flags that reproduce this interpreter's configuration in a child, read back from
    sys.flags, sys._xoptions and sys.warnoptions (the original argv is not kept by Python)."""
    flags = sys.flags
    args = []
    if flags.isolated:
        args.append("-I")  # implies -E and -s
    else:
        if flags.ignore_environment:
            args.append("-E")
        if flags.no_user_site:
            args.append("-s")
        if getattr(flags, "safe_path", False):
            args.append("-P")
    if flags.no_site:
        args.append("-S")
    if flags.optimize:
        args.append("-" + "O" * flags.optimize)
    if flags.dont_write_bytecode:
        args.append("-B")
    if flags.bytes_warning:
        args.append("-" + "b" * flags.bytes_warning)
    for option in sys.warnoptions:
        args.extend(["-W", option])
    for key, value in getattr(sys, "_xoptions", {}).items():
        if key in own_x_options:
            continue  # the workload adds its own
        args.extend(["-X", key if value is True else "%s=%s" % (key, value)])
    return args


# "import time:       123 |        456 |   json.decoder" (the indent after the bar shows the nesting)
_IMPORT_LINE = re.compile(r"^import time:\s*(\d+)\s*\|\s*(\d+)\s*\|( *)(\S+)\s*$")


def parse_importtime(stderr_text):
    """[(module, self_us, cumulative_us, depth)] in the order Python reported them."""
    rows = []
    for line in stderr_text.splitlines():
        match = _IMPORT_LINE.match(line)
        if match:
            self_us, cumulative_us, indent, module = match.groups()
            rows.append((module, int(self_us), int(cumulative_us), max(0, (len(indent) - 1) // 2)))
    return rows


def skip_missing_optional_packages(modules):
    """The optional packages (numpy, torch) among `modules`' top-level names; Skip, as a workload that
    requires one does, where one is not installed: `modules=numpy` then skips cleanly without numpy
    instead of failing like a misspelt module."""
    import importlib.util
    optional = sorted(set(m.split(".")[0] for m in modules) & set(OPTIONAL_PACKAGES))
    for name in optional:
        if importlib.util.find_spec(name) is None:
            raise Skip("%s is not importable: No module named %r" % (name, name))
    return optional


class ImportTime(Bench):
    def __init__(self, params):
        if sys.implementation.name != "cpython":
            raise Skip("-X importtime is CPython's (this is %s)" % sys.implementation.name)
        if sys.version_info < (3, 7):
            raise Skip("-X importtime needs Python 3.7+ (this is %s)" % sys.version.split()[0])
        import subprocess
        self.subprocess = subprocess
        self.modules = params["modules"]
        self.argv = ([sys.executable] + interpreter_flag_args()
                     + ["-X", "importtime", "-c", "import " + ", ".join(self.modules)])
        optional = skip_missing_optional_packages(self.modules)
        returncode, stderr_text = self._spawn()
        if returncode != 0:
            last = stderr_text.strip().splitlines()[-1:] or ["exit status %d" % returncode]
            if optional and "ImportError" in last[0]:  # installed but cannot load here (PyPy, a broken wheel)
                raise Skip("%s is not importable: %s" % (", ".join(optional), last[0]))
            raise ParamError("parameter 'modules': importing %s failed: %s" % (", ".join(self.modules), last[0]))
        if not parse_importtime(stderr_text):
            raise Skip("this interpreter reported nothing for -X importtime")

    def _spawn(self):
        child = self.subprocess.Popen(self.argv, stdin=self.subprocess.DEVNULL, stdout=self.subprocess.DEVNULL,
                                      stderr=self.subprocess.PIPE)
        _, stderr_bytes = child.communicate()
        return child.returncode, stderr_bytes.decode("utf-8", "replace")

    def run(self, loops):
        return self._spawn()

    def verify(self, result):
        returncode, stderr_text = result
        if returncode != 0:
            raise WrongResult("the importing child exited with %d: %s" % (returncode, stderr_text.strip()[-500:]))
        rows = parse_importtime(stderr_text)
        seen = set(row[0] for row in rows)
        # Modules built into the interpreter binary are set up before -X importtime starts timing.
        missing = [m for m in self.modules if m not in seen and m not in sys.builtin_module_names]
        if missing:
            raise WrongResult("-X importtime reported no import of %s" % ", ".join(missing))
        for module, self_us, cumulative_us, _ in rows:
            if cumulative_us < self_us:
                raise WrongResult("-X importtime: %s has cumulative %d us below its own %d us"
                                  % (module, cumulative_us, self_us))
        self.rows = rows

    def metrics(self, result, loops, seconds):
        return [metric("import_total", "s", sum(row[1] for row in self.rows) * 1e-6),
                metric("import_count", "count", len(self.rows))]

    def components(self, result):
        return [(module, [metric("import_self", "s", self_us * 1e-6),
                          metric("import_cumulative", "s", cumulative_us * 1e-6),
                          metric("depth", "count", depth)])
                for module, self_us, cumulative_us, depth in self.rows]


class SubprocessSpawn(Bench):
    def __init__(self, params):
        import subprocess
        self.subprocess = subprocess
        self.program = params["program"]
        if self.program == "true":
            path = shutil.which("true")
            if path is None:
                raise Skip("no 'true' program on PATH")
            self.argv = [path]
        else:  # a Python child with no site, isolated: the interpreter's own start-up
            self.argv = [sys.executable, "-I", "-S", "-c", "pass"]
        self.devnull = open(os.devnull, "r+b")

    def run(self, loops):
        failures = 0
        popen, null = self.subprocess.Popen, self.devnull
        for _ in range(loops):
            if popen(self.argv, stdin=null, stdout=null, stderr=null).wait() != 0:
                failures += 1
        return failures

    def verify(self, failures):
        if failures:
            raise WrongResult("%d spawns of %s exited with a non-zero status" % (failures, self.argv[0]))

    def metrics(self, result, loops, seconds):
        return [metric("spawns_per_s", "1/s", loops / seconds)]

    def close(self):
        self.devnull.close()


# The child copies stdin to stdout in whatever chunks arrive, until EOF.
_ECHO_PROGRAM = """
import os
while True:
    data = os.read(0, 65536)
    if not data:
        break
    view = memoryview(data)
    while view:
        view = view[os.write(1, view):]
"""


class PipeRoundTrip(Bench):
    def __init__(self, params):
        import subprocess
        self.size = params["size"]
        self.child = subprocess.Popen([sys.executable, "-I", "-S", "-c", _ECHO_PROGRAM],
                                      stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0)
        self.to_child = self.child.stdin.fileno()
        self.from_child = self.child.stdout.fileno()
        self.counter = 0
        # One round trip before timing: it waits for the child interpreter to have started.
        message = self._message()
        if self._round_trip(message) != message:
            raise WrongResult("the first round trip came back different")

    def _message(self):
        self.counter += 1
        stamp = b"%020d" % self.counter
        return (stamp * (self.size // len(stamp) + 1))[:self.size]

    def _round_trip(self, message):
        view = memoryview(message)
        while view:
            view = view[os.write(self.to_child, view):]
        chunks = []
        got = 0
        while got < self.size:
            chunk = os.read(self.from_child, self.size - got)
            if not chunk:
                raise RuntimeError("the echo child closed its output (exit status %r)" % self.child.poll())
            chunks.append(chunk)
            got += len(chunk)
        return b"".join(chunks)

    def run(self, loops):
        mismatches = 0
        for _ in range(loops):
            message = self._message()
            if self._round_trip(message) != message:
                mismatches += 1
        return mismatches, loops

    def verify(self, result):
        mismatches, loops = result
        if mismatches:
            raise WrongResult("%d of %d round trips came back different" % (mismatches, loops))

    def metrics(self, result, loops, seconds):
        return [metric("bytes_per_s", "B/s", 2.0 * self.size * loops / seconds)]

    def close(self):
        self.child.stdin.close()
        self.child.stdout.close()
        self.child.wait()


class Bytecode(Bench):
    """Start a child that imports some modules with its bytecode cache under -X pycache_prefix (3.8+), so
    the cache can be chosen per sample: cold (an empty prefix: every module is compiled from source and
    its .pyc written) or warm (a prefix primed once before timing: every module loads from its .pyc).
    -X pycache_prefix rather than PYTHONPYCACHEPREFIX: the variable is ignored under -I and -E."""

    def __init__(self, params):
        if sys.version_info < (3, 8):
            raise Skip("-X pycache_prefix needs Python 3.8+ (this is %s)" % sys.version.split()[0])
        if sys.implementation.name != "cpython":
            raise Skip("-X pycache_prefix is CPython's (this is %s)" % sys.implementation.name)
        import subprocess
        import tempfile
        self.subprocess = subprocess
        self.cache = params["cache"]
        self.modules = params["modules"]
        self.root = tempfile.mkdtemp(prefix="perfmatrix-pycache-")
        self.prefix = None
        self.serial = 0
        # The child must write bytecode, whatever this interpreter was told (-B, PYTHONDONTWRITEBYTECODE):
        # writing it, into a prefix of our own rather than beside the sources, is what is measured.
        self.flags = [a for a in interpreter_flag_args(own_x_options=("importtime", "pycache_prefix")) if a != "-B"]
        self.env = dict(os.environ)
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)
        if self.cache == "warm":
            self.prefix = self._new_prefix()
            returncode, stderr_text = self._spawn(self.prefix)
            if returncode != 0:
                raise ParamError("parameter 'modules': importing %s failed: %s"
                                 % (", ".join(self.modules), stderr_text.strip()[-300:]))
            self.primed = self._cached_files(self.prefix)
            if not self.primed:
                raise WrongResult("priming wrote no .pyc under %s" % self.prefix)

    def _new_prefix(self):
        self.serial += 1
        path = os.path.join(self.root, "prefix-%d" % self.serial)
        os.mkdir(path)
        return path

    def _argv(self, prefix):
        return ([sys.executable] + self.flags + ["-X", "pycache_prefix=" + prefix,
                                                 "-c", "import " + ", ".join(self.modules)])

    def _spawn(self, prefix):
        child = self.subprocess.Popen(self._argv(prefix), stdin=self.subprocess.DEVNULL, env=self.env,
                                      stdout=self.subprocess.DEVNULL, stderr=self.subprocess.PIPE)
        _, stderr_bytes = child.communicate()
        return child.returncode, stderr_bytes.decode("utf-8", "replace")

    @staticmethod
    def _cached_files(prefix):
        """{path: (size, mtime_ns)} of the .pyc files under prefix."""
        found = {}
        for directory, _, files in os.walk(prefix):
            for name in files:
                if name.endswith(".pyc"):
                    path = os.path.join(directory, name)
                    st = os.stat(path)
                    found[path] = (st.st_size, st.st_mtime_ns)
        return found

    def prepare(self):
        if self.cache == "cold":  # a fresh, empty cache per sample, made and removed outside the timing
            if self.prefix is not None:
                shutil.rmtree(self.prefix, ignore_errors=True)
            self.prefix = self._new_prefix()

    def run(self, loops):
        return self._spawn(self.prefix)

    def verify(self, result):
        returncode, stderr_text = result
        if returncode != 0:
            raise WrongResult("the importing child exited with %d: %s" % (returncode, stderr_text.strip()[-500:]))
        cached = self._cached_files(self.prefix)
        if self.cache == "cold":
            # Every module compiled from source leaves its .pyc: none written means the cache was not used.
            if not cached:
                raise WrongResult("a cold import wrote no .pyc under %s: the prefix was not used" % self.prefix)
        elif cached != self.primed:
            changed = sorted(set(cached) ^ set(self.primed)) or sorted(
                p for p in cached if cached[p] != self.primed.get(p))
            raise WrongResult("a warm import rewrote its cache (%d files, e.g. %s): it compiled instead of loading"
                              % (len(changed), changed[0]))
        self.pyc_files = len(cached)

    def metrics(self, result, loops, seconds):
        return [metric("pyc_files", "count", self.pyc_files)]

    def close(self):
        shutil.rmtree(self.root, ignore_errors=True)


WORKLOADS = [
    Workload("importtime", "-X importtime breakdown of importing modules in a fresh interpreter "
             "(started with this interpreter's flags)", ImportTime,
             params=[ModuleList("modules", "json,re,collections,typing,asyncio,decimal",
                                "comma-separated modules to import")],
             loopable=False),
    Workload("subprocess_spawn", "subprocess.Popen + wait of a trivial child", SubprocessSpawn,
             params=[Choice("program", "true", "the child: 'true' (the true program) or 'python' "
                            "(this interpreter with -I -S -c pass)", ["true", "python"])]),
    Workload("bytecode", "a fresh interpreter importing modules with a cold (empty) or warm (primed) bytecode "
             "cache, chosen with -X pycache_prefix", Bytecode,
             params=[Choice("cache", "cold", "'cold': an empty cache per sample (compile and write every .pyc); "
                            "'warm': a cache primed before timing", ["cold", "warm"]),
                     ModuleList("modules", "json,asyncio,argparse,email.message,http.client,dataclasses,decimal",
                                "comma-separated modules to import")],
             loopable=False),
    Workload("pipe_roundtrip", "write a message to a child through a pipe and read its echo back",
             PipeRoundTrip,
             # A message must fit the pipe buffer (64 KiB on Linux): writing more before reading back
             # could deadlock with the child blocked on a full output pipe.
             params=[Int("size", 4096, "message size in bytes", maximum=65536)]),
]
