"""Puts back what the file stores by reference: which `cases` row (a round of a case) owns each
row of the other tables, the metric's name and unit, and each case's axes as columns."""

import json

import numpy as np
import pandas as pd

from .tables import read_table

# What every joined sample and component row carries of its round, before its axes.
CASE_COLUMNS = ["case_id", "benchmark", "kind", "category", "status", "round"]


def owned_rows(f, name, owners_table, prefix):
    """The rows of table `name` that a row of `owners_table` (`cases` or `ranks`) claims with its
    `<prefix>_first` and `<prefix>_count` columns, each with that row's number in `owner`. Rows
    past the last claimed one are never read: those are a killed writer's orphans, or the
    case that a running writer is committing (docs/results.md, "Crash semantics")."""
    first = owners_table[prefix + "_first"].to_numpy(dtype=np.int64)
    count = owners_table[prefix + "_count"].to_numpy(dtype=np.int64)
    end = int((first + count).max()) if len(first) else 0
    rows = read_table(f, name, end)
    rows["owner"] = owner_of_each_row(first, count, end)
    return rows[rows.owner >= 0].reset_index(drop=True)


def owner_of_each_row(first, count, n_rows):
    """For rows 0..n_rows-1, the index of the range [first, first + count) that holds each, or
    -1 for a row that none holds."""
    owner = np.full(n_rows, -1, dtype=np.int64)
    starts = np.cumsum(count) - count  # where each range begins among all the ranges' rows
    offset_in_range = np.arange(count.sum()) - np.repeat(starts, count)
    owner[np.repeat(first, count) + offset_in_range] = np.repeat(np.arange(len(first)), count)
    return owner


def unique_axes(case_axes):
    """One row per case and axis: every round of a case stores its axes again."""
    return case_axes[["case_id", "axis", "value"]].drop_duplicates(["case_id", "axis"]).reset_index(drop=True)


def axes_by_case(axes, taken):
    """One column per axis, one row per case id, the axes in the order the job declares them.
    An axis whose name is in `taken` is called `axis.<name>`: a job may name an axis `value` or
    `round`, and no axis name holds a dot."""
    names = list(pd.unique(axes.axis))
    wide = axes.pivot(index="case_id", columns="axis", values="value").reindex(columns=names)
    wide.columns = [f"axis.{name}" if name in taken else name for name in names]
    return wide


def with_case_columns(rows, cases, axis_columns):
    """`rows` (samples or components, with `owner`) with their round's CASE_COLUMNS and axes first."""
    of_case = cases[CASE_COLUMNS + axis_columns].iloc[rows.owner.to_numpy()].reset_index(drop=True)
    return pd.concat([of_case, rows.drop(columns=["owner", "case"]).reset_index(drop=True)], axis=1)


def with_metric_names(rows, metrics, where):
    """`rows` with `metric` (a row number of `metrics`) replaced by the metric's name, and its
    unit beside it. A number past the table is damage, not an orphan: metrics rows are never
    dropped (docs/results.md)."""
    at = rows.metric.to_numpy()
    if len(at) and (at.min() < 0 or at.max() >= len(metrics)):
        bad = at[(at < 0) | (at >= len(metrics))][0]
        raise ValueError(f"{where}: damaged: a row names metric {bad}, and metrics has {len(metrics)} rows")
    rows = rows.copy()
    place = rows.columns.get_loc("metric")
    rows["metric"] = metrics.name.to_numpy()[at]
    rows.insert(place + 1, "unit", metrics.unit.to_numpy()[at])
    return rows


def expand_settings(environment):
    """`case_environment` rows with each case's `settings` row (the JSON object of its effective
    settings, one row since schema version 5's later files) replaced in place by one row per
    setting, `settings.<name>`, as earlier files stored them: string values as they are, others
    as JSON."""
    is_settings = (environment.key == "settings").to_numpy()
    if not is_settings.any():
        return environment
    rows = []
    for row, settings in zip(environment.to_dict("records"), is_settings):
        parsed = json.loads(row["value"]) if settings else None
        if not isinstance(parsed, dict):
            rows.append(row)
            continue
        for key, value in parsed.items():
            text = value if isinstance(value, str) else json.dumps(value, separators=(",", ":"))
            rows.append({**row, "key": f"settings.{key}", "value": text})
    return pd.DataFrame(rows, columns=environment.columns)
