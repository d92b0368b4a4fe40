"""Internals of the perfmatrix Python harness (see python/README.md). Stdlib only, Python 3.6+."""

HARNESS_VERSION = "1"
PROTOCOL_VERSION = 1
