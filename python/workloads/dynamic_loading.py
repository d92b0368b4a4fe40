"""Dynamic loading: importing C extension modules, loading a shared library with ctypes, and the cost
of one ctypes call.

A shared object cannot be unloaded from a process (CPython never dlcloses an extension, and a loaded
library stays mapped while anything refers to it), so loading "the same" library twice measures a
lookup, not a load. The two loading workloads therefore load fresh copies: each sample copies the
files into a new scratch directory (untimed) and loads the copies; a copy has its own path and inode,
so the dynamic linker maps, relocates and initialises it anew. The copies were just written, so their
pages come from the page cache: this is a load from a warm file cache, not from a cold disk.
Linux only: the check that a copy was really mapped reads /proc/self/maps."""

import os
import shutil
import sys

from harness_core.params import Choice, Int, ModuleList
from harness_core.workload import Bench, ParamError, Skip, Workload, WrongResult, metric

CATEGORY = "startup"

MAPS = "/proc/self/maps"
# Loaded copies stay mapped until the process ends, a few mappings each, and Linux allows a process
# about 65,000 (vm.max_map_count): past this many loads a sample would fail in dlopen instead.
MAX_LOADS = 5000


SCRATCH_PREFIX = "perfmatrix-dlopen-"


def mapped_paths():
    """The set of files mapped into this process, from /proc/self/maps; a file removed since it was
    mapped (an earlier sample's copy) shows as "PATH (deleted)" and is left out."""
    paths = set()
    with open(MAPS) as maps:
        for line in maps:
            fields = line.split(None, 5)
            if len(fields) == 6 and fields[5].startswith("/"):
                path = fields[5].rstrip("\n")
                if not path.endswith(" (deleted)"):
                    paths.add(path)
    return paths


def _require_linux_maps():
    if not os.path.exists(MAPS):
        raise Skip("needs %s to check that each copy was really loaded (Linux)" % MAPS)


class FreshCopies(Bench):
    """A new scratch directory per sample holding copies of `sources` (untimed, in prepare)."""

    def __init__(self, sources):
        import tempfile
        self.sources = sources  # [(name, path of the original, file name of the copy)]
        # /proc/self/maps names files by their real path: TMPDIR may be a symbolic link.
        self.root = os.path.realpath(tempfile.mkdtemp(prefix=SCRATCH_PREFIX))
        self.serial = 0
        self.loads = 0
        self.copies = []

    def prepare(self):
        self.loads += len(self.sources)
        if self.loads > MAX_LOADS:
            raise ParamError("--max-repetitions/--min-time: every sample leaves %d copies loaded (a shared object "
                             "cannot be unloaded), and more than %d loads in one process risk its map limit: "
                             "take fewer samples" % (len(self.sources), MAX_LOADS))
        # The previous sample's copies stay mapped (they cannot be unloaded); removing their names is fine.
        if self.copies:
            shutil.rmtree(os.path.dirname(self.copies[0][1]), ignore_errors=True)
        self.serial += 1
        directory = os.path.join(self.root, "sample-%d" % self.serial)
        os.mkdir(directory)
        self.copies = []
        for name, source, basename in self.sources:
            target = os.path.join(directory, basename)
            shutil.copyfile(source, target)
            self.copies.append((name, target))

    def check_mapped(self):
        """Every copy of this sample is mapped into the process: a real load happened."""
        mapped = mapped_paths()
        missing = [path for _, path in self.copies if path not in mapped]
        if missing:
            raise WrongResult("%d of %d copies are not mapped into the process (e.g. %s): they were not loaded"
                              % (len(missing), len(self.copies), missing[0]))

    def close(self):
        shutil.rmtree(self.root, ignore_errors=True)


# --- C extension modules ----------------------------------------------------------------------------

def extension_path(name):
    """The shared object a module is loaded from, or None when it is built in, pure Python or missing."""
    import importlib.machinery
    import importlib.util
    if name in sys.builtin_module_names:
        return None
    spec = importlib.util.find_spec(name)
    origin = spec.origin if spec is not None else None
    if origin and origin.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES)):
        return origin
    return None


