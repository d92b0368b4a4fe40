"""Import machinery beyond the bytecode cache: lazy against eager import (importlib.util.LazyLoader),
re-importing a module already in sys.modules, and re-running a module's initialisation
(importlib.reload).

lazy_import runs in a child interpreter per sample, which times its own import and first use:
removing modules from sys.modules would not give a fresh state (their dependencies stay loaded,
extension modules stay initialised, the finders' directory caches stay warm), while a new
interpreter has imported none of them."""

import ast
import os
import sys

from harness_core.params import Choice, Int, ModuleList
from harness_core.workload import Bench, ParamError, Skip, Workload, WrongResult, metric
from workloads.startup import interpreter_flag_args

CATEGORY = "startup"


# --- lazy against eager import, in a fresh interpreter ----------------------------------------------

# The child: imports MODULES eagerly or through LazyLoader, then uses the first USED of them (one
# attribute read each), timing both phases, and prints a repr of what it saw (repr, not json: the
# report must not import anything a job might list).
_LAZY_CHILD = r"""
import importlib, importlib.util, sys, time, types
MODULES, MODE, USED = %r, %r, %d

def lazy(name):
    spec = importlib.util.find_spec(name)  # imports the parents of a dotted name, as an import would
    if spec is None:
        raise ImportError("No module named %%r" %% name, name=name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    parent, _, child = name.rpartition(".")
    if parent:  # as the import system does, so that `import a.b; a.b.x` works in code run later
        setattr(sys.modules[parent], child, module)
    return module

fresh = [name not in sys.modules for name in MODULES]
before = len(sys.modules)
load = lazy if MODE == "lazy" else importlib.import_module
t0 = time.perf_counter()
modules = [load(name) for name in MODULES]
t1 = time.perf_counter()
deferred = [type(m) is not types.ModuleType for m in modules]  # a _LazyModule until first touched
for m in modules[:USED]:
    getattr(m, "__doc__")  # the first attribute read runs a lazy module's code
t2 = time.perf_counter()

def executed(m):
    # Read the dict past _LazyModule.__getattribute__, which would run the module; before its code
    # ran, a module's dict holds only what the import system put there (dunder names).
    names = object.__getattribute__(m, "__dict__")
    return type(m) is types.ModuleType and any(not n.startswith("__") for n in names)

executed = [executed(m) for m in modules]
print(repr({"fresh": fresh, "deferred": deferred, "executed": executed, "import": t1 - t0,
            "use": t2 - t1, "added": len(sys.modules) - before}))
"""


class LazyImport(Bench):
    def __init__(self, params):
        import subprocess
        self.subprocess = subprocess
        self.mode = params["mode"]
        self.modules = params["modules"]
        self.used = len(self.modules) if params["use"] == "all" else 0
        code = _LAZY_CHILD % (self.modules, self.mode, self.used)
        self.argv = [sys.executable] + interpreter_flag_args() + ["-c", code]
        returncode, out, err = self._spawn()
        if returncode != 0:
            last = err.strip().splitlines()[-1:] or ["exit status %d" % returncode]
            raise ParamError("parameter 'modules': importing %s failed: %s" % (", ".join(self.modules), last[0]))

    def _spawn(self):
        child = self.subprocess.Popen(self.argv, stdin=self.subprocess.DEVNULL, stdout=self.subprocess.PIPE,
                                      stderr=self.subprocess.PIPE)
        out, err = child.communicate()
        return child.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace")

    def run(self, loops):
        return self._spawn()

    def verify(self, result):
        returncode, out, err = result
        if returncode != 0:
            raise WrongResult("the importing child exited with %d: %s" % (returncode, err.strip()[-500:]))
        try:
            report = ast.literal_eval(out.strip().splitlines()[-1])
        except (ValueError, SyntaxError, IndexError):
            raise WrongResult("the importing child printed no report: %r" % out[-200:]) from None
        stale = [m for m, fresh in zip(self.modules, report["fresh"]) if not fresh]
        if stale:
            raise WrongResult("%s already imported when the child started: not a fresh state" % ", ".join(stale))
        # Lazy: nothing ran at import; eager: everything did. After use, exactly the used ones ran
        # (lazy), or all of them (eager).
        want_deferred = [self.mode == "lazy"] * len(self.modules)
        want_executed = [self.mode == "eager" or i < self.used for i in range(len(self.modules))]
        if report["deferred"] != want_deferred:
            raise WrongResult("%s import: modules deferred %r, expected %r"
                              % (self.mode, report["deferred"], want_deferred))
        if report["executed"] != want_executed:
            raise WrongResult("%s import, %d used: modules executed %r, expected %r"
                              % (self.mode, self.used, report["executed"], want_executed))
        if not (report["import"] >= 0 and report["use"] >= 0):
            raise WrongResult("negative phase times: %r" % report)
        self.report = report

    def metrics(self, result, loops, seconds):
        report = self.report
        return [metric("import_time", "s", report["import"]), metric("first_use_time", "s", report["use"]),
                metric("import_and_use_time", "s", report["import"] + report["use"]),
                metric("modules_added", "count", report["added"])]


# --- import of a module already in sys.modules ----------------------------------------------------

