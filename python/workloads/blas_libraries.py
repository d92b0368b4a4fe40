"""Which BLAS numpy and torch claim to use, which one is really loaded, and whether the two agree.

A claim is what the package says about its own build (numpy's show_config, torch's BLAS_INFO); the
loaded BLAS is what this process has mapped and can call: every shared object in /proc/self/maps is
asked (dlsym on an already-loaded library, so nothing new is loaded) for the entry points that only
one BLAS family exports. That finds a BLAS linked statically into another library too (PyPI's torch
carries MKL inside libtorch_cpu.so), which a search of file names would miss. threadpoolctl does the
same for shared libraries; it is not used because the harness stays stdlib-only.

The result goes into the case's environment (`blas.*` keys, see environment()), so every numpy or
torch number in a results file says which library produced it."""

import ctypes
import os
import re

# Entry points that identify a family, each with the call that returns its configuration text.
# OpenBLAS's names depend on the build: plain, 64-bit-integer (suffix 64_, numpy 1.x wheels) and
# scipy-openblas (prefix scipy_, numpy 2.x wheels).
_OPENBLAS_CONFIG = ("openblas_get_config", "openblas_get_config64_", "scipy_openblas_get_config64_",
                    "scipy_openblas_get_config")
_OPENBLAS_CORENAME = ("openblas_get_corename", "openblas_get_corename64_", "scipy_openblas_get_corename64_",
                      "scipy_openblas_get_corename")
_MKL_VERSION = "MKL_Get_Version_String"
_BLIS_VERSION = "bli_info_get_version_str"

# What package metadata calls a family, normalised to the names loaded_blas() gives.
_CLAIM_NAMES = (
    ("scipy-openblas", "openblas"), ("scipy_openblas", "openblas"), ("openblas", "openblas"), ("open", "openblas"),
    ("mkl", "mkl"), ("blis", "blis"), ("flexiblas", "flexiblas"), ("accelerate", "accelerate"),
    ("blas", "generic"),
)


def family_of_claim(name):
    """'scipy-openblas' -> 'openblas', 'mkl_rt' -> 'mkl', 'blas' (whatever libblas.so resolves to) ->
    'generic'; '' for an empty claim, the name itself for one not known here."""
    lowered = (name or "").strip().lower()
    if not lowered:
        return ""
    for prefix, family in _CLAIM_NAMES:
        if lowered.startswith(prefix):
            return family
    return lowered


def mapped_libraries(maps_path="/proc/self/maps"):
    """The shared objects this process has mapped, in path order; [] where there is no maps file."""
    try:
        with open(maps_path) as maps:
            paths = set(line.split()[-1] for line in maps if "/" in line and ".so" in line)
    except OSError:
        return []
    return sorted(p for p in paths if p.startswith("/"))


class _DlInfo(ctypes.Structure):
    _fields_ = [("dli_fname", ctypes.c_char_p), ("dli_fbase", ctypes.c_void_p),
                ("dli_sname", ctypes.c_char_p), ("dli_saddr", ctypes.c_void_p)]


def _defining_file(function, fallback):
    """The shared object that defines `function`: dlsym on a handle also searches the library's
    dependencies, so numpy's extension module "has" the symbols of the libblas it links."""
    try:
        dladdr = ctypes.CDLL(None).dladdr
    except (OSError, AttributeError):
        return fallback
    dladdr.argtypes = [ctypes.c_void_p, ctypes.POINTER(_DlInfo)]
    info = _DlInfo()
    if not dladdr(ctypes.cast(function, ctypes.c_void_p), ctypes.byref(info)) or not info.dli_fname:
        return fallback
    return os.path.realpath(info.dli_fname.decode("utf-8", "replace"))  # the file, not a symlink to it


def _text_of(function, *args):
    function.restype = ctypes.c_char_p
    raw = function(*args)
    return raw.decode("utf-8", "replace").strip() if raw else ""


def _openblas(library, path):
    for name in _OPENBLAS_CONFIG:
        config = getattr(library, name, None)
        if config is None:
            continue
        info = {"family": "openblas", "library": _defining_file(config, path), "config": _text_of(config)}
        for corename in _OPENBLAS_CORENAME:
            function = getattr(library, corename, None)
            if function is not None:
                info["corename"] = _text_of(function)  # the kernel chosen for this CPU at load time
                break
        return info
    return None