class ExtImport(FreshCopies):
    """Imports a fresh copy of each listed extension module per sample, under the module's own name
    (the init function is found by name: PyInit_<name>), without touching sys.modules' entry."""

    def __init__(self, params):
        if sys.implementation.name != "cpython":
            raise Skip("loads copies of CPython extension modules (this is %s)" % sys.implementation.name)
        _require_linux_maps()
        import importlib.util
        self.util = importlib.util
        sources = []
        for name in params["modules"]:
            if "." in name:
                raise ParamError("parameter 'modules': %r: expected top-level extension modules" % name)
            path = extension_path(name)
            if path is None:
                raise Skip("%s is not a shared-object extension module in this interpreter (built in, pure "
                           "Python or missing): choose modules from its lib-dynload" % name)
            sources.append((name, path, os.path.basename(path)))
        FreshCopies.__init__(self, sources)

    def run(self, loops):
        util, modules = self.util, sys.modules
        loaded = []
        for name, path in self.copies:
            had = modules.get(name)
            spec = util.spec_from_file_location(name, path)
            module = util.module_from_spec(spec)  # dlopen and PyInit_<name>
            spec.loader.exec_module(module)  # multi-phase init runs the module's exec slots here
            # Single-phase init (3.6-3.11 mostly) files the new module in sys.modules: put the original back.
            if had is not None:
                modules[name] = had
            else:
                modules.pop(name, None)
            loaded.append(module)
        return loaded

    def verify(self, loaded):
        if len(loaded) != len(self.copies):
            raise WrongResult("%d modules loaded, expected %d" % (len(loaded), len(self.copies)))
        for module, (name, path) in zip(loaded, self.copies):
            if getattr(module, "__file__", None) != path:
                raise WrongResult("module %s came from %r, expected the fresh copy %s"
                                  % (name, getattr(module, "__file__", None), path))
            original = sys.modules.get(name) or __import__(name)
            if module is original:
                raise WrongResult("module %s is the already loaded one, not a fresh copy" % name)
            # The same extension initialised again defines the same public names.
            missing = sorted(set(n for n in dir(original) if not n.startswith("_")) - set(dir(module)))
            if missing:
                raise WrongResult("the copy of %s lacks %s: its initialisation did not run" % (name, missing[:3]))
        self.check_mapped()

    def metrics(self, result, loops, seconds):
        return [metric("modules", "count", len(self.copies)),
                metric("time_per_module", "s", seconds / len(self.copies))]


# --- ctypes.CDLL of a shared library --------------------------------------------------------------

def _find_library_file(short_name):
    """(soname, path of the file) of a system library found by ctypes.util, or Skip."""
    import ctypes
    import ctypes.util
    soname = ctypes.util.find_library(short_name)
    if soname is None:
        raise Skip("ctypes.util.find_library(%r) found no library" % short_name)
    ctypes.CDLL(soname)  # already loaded or not: afterwards its file shows in /proc/self/maps
    for path in sorted(mapped_paths()):
        # The system's file, not a copy this process loaded before (an earlier Bench's, in tests).
        if os.path.basename(path).startswith("lib%s.so" % short_name) and SCRATCH_PREFIX not in path:
            return soname, path
    raise Skip("%s loaded but its file is not in %s" % (soname, MAPS))


