"""Reads a perfmatrix results file (docs/results.md) into joined pandas DataFrames, without the
perfmatrix binary:

    import perfmatrix_results
    r = perfmatrix_results.read("r.h5")
    r.samples[~r.samples.warmup].groupby(["benchmark", "metric"]).value.median()

Strings come decoded, every sample carries its case, round, axes, metric and unit, and orphan
rows (left by a killed writer, or the case a running writer is committing) are left out, so a
file that a run still writes reads as the cases committed so far."""

from .results import Results, read
from .tables import SCHEMA_VERSION

__all__ = ["SCHEMA_VERSION", "Results", "read"]
