"""BLAS thread counts for the numpy workloads. OpenBLAS (and OpenMP, MKL) read their thread count from
the environment when the library loads, so it must be set before numpy's first import; afterwards the
count is read back from the loaded OpenBLAS when it can be found, so a result never claims a thread
count that was not in effect."""

import ctypes
import os
import sys

THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")

# Plain OpenBLAS, NumPy wheels' 64-bit-integer build, and scipy-openblas.
_GETTERS = ("openblas_get_num_threads", "openblas_get_num_threads64_", "scipy_openblas_get_num_threads64_")


def set_threads_before_import(module_name, threads):
    """Sets the thread variables; returns True when the module was already loaded, so that the setting
    cannot have taken effect and only a read-back can tell the count in force."""
    for name in THREAD_VARIABLES:
        os.environ[name] = str(threads)
    return module_name in sys.modules


def loaded_openblas_threads():
    """The thread count of the OpenBLAS mapped into this process, or None where none can be found
    (another BLAS, or a platform without /proc/self/maps)."""
    try:
        with open("/proc/self/maps") as maps:
            paths = sorted(set(line.split()[-1] for line in maps if "openblas" in line.lower() and "/" in line))
    except OSError:
        return None
    for path in paths:
        try:
            library = ctypes.CDLL(path)  # already loaded: this only returns a handle to it
        except OSError:
            continue
        for getter in _GETTERS:
            function = getattr(library, getter, None)
            if function is not None:
                function.restype = ctypes.c_int
                return int(function())
    return None
