"""docs/python-suite.md maps the suite's promised categories to workloads: every workload the harness
lists appears in it, with the category the harness gives it, and every benchmark it names exists in
jobs/python-versions.toml."""

import json
import os
import re
import subprocess
import sys
import unittest

REPO = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
MAP = os.path.join(REPO, "docs", "python-suite.md")
JOB = os.path.join(REPO, "jobs", "python-versions.toml")


def listed_workloads():
    out = subprocess.run([sys.executable, os.path.join(REPO, "python", "harness.py"), "--list"],
                         check=True, stdout=subprocess.PIPE).stdout
    return {w["name"]: w["category"] for w in json.loads(out)["workloads"]}


def table_rows():
    """(category, workloads cell, benchmarks cell) of each row of the map's table."""
    rows = []
    with open(MAP) as f:
        for line in f:
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) == 4 and cells[0] not in ("promised",) and not set(cells[0]) <= set("-"):
                rows.append((cells[1], cells[2], cells[3]))
    return rows


class PythonSuiteMap(unittest.TestCase):
    def test_every_workload_is_mapped_under_its_category(self):
        rows = table_rows()
        self.assertTrue(rows, "no table rows found in %s" % MAP)
        for name, category in sorted(listed_workloads().items()):
            with self.subTest(workload=name):
                cats = [c for c, cell, _ in rows if "`%s`" % name in cell]
                self.assertTrue(cats, "%s is in no row of docs/python-suite.md" % name)
                self.assertTrue(any(category in c for c in cats),
                                "%s (category %s) is mapped only under %s" % (name, category, cats))

    def test_every_named_benchmark_is_in_the_job(self):
        with open(JOB) as f:
            job_names = set(re.findall(r'^name = "([^"]+)"', f.read(), re.M))
        for _, _, cell in table_rows():
            for name in re.findall(r"`([a-z0-9-]+)`", cell):
                if name.endswith(".toml"):
                    continue
                with self.subTest(benchmark=name):
                    self.assertIn(name, job_names, "docs/python-suite.md names %s, not in python-versions.toml" % name)


if __name__ == "__main__":
    unittest.main()