def _mkl(library, path):
    function = getattr(library, _MKL_VERSION, None)
    if function is None:
        return None
    buffer = ctypes.create_string_buffer(256)
    function.restype = None
    function(buffer, ctypes.c_int(len(buffer)))
    config = buffer.value.decode("utf-8", "replace").strip()
    return {"family": "mkl", "library": _defining_file(function, path), "config": config}


def _blis(library, path):
    function = getattr(library, _BLIS_VERSION, None)
    if function is None:
        return None
    return {"family": "blis", "library": _defining_file(function, path), "config": "BLIS " + _text_of(function)}


def loaded_blas(paths=None):
    """One entry per loaded library that carries a BLAS: family, library path, config (and corename for
    OpenBLAS). `paths` defaults to mapped_libraries()."""
    found = []
    seen = set()  # defining files: every library that links a BLAS finds the same symbols again
    for path in mapped_libraries() if paths is None else paths:
        try:
            library = ctypes.CDLL(path)  # mapped already: this only takes another reference
        except OSError:
            continue
        for probe in (_openblas, _mkl, _blis):
            info = probe(library, path)
            if info is not None:
                if info["library"] not in seen:
                    seen.add(info["library"])
                    found.append(info)
                break
    return found


def numpy_claim(np):
    """(name, version) numpy's build says it uses: show_config(mode="dicts") from numpy 1.26, else the
    distutils-era blas_opt_info (Debian's numpy 1.24 says 'blas': whatever libblas.so.3 is)."""
    try:
        blas = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
        return str(blas.get("name", "")), str(blas.get("version", ""))
    except (TypeError, KeyError, AttributeError):
        pass
    config = getattr(np, "__config__", None)
    for key in ("blas_ilp64_opt_info", "blas_opt_info", "blas_info"):
        info = getattr(config, key, None) or {}
        libraries = info.get("libraries") if isinstance(info, dict) else None
        if libraries:
            return str(libraries[0]), ""
    return "", ""


def torch_claim(torch):
    """(name, '') from torch's build settings: BLAS_INFO=mkl, =open (OpenBLAS), =blas, ..."""
    try:
        shown = torch.__config__.show()
    except Exception:  # an odd build must not stop the workload: the claim is then unknown
        return "", ""
    found = re.search(r"BLAS_INFO=([^,\s]+)", shown)
    return (found.group(1), "") if found else ("", "")


def verdict(claimed_family, loaded):
    """'yes' when the claimed family is among the loaded BLAS libraries, else 'no: why'. A generic claim
    ('blas': the system's libblas.so.3) is satisfied by exactly one loaded family, named in the verdict."""
    families = sorted(set(info["family"] for info in loaded))
    if not families:
        return "no: no loaded library exports a known BLAS entry point (OpenBLAS, MKL or BLIS)"
    if not claimed_family:
        return "no: the package does not say which BLAS it was built with (loaded: %s)" % ", ".join(families)
    if claimed_family == "generic":
        if len(families) == 1:
            return "yes: the generic libblas is %s" % families[0]
        return "no: claims the generic libblas and %d families are loaded (%s)" % (len(families), ", ".join(families))
    if claimed_family in families:
        return "yes"
    return "no: claims %s, loaded %s" % (claimed_family, ", ".join(families))


def environment(claim, loaded):
    """The case-environment entries: blas.claimed, blas.loaded (family and library), blas.config,
    blas.corename and blas.verified. With several BLAS libraries loaded, the claimed family's comes first."""
    name, version = claim
    family = family_of_claim(name)
    ordered = sorted(loaded, key=lambda info: info["family"] != family)
    entries = {"blas.claimed": (name + (" " + version if version else "")) or "unknown",
               "blas.verified": verdict(family, loaded)}
    if ordered:
        first = ordered[0]
        entries["blas.loaded"] = first["family"]
        entries["blas.library"] = first["library"]
        entries["blas.config"] = first["config"]
        if "corename" in first:
            entries["blas.corename"] = first["corename"]
        if len(ordered) > 1:
            entries["blas.others"] = "; ".join("%s %s" % (i["family"], i["library"]) for i in ordered[1:])
    return entries
