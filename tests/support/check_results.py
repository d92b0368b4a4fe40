#!/usr/bin/python3
"""Checks a perfmatrix results file the way a user reads it: h5py + pandas (docs/results.md).

usage: check_results.py FILE [--expect-cases N (rows of cases: one per round)]
                        [--expect-case-environment N] [--expect-components N]

Exits 0 and prints a one-line summary when the file is consistent; prints what is wrong and
exits 1 otherwise. Needs Debian's /usr/bin/python3 (h5py, pandas).
"""
import argparse
import sys

import h5py
import numpy as np

from results_tables import load, with_names

SCHEMA_VERSION = 5

# The tables whose rows belong to cases, with the columns of `cases` that point into them.
# A case's rows are written before its `cases` row (docs/results.md, "Crash semantics").
CASE_ROW_TABLES = {
    "case_axes": "axes",
    "samples": "samples",
    "case_environment": "env",
    "components": "components",
}
# These name their case by its row index in `cases` (column `case`), the others by case_id.
INDEXED_TABLES = {"samples", "components"}


def committed_rows(cases, prefix):
    """Rows of a case's table before this index belong to committed cases; rows from it on
    are orphans an interrupted writer left (docs/results.md, "Crash semantics")."""
    if cases.empty:
        return 0
    last = cases.iloc[-1]
    return int(last[f"{prefix}_first"] + last[f"{prefix}_count"])


def problems_with_rows(table, rows, cases, prefix):
    """Every committed row belongs to a committed case, and each case's rows are the next
    `{prefix}_count` rows, in commit order, starting at `{prefix}_first`."""
    problems = []
    end = committed_rows(cases, prefix)
    committed, orphans = rows.iloc[:end], rows.iloc[end:]
    # Samples and components say which case by its row in `cases`: an orphan's is past them.
    owner = "case" if table in INDEXED_TABLES else "case_id"
    owners = np.arange(len(cases)) if owner == "case" else cases.case_id.to_numpy()
    strangers = set(committed[owner]) - set(owners)
    if strangers:
        problems.append(f"{table}: rows of uncommitted cases among committed rows: {sorted(strangers)[:5]}")
    misplaced = set(orphans[owner]) & set(owners)
    if misplaced:
        problems.append(f"{table}: orphan rows carry {owner} of committed cases: {sorted(misplaced)[:5]}")
    first, count = cases[f"{prefix}_first"], cases[f"{prefix}_count"]
    starts = count.cumsum() - count
    moved = cases.case_id[first != starts]
    if not moved.empty:
        problems.append(f"{table}: cases whose rows are not contiguous where the cases table says: {list(moved)[:5]}")
    expected = np.repeat(owners, count.to_numpy())
    if len(expected) != len(committed) or (expected != committed[owner].to_numpy()).any():
        problems.append(f"{table}: rows do not match the cases table's {prefix}_first/{prefix}_count")
    if owner == "case" and committed.metric.isna().any():
        problems.append(f"{table}: rows naming a metric that is not a row of metrics")
    return problems, committed, len(orphans)


def problems_with(f, expect):
    """Problems found, the committed cases, their rows per table, and orphan rows per table."""
    problems = []
    version = int(f.attrs["schema_version"])
    if version != SCHEMA_VERSION:
        problems.append(f"schema_version is {version}, this script knows {SCHEMA_VERSION}")
        return problems, None, {}, {}
    cases = load(f, "cases")
    metrics = load(f, "metrics")

    # A row per round of a case: (case_id, round) is the key.
    duplicated = cases.case_id[cases.duplicated(["case_id", "round"])]
    if not duplicated.empty:
        problems.append(f"(case id, round) not unique: {sorted(set(duplicated))[:5]}")

    rows, orphans = {}, {}
    for table, prefix in CASE_ROW_TABLES.items():
        loaded = with_names(f, table, cases, metrics) if table in INDEXED_TABLES else load(f, table)
        found, rows[table], orphans[table] = problems_with_rows(table, loaded, cases, prefix)
        problems += found

    # The writer keeps one row per metric (name, unit, direction, headline). Rows no committed row
    # names are allowed (docs/results.md, "Crash semantics"): a killed writer's, possibly never
    # written (empty) if it died mid-flush.
    named = set(rows["samples"].metric_row) | set(rows["components"].metric_row)
    if metrics[metrics.index.isin(named)].duplicated().any():
        problems.append("metrics: committed rows name two identical rows of metrics")

    empty_ok = cases.case_id[(cases.status == "ok") & (cases.samples_count == 0)]
    if not empty_ok.empty:
        problems.append(f"ok cases without samples: {list(empty_ok)[:5]}")

    # Components joined to their cases the docs/results.md's way: every one finds its case.
    joined = rows["components"].merge(cases[["case_id", "benchmark"]], on="case_id", how="left")
    if joined.benchmark.isna().any():
        problems.append("components rows whose case joins no case")

    counts = {"cases": len(cases), "case_environment": len(rows["case_environment"]),
              "components": len(rows["components"])}
    for what, want in expect.items():
        if want is not None and counts[what] != want:
            problems.append(f"{counts[what]} {what} rows, expected {want}")
    return problems, cases, rows, orphans


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--expect-cases", type=int)
    parser.add_argument("--expect-case-environment", type=int, help="committed case_environment rows")
    parser.add_argument("--expect-components", type=int, help="committed components rows")
    args = parser.parse_args()
    expect = {"cases": args.expect_cases, "case_environment": args.expect_case_environment,
              "components": args.expect_components}
    try:
        f = h5py.File(args.file, "r")
    except OSError as e:
        print(f"{args.file}: cannot open ({e}); if its writer was killed, `perfmatrix report` "
              f"or `h5clear -s` recovers it", file=sys.stderr)
        return 1
    with f:
        problems, cases, rows, orphans = problems_with(f, expect)
        invocations = ", ".join(load(f, "invocations").status)
    for p in problems:
        print(f"{args.file}: {p}", file=sys.stderr)
    if cases is None:
        return 1
    statuses = ", ".join(f"{n} {s}" for s, n in cases.status.value_counts().items())
    samples, components = rows["samples"], rows["components"]
    print(f"{args.file}: {len(cases)} cases ({statuses or 'none'}), {len(samples)} samples of "
          f"{samples.metric.nunique()} metrics, {len(rows['case_environment'])} case_environment rows, "
          f"{len(components)} component samples of {components.component.nunique()} components, "
          f"{sum(orphans.values())} orphan rows; invocations: {invocations or 'none'}; "
          f"{'FAILED' if problems else 'ok'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