class Reimport(Bench):
    """`import a, b.c` (the statement, through builtins.__import__'s fast path) or
    importlib.import_module for modules already loaded: the cost of the sys.modules cache hit."""

    def __init__(self, params):
        import importlib
        self.modules = params["modules"]
        self.via = params["via"]
        for name in self.modules:
            try:
                importlib.import_module(name)  # loaded once, untimed: every timed import is a cache hit
            except ImportError as exc:
                raise ParamError("parameter 'modules': importing %s failed: %s" % (name, exc)) from exc
        self.loaded = len(sys.modules)
        if self.via == "statement":
            self.batch = self._statement_batch()
        else:
            self.batch = self._import_module_batch(importlib.import_module)

    def _statement_batch(self):
        """A function whose loop holds one `import name as _mI` statement per module (names are checked
        by ModuleList, so the generated text is safe)."""
        aliases = ["_m%d" % i for i in range(len(self.modules))]
        lines = ["def batch(loops):", "    for _ in range(loops):"]
        lines += ["        import %s as %s" % (name, alias) for name, alias in zip(self.modules, aliases)]
        lines.append("    return [%s]" % ", ".join(aliases))
        namespace = {}
        exec("\n".join(lines), namespace)  # the names were validated by ModuleList: nothing else is in the text
        return namespace["batch"]

    def _import_module_batch(self, import_module):
        modules = self.modules

        def batch(loops):
            for _ in range(loops):
                found = [import_module(name) for name in modules]
            return found
        return batch

    def run(self, loops):
        return self.batch(loops)

    def verify(self, found):
        for name, module in zip(self.modules, found):
            if module is not sys.modules.get(name):
                raise WrongResult("import of %s gave %r, not the module in sys.modules" % (name, module))
        if len(found) != len(self.modules):
            raise WrongResult("%d modules imported, expected %d" % (len(found), len(self.modules)))
        if len(sys.modules) != self.loaded:
            raise WrongResult("sys.modules went from %d to %d entries: an import was not a cache hit"
                              % (self.loaded, len(sys.modules)))

    def metrics(self, result, loops, seconds):
        return [metric("imports_per_s", "1/s", len(self.modules) * loops / seconds)]


# --- importlib.reload: running a module's code again ------------------------------------------------

def _module_source(defs):
    """A module with `defs` functions and `defs` classes, a table, and a counter of its executions
    (reload keeps the module's dict, so the counter survives and counts)."""
    lines = ["_perfmatrix_execs = globals().get('_perfmatrix_execs', 0) + 1", ""]
    for i in range(defs):
        lines += ["def f%d(x):" % i, "    return x + %d" % i, "",
                  "class C%d(object):" % i, "    size = %d" % i, "", "    def get(self):", "        return %d" % i, ""]
    lines.append("TABLE = {%s}" % ", ".join("'k%d': f%d" % (i, i) for i in range(defs)))
    return "\n".join(lines) + "\n"


class ModuleReload(Bench):
    """importlib.reload of a module generated into a scratch directory: finding its spec again,
    loading its code (from the .pyc the first import wrote, unless bytecode writing is off) and
    executing the module body."""

    def __init__(self, params):
        import importlib
        import tempfile
        self.importlib = importlib
        self.defs = params["defs"]
        self.root = tempfile.mkdtemp(prefix="perfmatrix-reload-")
        self.name = "perfmatrix_reload_%d" % os.getpid()
        with open(os.path.join(self.root, self.name + ".py"), "w") as source:
            source.write(_module_source(self.defs))
        # On sys.path for the Bench's life: reload finds the module again through it.
        sys.path.insert(0, self.root)
        self.module = importlib.import_module(self.name)
        cached = getattr(self.module, "__cached__", None)
        self.from_pyc = 1 if cached and os.path.exists(cached) else 0
        self.execs_before = 0

    def prepare(self):
        self.execs_before = self.module._perfmatrix_execs

    def run(self, loops):
        reload, module = self.importlib.reload, self.module
        for _ in range(loops):
            module = reload(module)
        return module, loops

    def verify(self, result):
        module, loops = result
        if module is not self.module:
            raise WrongResult("reload returned another module object")
        execs = module._perfmatrix_execs - self.execs_before
        if execs != loops:
            raise WrongResult("the module body ran %d times in %d reloads" % (execs, loops))
        last = self.defs - 1
        if last >= 0 and (module.TABLE["k%d" % last](1) != 1 + last or module.C0().get() != 0):
            raise WrongResult("the reloaded module's functions give wrong values")

    def metrics(self, result, loops, seconds):
        return [metric("reloads_per_s", "1/s", loops / seconds), metric("from_pyc", "count", self.from_pyc)]

    def close(self):
        import shutil
        if self.root in sys.path:
            sys.path.remove(self.root)
        sys.modules.pop(self.name, None)
        shutil.rmtree(self.root, ignore_errors=True)


def _needs_lazy_loader(params):
    import importlib.util
    if not hasattr(importlib.util, "LazyLoader"):
        raise Skip("importlib.util.LazyLoader is missing here")
    return LazyImport(params)


WORKLOADS = [
    Workload("lazy_import", "a fresh interpreter importing modules eagerly or with importlib.util.LazyLoader, "
             "then reading one attribute of each: import and first-use times", _needs_lazy_loader,
             params=[Choice("mode", "eager", "'eager' (import_module) or 'lazy' (LazyLoader)", ["eager", "lazy"]),
                     # None of these is loaded at start-up, even by pyenv 3.11's .pth files or PyPy.
                     ModuleList("modules", "json,decimal,argparse,email.message,http.client,csv",
                                "comma-separated modules (none already loaded at start-up)"),
                     Choice("use", "all", "'all': read one attribute of each module after importing; 'none': "
                            "import only (what lazy loading saves)", ["all", "none"])],
             loopable=False),
    Workload("reimport", "import of modules already in sys.modules (the cache hit)", Reimport,
             params=[ModuleList("modules", "json,os,collections,email.message", "comma-separated modules"),
                     Choice("via", "statement", "'statement' (import x as y) or 'import_module' "
                            "(importlib.import_module)", ["statement", "import_module"])]),
    Workload("module_reload", "importlib.reload of a generated module: find, load its code, run its body",
             ModuleReload, params=[Int("defs", 50, "functions and classes (each) in the module", maximum=10000)]),
]
