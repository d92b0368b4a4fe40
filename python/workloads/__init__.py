"""Workloads of the perfmatrix Python harness, one module per category (see python/README.md)."""