class CtypesLoad(FreshCopies):
    """ctypes.CDLL of `copies` fresh copies of zlib per sample; each copy's crc32 is then called once
    and checked against binascii.crc32, so every handle is a working library."""

    PROBE = b"perfmatrix ctypes_load probe"

    def __init__(self, params):
        _require_linux_maps()
        import binascii
        import ctypes
        self.ctypes = ctypes
        try:
            soname, path = _find_library_file("z")
        except OSError as exc:
            raise Skip("zlib cannot be loaded with ctypes: %s" % exc) from exc
        self.soname = soname
        self.expected_crc = binascii.crc32(self.PROBE) & 0xFFFFFFFF
        basename = os.path.basename(path)
        FreshCopies.__init__(self, [(soname, path, "%s.copy%d" % (basename, i)) for i in range(params["copies"])])

    def run(self, loops):
        cdll = self.ctypes.CDLL
        return [cdll(path) for _, path in self.copies]

    def verify(self, handles):
        if len(handles) != len(self.copies):
            raise WrongResult("%d libraries loaded, expected %d" % (len(handles), len(self.copies)))
        ctypes = self.ctypes
        for handle, (_, path) in zip(handles, self.copies):
            crc32 = getattr(handle, "crc32", None)
            if crc32 is None:
                raise WrongResult("the library loaded for %s has no crc32: it is not zlib" % path)
            crc32.argtypes = (ctypes.c_ulong, ctypes.c_char_p, ctypes.c_uint)
            crc32.restype = ctypes.c_ulong
            got = crc32(0, self.PROBE, len(self.PROBE))
            if got != self.expected_crc:
                raise WrongResult("crc32 of the copy %s gave %#x, binascii.crc32 %#x" % (path, got, self.expected_crc))
        self.check_mapped()

    def metrics(self, result, loops, seconds):
        return [metric("libraries", "count", len(self.copies)),
                metric("time_per_library", "s", seconds / len(self.copies))]


# --- one ctypes call ----------------------------------------------------------------------------

class CtypesCall(Bench):
    """`calls` calls per loop of libc's labs or libm's cos through ctypes (argtypes and restype set, as
    real bindings do). Each loop's sum is checked against the same sum computed in Python."""

    def __init__(self, params):
        import ctypes
        import ctypes.util
        self.function = params["function"]
        self.calls = params["calls"]
        library, c_type = ("c", ctypes.c_long) if self.function == "labs" else ("m", ctypes.c_double)
        soname = ctypes.util.find_library(library)
        if soname is None:
            raise Skip("ctypes.util.find_library(%r) found no library" % library)
        try:
            func = getattr(ctypes.CDLL(soname), self.function)
        except (OSError, AttributeError) as exc:
            raise Skip("%s from %s is not callable through ctypes: %s" % (self.function, soname, exc)) from exc
        func.argtypes = (c_type,)
        func.restype = c_type
        self.func = func
        if self.function == "labs":
            self.args = [-i for i in range(self.calls)]
            self.expected = self.calls * (self.calls - 1) // 2  # sum of |-i|
        else:
            import math
            self.args = [i * 0.001 for i in range(self.calls)]
            self.expected = 0.0
            for x in self.args:  # same order as run(): both call the C library's cos
                self.expected += math.cos(x)

    def run(self, loops):
        func, args = self.func, self.args
        sums = []
        for _ in range(loops):
            total = 0
            for x in args:
                total += func(x)
            sums.append(total)
        return sums

    def verify(self, sums):
        for total in sums:
            # cos: math.cos is libm's cos on CPython and PyPy; a bound of 1e-12 of the sum allows an
            # interpreter whose math.cos rounds the last bit differently, never a wrong function.
            if total != self.expected and (self.function == "labs" or
                                           abs(total - self.expected) > 1e-12 * abs(self.expected)):
                raise WrongResult("%d calls of %s summed to %r, expected %r"
                                  % (self.calls, self.function, total, self.expected))

    def metrics(self, result, loops, seconds):
        return [metric("calls_per_s", "1/s", self.calls * loops / seconds),
                metric("time_per_call", "s", seconds / (self.calls * loops))]


WORKLOADS = [
    Workload("ext_import", "import fresh copies of C extension modules (dlopen + module init), one per module "
             "per sample", ExtImport,
             params=[ModuleList("modules", "_json,_bz2,_lzma,_asyncio,mmap,resource",
                                "comma-separated extension modules (shared objects in lib-dynload)")],
             loopable=False),
    Workload("ctypes_load", "ctypes.CDLL of fresh copies of zlib (dlopen of a library not loaded yet)", CtypesLoad,
             params=[Int("copies", 20, "libraries loaded per sample", maximum=1000)], loopable=False),
    Workload("ctypes_call", "one ctypes call of a C function (libc labs or libm cos)", CtypesCall,
             params=[Choice("function", "labs", "'labs' (libc, integer) or 'cos' (libm, double)", ["labs", "cos"]),
                     Int("calls", 1000, "calls per loop")]),
]
