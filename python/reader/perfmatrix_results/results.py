"""read(path): a results file as joined DataFrames."""

from .joins import (
    CASE_COLUMNS,
    axes_by_case,
    expand_settings,
    owned_rows,
    unique_axes,
    with_case_columns,
    with_metric_names,
)
from .tables import attributes, check_schema, open_file, read_table

# Columns of `cases` that point at rows of other tables: the joins have used them.
ROW_POINTERS = [f"{prefix}_{end}" for prefix in ("axes", "samples", "env", "components") for end in ("first", "count")]


class Results:
    """A results file's committed content.

    samples      one row per sample: case_id, benchmark, kind, category, status, round, one column
                 per axis, metric, unit, repetition, warmup, value
    components   the same, with `component` (e.g. a module's import time) before metric
    cases        one row per committed round of a case, with its axes as columns
    axes         case_id, axis, value: one row per axis of each case
    environment  case_id, round, key, value: what the case's runner recorded
    metrics, invocations, ranks, rank_environment  the tables of those names
    attrs        the file's root attributes (job_text, schema_version, seed, ...)

    An axis named like one of the columns above (e.g. `value`) is called `axis.<name>`."""

    def __init__(self, path, attrs, tables):
        self.path = path
        self.attrs = attrs
        for name, frame in tables.items():
            setattr(self, name, frame)

    @property
    def job_text(self):
        """The job file that produced these results, verbatim."""
        return self.attrs["job_text"]

    def __repr__(self):
        return (f"<perfmatrix_results.Results {self.path}: {len(self.cases)} rounds of "
                f"{self.cases.case_id.nunique()} cases, {len(self.samples)} samples>")


def read(path):
    """The committed content of the perfmatrix results file at `path` (also while a run still
    writes it), as Results. Raises ValueError for a file of another schema version."""
    with open_file(path) as f:
        attrs = attributes(f)
        check_schema(path, attrs)
        tables = read_tables(f)
    return Results(path, attrs, joined(tables, where=path))


def read_tables(f):
    """Every table, orphan rows left out. `cases` and `ranks` come first: a round's rows in the
    other tables, `metrics` included, are written before its `cases` row, so tables read after
    `cases` hold all that its rows claim, and no more is read (docs/results.md)."""
    cases = read_table(f, "cases")
    ranks = read_table(f, "ranks")
    return {
        "cases": cases,
        "ranks": ranks,
        "metrics": read_table(f, "metrics"),
        "invocations": read_table(f, "invocations"),
        "samples": owned_rows(f, "samples", cases, "samples"),
        "components": owned_rows(f, "components", cases, "components"),
        "case_axes": owned_rows(f, "case_axes", cases, "axes"),
        "case_environment": owned_rows(f, "case_environment", cases, "env"),
        "rank_environment": owned_rows(f, "rank_environment", ranks, "env").drop(columns="owner"),
    }


def joined(tables, where):
    """The stored tables as Results presents them."""
    cases = tables["cases"]
    axes = unique_axes(tables["case_axes"])
    taken = set(CASE_COLUMNS) | set(cases.columns) | {"component", "metric", "unit", "repetition", "warmup", "value"}
    wide = axes_by_case(axes, taken)
    axis_columns = list(wide.columns)
    cases = cases.join(wide, on="case_id")
    environment = expand_settings(tables["case_environment"])
    environment.insert(1, "round", cases["round"].to_numpy()[environment.owner.to_numpy()])

    def measured(name):
        rows = with_case_columns(tables[name], cases, axis_columns)
        return with_metric_names(rows, tables["metrics"], f"{where}: {name}")

    return {
        "samples": measured("samples"),
        "components": measured("components"),
        "cases": cases.drop(columns=ROW_POINTERS),
        "axes": axes,
        "environment": environment.drop(columns="owner"),
        "metrics": tables["metrics"],
        "invocations": tables["invocations"],
        "ranks": tables["ranks"].drop(columns=["env_first", "env_count"]),
        "rank_environment": tables["rank_environment"],
    }
