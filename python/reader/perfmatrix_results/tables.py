"""The file and its tables as stored: opened also while a run writes it, the schema version
checked, each table a DataFrame with its strings decoded."""

import h5py
import numpy as np
import pandas as pd

SCHEMA_VERSION = 5


def open_file(path):
    """`path` opened for reading. SWMR mode always: it is how a file that a run still writes
    can be read at all, and perfmatrix writes every file in the format it needs."""
    try:
        return h5py.File(path, "r", swmr=True)
    except FileNotFoundError:
        raise
    except OSError as e:
        raise OSError(f"{path}: cannot be opened as HDF5 ({e}). If its writer was killed, "
                      "`perfmatrix report` or `h5clear -s --increment=0` repairs it") from e


def attributes(f):
    """The root attributes, strings decoded and numbers as Python numbers."""
    return {name: plain(value) for name, value in f.attrs.items()}


def plain(value):
    if isinstance(value, bytes):
        return value.decode("utf-8")
    if isinstance(value, np.generic):
        return value.item()
    return value


def check_schema(path, attrs):
    """Refuses a file of another layout before anything reads it wrong."""
    version = attrs.get("schema_version")
    if version is None:
        raise ValueError(f"{path}: not a perfmatrix results file (it has no schema_version attribute)")
    if version != SCHEMA_VERSION:
        writer = "an older" if version < SCHEMA_VERSION else "a newer"
        raise ValueError(f"{path}: schema version {version}, written by {writer} perfmatrix; "
                         f"perfmatrix_results reads version {SCHEMA_VERSION}")


def read_table(f, name, stop=None):
    """Table `name` as a DataFrame: its first `stop` rows (all when None), strings decoded.
    Only the named columns come back, not the padding bytes between them."""
    dataset = f[name]
    if f.swmr_mode:
        dataset.refresh()  # the extent as it is now: a writer may have appended since the file opened
    if stop is not None and stop > len(dataset):
        raise ValueError(f"{f.filename}: damaged: its committed rows reach row {stop} of {name}, "
                         f"which has {len(dataset)}")
    data = dataset[:stop]
    return pd.DataFrame({column: decoded(data[column]) for column in data.dtype.names})


def decoded(column):
    """HDF5 fixed-length strings arrive as bytes; everything else is left as it is."""
    if column.dtype.kind != "S":
        return column
    return np.array([value.decode("utf-8") for value in column], dtype=object)
