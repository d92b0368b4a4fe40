#!/usr/bin/python3
"""Checks a perfmatrix results file the way a user reads it: h5py + pandas (README.md, "Results file").

usage: check_results.py FILE [--expect-cases N]

Exits 0 and prints a one-line summary when the file is consistent; prints what is wrong and
exits 1 otherwise. Needs Debian's /usr/bin/python3 (h5py, pandas).
"""
import argparse
import sys

import h5py
import numpy as np
import pandas as pd


def load(f, name):
    # The README's way: one DataFrame per table, fixed-length byte strings decoded.
    df = pd.DataFrame(f[name][()])
    return df.apply(lambda c: c.str.decode("utf-8") if c.dtype == object else c)


def committed_sample_rows(cases):
    """Rows of `samples` before this index belong to committed cases; rows from it on are
    orphans an interrupted writer left (README.md, "Crash semantics")."""
    if cases.empty:
        return 0
    last = cases.iloc[-1]
    return int(last.samples_first + last.samples_count)


def problems_with(f, expect_cases):
    problems = []
    version = int(f.attrs["schema_version"])
    if version != 1:
        problems.append(f"schema_version is {version}, this script knows 1")
    cases = load(f, "cases")
    samples = load(f, "samples")

    duplicated = cases.case_id[cases.case_id.duplicated()]
    if not duplicated.empty:
        problems.append(f"case ids not unique: {sorted(set(duplicated))[:5]}")

    end = committed_sample_rows(cases)
    committed, orphans = samples.iloc[:end], samples.iloc[end:]
    strangers = set(committed.case_id) - set(cases.case_id)
    if strangers:
        problems.append(f"samples of uncommitted cases among committed rows: {sorted(strangers)[:5]}")
    misplaced = set(orphans.case_id) & set(cases.case_id)
    if misplaced:
        problems.append(f"orphan rows carry ids of committed cases: {sorted(misplaced)[:5]}")

    # Each case's rows are the next samples_count rows, in commit order.
    starts = cases.samples_count.cumsum() - cases.samples_count
    moved = cases.case_id[cases.samples_first != starts]
    if not moved.empty:
        problems.append(f"cases whose samples are not where the cases table says: {list(moved)[:5]}")
    expected = np.repeat(cases.case_id.to_numpy(), cases.samples_count.to_numpy())
    if len(expected) != len(committed) or (expected != committed.case_id.to_numpy()).any():
        problems.append("samples rows do not match the cases table's samples_first/samples_count")
    empty_ok = cases.case_id[(cases.status == "ok") & (cases.samples_count == 0)]
    if not empty_ok.empty:
        problems.append(f"ok cases without samples: {list(empty_ok)[:5]}")

    if expect_cases is not None and len(cases) != expect_cases:
        problems.append(f"{len(cases)} cases, expected {expect_cases}")
    return problems, cases, committed, len(orphans)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--expect-cases", type=int)
    args = parser.parse_args()
    try:
        f = h5py.File(args.file, "r")
    except OSError as e:
        print(f"{args.file}: cannot open ({e}); if its writer was killed, `perfmatrix report` "
              f"or `h5clear -s` recovers it", file=sys.stderr)
        return 1
    with f:
        problems, cases, samples, orphans = problems_with(f, args.expect_cases)
        statuses = ", ".join(f"{n} {s}" for s, n in cases.status.value_counts().items())
        invocations = ", ".join(load(f, "invocations").status)
    for p in problems:
        print(f"{args.file}: {p}", file=sys.stderr)
    print(f"{args.file}: {len(cases)} cases ({statuses or 'none'}), {len(samples)} samples of "
          f"{samples.metric.nunique()} metrics, {orphans} orphan rows; invocations: {invocations or 'none'}; "
          f"{'FAILED' if problems else 'ok'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
