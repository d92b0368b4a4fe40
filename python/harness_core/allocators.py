"""Which memory allocators this process really runs with, told from inside it.

Two layers: CPython's own allocator for objects (pymalloc, mimalloc, or plain malloc, with or
without the debug hooks; chosen by PYTHONMALLOC at start-up) and the C library's malloc under
it (glibc's, or jemalloc/tcmalloc when preloaded). Both are read through ctypes, which costs
an import and about 0.5 MB of memory, so they are asked for only by a case that sets one
(`--expect`), never in every hello."""

import sys

# PyMemAllocatorDomain: PYMEM_DOMAIN_RAW, PYMEM_DOMAIN_MEM, PYMEM_DOMAIN_OBJ.
_RAW, _MEM, _OBJ = 0, 1, 2


def _allocator_struct(ctypes):
    class PyMemAllocatorEx(ctypes.Structure):
        _fields_ = [("ctx", ctypes.c_void_p), ("malloc", ctypes.c_void_p), ("calloc", ctypes.c_void_p),
                    ("realloc", ctypes.c_void_p), ("free", ctypes.c_void_p)]
    return PyMemAllocatorEx


def python_allocator():
    """The name PYTHONMALLOC would give this process's allocators: "pymalloc", "malloc", "mimalloc",
    with "_debug" when the debug hooks wrap them; "" where CPython's allocators do not exist (PyPy)."""
    if sys.implementation.name != "cpython":
        return ""
    import ctypes
    Alloc = _allocator_struct(ctypes)

    class DebugApi(ctypes.Structure):  # obmalloc.c's debug_alloc_api_t, the debug hooks' ctx (3.6-3.13)
        _fields_ = [("api_id", ctypes.c_char), ("alloc", Alloc)]

    get = ctypes.pythonapi.PyMem_GetAllocator
    get.restype = None
    get.argtypes = [ctypes.c_int, ctypes.POINTER(Alloc)]
    domains = {}
    debug = False
    for domain in (_RAW, _MEM, _OBJ):
        alloc = Alloc()
        get(domain, ctypes.byref(alloc))
        # Every allocator CPython installs itself has a NULL ctx, except the debug hooks, whose
        # ctx holds the allocator they wrap.
        if alloc.ctx:
            debug = True
            alloc = DebugApi.from_address(alloc.ctx).alloc
        domains[domain] = alloc.malloc
    if domains[_OBJ] == domains[_RAW]:
        name = "malloc"  # every domain calls the C library's malloc
    elif domains[_OBJ] == domains[_MEM]:
        name = "pymalloc"  # pymalloc serves both the MEM and OBJ domains
    else:
        name = "mimalloc"  # mimalloc has separate functions for the MEM and OBJ heaps (3.13+)
    return name + "_debug" if debug else name


def native_malloc():
    """The C library's malloc this process calls: "glibc", "jemalloc", "tcmalloc", or the file that
    defines it; "unknown" when that cannot be told. Like perfmatrix-measure's own check
    (allocator_preload.cpp): a preload whose library is missing leaves glibc's in place, silently."""
    import ctypes
    process = ctypes.CDLL(None)
    path = _first_definer(ctypes, process, "malloc")
    if path is None:
        return "unknown"
    for name in ("jemalloc", "tcmalloc"):
        if name in path:
            return name
    if "libc.so" in path:
        return "glibc"
    return path


def _first_definer(ctypes, process, symbol):
    """The first loaded object, in the dynamic linker's search order, that defines `symbol` itself.

    Asking dladdr where the global `symbol` lives is not enough: in an executable built without PIE
    (Debian's python3) that address is the executable's own PLT stub. The objects are walked in load
    order (dl_iterate_phdr: the program, LD_PRELOAD's libraries, then the needed ones), which is the
    order of the global scope; each object's own definition is the one dlsym finds from its handle and
    dladdr places in that same object (a dependency's does not count)."""

    class DlInfo(ctypes.Structure):
        _fields_ = [("dli_fname", ctypes.c_char_p), ("dli_fbase", ctypes.c_void_p),
                    ("dli_sname", ctypes.c_char_p), ("dli_saddr", ctypes.c_void_p)]

    class PhdrInfo(ctypes.Structure):  # the leading fields of struct dl_phdr_info
        _fields_ = [("dlpi_addr", ctypes.c_void_p), ("dlpi_name", ctypes.c_char_p)]

    callback_type = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(PhdrInfo), ctypes.c_size_t, ctypes.c_void_p)
    names = []

    def collect(info, size, data):
        names.append(info.contents.dlpi_name or b"")
        return 0

    process.dl_iterate_phdr(callback_type(collect), None)
    dladdr = process.dladdr
    dladdr.argtypes = [ctypes.c_void_p, ctypes.POINTER(DlInfo)]
    for name in names:
        if not name or name.startswith(b"linux-vdso"):
            continue  # the program itself (empty name) is skipped: it defines no malloc of its own here
        try:
            address = ctypes.cast(getattr(ctypes.CDLL(name.decode()), symbol), ctypes.c_void_p).value
        except (OSError, AttributeError):
            continue
        info = DlInfo()
        if address and dladdr(address, ctypes.byref(info)) and info.dli_fname == name:
            return name.decode("utf-8", "replace")
    return None
