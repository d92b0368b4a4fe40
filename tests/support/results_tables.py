"""Tables of a perfmatrix results file (schema version 5) as tests read them with h5py and
pandas, joined the way docs/results.md shows users: `samples` and `components` name
their case and metric by row index (`case` into `cases`, `metric` into `metrics`); the joins
put the case id, metric name and unit back beside each row.

Needs Debian's /usr/bin/python3 (h5py, pandas)."""

import h5py
import numpy as np
import pandas as pd


def load(f, name):
    """One table of an open h5py.File as a DataFrame, fixed-length byte strings decoded."""
    df = pd.DataFrame(f[name][()])
    return df.apply(lambda c: c.str.decode("utf-8") if c.dtype == object else c)


def with_names(f, name="samples", cases=None, metrics=None):
    """`samples` or `components` with docs/results.md's joins: `case_id` from cases.case_id[case]
    (None for a row past the committed cases, which only an interrupted writer leaves),
    `metric` and `unit` from metrics.name/unit[metric], `round` from cases.round[case]. The stored indexes
    stay as `case` and `metric_row`."""
    rows = load(f, name).rename(columns={"metric": "metric_row"})
    cases = load(f, "cases") if cases is None else cases
    metrics = load(f, "metrics") if metrics is None else metrics
    ids = cases.case_id.to_numpy()
    committed = (rows["case"] >= 0) & (rows["case"] < len(ids))
    at_case = rows["case"].where(committed, 0).to_numpy()
    rows["case_id"] = np.where(committed, ids[at_case] if len(ids) else None, None)
    if "round" in cases:  # a row of cases is one round of a case
        rows["round"] = np.where(committed, cases["round"].to_numpy()[at_case] if len(ids) else -1, -1)
    known = (rows.metric_row >= 0) & (rows.metric_row < len(metrics))
    at = rows.metric_row.where(known, 0).to_numpy()
    rows["metric"] = np.where(known, metrics.name.to_numpy()[at] if len(metrics) else None, None)
    rows["unit"] = np.where(known, metrics.unit.to_numpy()[at] if len(metrics) else None, None)
    return rows


def read_joined(path, name="samples"):
    """with_names() of the file at `path`, as a list of dicts of plain Python values."""
    with h5py.File(path, "r") as f:
        rows = with_names(f, name)
    return [{k: (v.item() if isinstance(v, np.generic) else v) for k, v in r.items()}
            for r in rows.to_dict("records")]


def read_table(path, name):
    """One table of the file at `path`, unjoined, as a list of dicts with decoded strings."""
    with h5py.File(path, "r") as f:
        data = f[name][:]
    return [{k: (rec[k].decode() if data.dtype[k].kind == "S" else rec[k].item()) for k in data.dtype.names}
            for rec in data]
