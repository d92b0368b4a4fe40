"""The results reader (python/reader, import name perfmatrix_results) on files the real binary
wrote under real mpirun: the joined frames, orphan rows, a file a run still writes, a schema
version it does not know, and `pip install` of the package into a venv of Debian's python3.

Needs $PERFMATRIX_BIN and $PERFMATRIX_SOURCE_DIR (tests/python/CMakeLists.txt sets them), and
Debian's python3 with h5py and pandas."""

import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import h5py
import numpy as np
import pandas as pd

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "e2e"))
sys.path.insert(0, os.path.join(os.environ["PERFMATRIX_SOURCE_DIR"], "python", "reader"))
import perfmatrix_results

from e2e_support import benchmark, job_toml, mpirun_argv, nap_job, run_job, spawn, start, wait_for

# 2 rounds of 4 spawn cases, whose axes include one named like a column (`value`), and one
# Python case that records an environment and components (its import times).
JOB = job_toml(
    spawn("true", ["/bin/true"], {"flavour": ["a", "b"], "value": ["x", "y"]}),
    benchmark("imports", "python_workload", python="/usr/bin/python3", workload="importtime", sample_time=0.01,
              rounds=1, warmup=0, repetitions=2),
    rounds=2, warmup=1, repetitions=4)
SPAWN_METRICS = {"wall_time": "s", "spawn_time": "s", "user_time": "s", "sys_time": "s", "max_rss": "bytes",
                 "minor_faults": "count", "major_faults": "count", "voluntary_switches": "count",
                 "involuntary_switches": "count", "exit_code": "code"}


def frames(results):
    return {name: getattr(results, name) for name in ("samples", "components", "cases", "axes", "environment",
                                                       "metrics", "invocations", "ranks", "rank_environment")}


def setUpModule():
    RealRun.dir = tempfile.mkdtemp(prefix="perfmatrix-reader-")
    RealRun.path = run_job(RealRun.dir, "job", JOB)
    RealRun.results = perfmatrix_results.read(RealRun.path)


def tearDownModule():
    shutil.rmtree(RealRun.dir, ignore_errors=True)


class RealRun(unittest.TestCase):
    """One run of JOB, shared by the tests of this module (setUpModule); a test that changes
    the file changes a copy."""

    def copy(self, name):
        path = os.path.join(self.dir, name)
        shutil.copy(self.path, path)
        return path


class JoinedFrames(RealRun):
    def test_cases_are_rounds_with_their_axes(self):
        cases = self.results.cases
        self.assertEqual(len(cases), 4 * 2 + 1)
        self.assertEqual(cases.groupby("benchmark").case_id.nunique().to_dict(), {"true": 4, "imports": 1})
        self.assertEqual(sorted(cases[cases.benchmark == "true"].groupby("case_id")["round"].apply(sorted).tolist()),
                         [[0, 1]] * 4)
        self.assertEqual(set(cases.status), {"ok"})
        spawn = cases[cases.benchmark == "true"]
        self.assertEqual(sorted(set(zip(spawn.flavour, spawn["axis.value"], strict=True))),
                         [("a", "x"), ("a", "y"), ("b", "x"), ("b", "y")])
        self.assertTrue(cases[cases.benchmark == "imports"].flavour.isna().all())
        self.assertNotIn("samples_first", cases.columns)

    def test_samples_carry_case_round_axes_metric_and_unit(self):
        samples = self.results.samples
        self.assertEqual(list(samples.columns),
                         ["case_id", "benchmark", "kind", "category", "status", "round", "flavour", "axis.value",
                          "metric", "unit", "repetition", "warmup", "value"])
        spawn = samples[samples.kind == "spawn"]
        self.assertEqual(dict(zip(spawn.metric, spawn.unit, strict=True)), SPAWN_METRICS)
        # Per round: warmup 1, and the case's 4 repetitions split over its 2 rounds.
        per_round = spawn[spawn.metric == "wall_time"].groupby(["case_id", "round", "warmup"]).size()
        self.assertEqual(len(per_round), 4 * 2 * 2)
        self.assertEqual(per_round.xs(True, level="warmup").unique().tolist(), [1])
        self.assertEqual(per_round.xs(False, level="warmup").unique().tolist(), [2])
        # Each sample has its own case's axes, as case_axes stores them.
        axes = self.results.axes.pivot(index="case_id", columns="axis", values="value")
        joined = spawn[["case_id", "flavour", "axis.value"]].drop_duplicates().set_index("case_id").sort_index()
        self.assertEqual(joined.to_numpy().tolist(), axes.loc[joined.index, ["flavour", "value"]].to_numpy().tolist())
        python = samples[samples.kind == "python_workload"]
        self.assertEqual(python.case_id.nunique(), 1)
        self.assertIn(("time", "s"), set(zip(python.metric, python.unit, strict=True)))

    def test_settings_stored_as_one_row_read_back_one_per_setting(self):
        with h5py.File(self.path, "r") as f:
            keys = [k.decode() for k in f["case_environment"]["key"]]
        self.assertIn("settings", keys)  # the file: one row of JSON a round
        self.assertFalse(any(k.startswith("settings.") for k in keys))
        env = self.results.environment
        self.assertNotIn("settings", set(env.key))
        spawn = env[env.case_id.str.startswith("true/")]
        per_round = spawn.groupby(["case_id", "round"]).key.apply(set)
        self.assertEqual(len(per_round), 8)  # 4 cases, 2 rounds
        for keys in per_round:
            self.assertTrue({"settings.warmup", "settings.repetitions", "settings.rounds",
                             "settings.placement", "settings.requires"} <= keys, keys)
        warmup = spawn[spawn.key == "settings.warmup"].value
        self.assertEqual(set(warmup), {"1"})
        self.assertEqual(set(spawn[spawn.key == "settings.placement"].value), {"exclusive"})  # the default
        self.assertEqual(set(spawn[spawn.key == "settings.requires"].value), {"[]"})

    def test_environment_and_components_of_the_python_case(self):
        env = self.results.environment
        self.assertEqual(list(env.columns), ["case_id", "round", "key", "value"])
        version = env[env.key == "python.version"]
        self.assertEqual(len(version), 1)
        self.assertRegex(version.value.iloc[0], r"^3\.\d+\.\d+$")
        self.assertTrue(version.case_id.iloc[0].startswith("imports/"))
        components = self.results.components
        self.assertEqual(list(components.columns)[-6:],
                         ["component", "metric", "unit", "repetition", "warmup", "value"])
        self.assertIn("encodings", set(components.component))
        self.assertIn(("import_self", "s"), set(zip(components.metric, components.unit, strict=True)))
        self.assertEqual(set(components.benchmark), {"imports"})

    def test_no_bytes_left(self):
        for name, frame in frames(self.results).items():
            for column in frame.columns:
                self.assertFalse(any(isinstance(v, bytes) for v in frame[column]), f"{name}.{column}")
        self.assertEqual(self.results.job_text, JOB)
        self.assertEqual(self.results.attrs["schema_version"], perfmatrix_results.SCHEMA_VERSION)
        self.assertEqual(self.results.invocations.status.tolist(), ["completed"])


class OrphanRows(RealRun):
    def test_rows_no_committed_round_claims_are_dropped(self):
        # What a writer killed inside a commit leaves: the rows of a round whose `cases` row was
        # never written, at the end of their tables (docs/results.md, "Crash semantics").
        path = self.copy("orphans.h5")
        with h5py.File(path, "r+") as f:
            next_case = len(f["cases"])
            append(f["samples"], case=next_case, metric=0, repetition=0, warmup=False, value=1.0)
            append(f["components"], case=next_case, component=b"json", metric=0, repetition=0, warmup=False,
                   value=1.0)
            append(f["case_axes"], case_id=b"true/orphan", axis=b"flavour", value=b"c")
            append(f["case_environment"], case_id=b"true/orphan", key=b"python.version", value=b"0.0")
            append(f["rank_environment"], invocation=0, rank=0, key=b"orphan", value=b"1")
            self.assertEqual(f["samples"]["case"][-1], len(f["cases"]))  # the raw table holds the orphan
        orphaned = perfmatrix_results.read(path)
        for name, frame in frames(self.results).items():
            pd.testing.assert_frame_equal(getattr(orphaned, name), frame, obj=name)


def append(dataset, **values):
    row = np.zeros(1, dtype=dataset.dtype)
    for column, value in values.items():
        row[column] = value
    dataset.resize((len(dataset) + 1,))
    dataset[-1] = row[0]


class SchemaVersion(RealRun):
    def test_other_versions_are_refused(self):
        for version, writer in ((4, "an older"), (6, "a newer")):
            path = self.copy(f"v{version}.h5")
            with h5py.File(path, "r+") as f:
                f.attrs.modify("schema_version", version)
            with self.assertRaises(ValueError) as raised:
                perfmatrix_results.read(path)
            self.assertEqual(str(raised.exception), f"{path}: schema version {version}, written by {writer} "
                                                    "perfmatrix; perfmatrix_results reads version 5")

    def test_an_hdf5_file_of_something_else_is_refused(self):
        path = os.path.join(self.dir, "other.h5")
        with h5py.File(path, "w") as f:
            f["cases"] = np.arange(3)
        with self.assertRaisesRegex(ValueError, "not a perfmatrix results file"):
            perfmatrix_results.read(path)


class PipInstall(RealRun):
    def test_installs_into_a_venv_of_debians_python_and_reads(self):
        # Offline: Debian's h5py and pandas from the system site-packages (pip does not know
        # python3-h5py by the name h5py, hence --no-deps), setuptools from the venv.
        source = shutil.copytree(os.path.join(os.environ["PERFMATRIX_SOURCE_DIR"], "python", "reader"),
                                 os.path.join(self.dir, "reader"))  # pip builds in place: not in the tree
        venv = os.path.join(self.dir, "venv")
        subprocess.run(["/usr/bin/python3", "-m", "venv", "--system-site-packages", venv], check=True)
        python = os.path.join(venv, "bin", "python")
        env = dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1")
        env.pop("PYTHONPATH", None)
        pip = subprocess.run([python, "-m", "pip", "install", "--no-index", "--no-deps", "--no-build-isolation",
                              source], capture_output=True, text=True, env=env, timeout=300)
        self.assertEqual(pip.returncode, 0, pip.stdout + pip.stderr)
        script = ("import perfmatrix_results as p; r = p.read(%r); print(p.__file__); "
                  "print(len(r.cases), sorted(set(r.samples.metric))[:2])" % self.path)
        out = subprocess.run([python, "-c", script], capture_output=True, text=True, env=env, cwd=self.dir,
                             timeout=120)
        self.assertEqual(out.returncode, 0, out.stderr)
        where, counts = out.stdout.splitlines()
        self.assertTrue(where.startswith(os.path.join(venv, "lib")), where)
        self.assertEqual(counts, str(len(self.results.cases)) + " " + str(sorted(set(self.results.samples.metric))[:2]))


class WhileRunning(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="perfmatrix-reader-")

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def test_a_file_being_written_reads_as_its_committed_rounds(self):
        job = os.path.join(self.dir, "nap.toml")
        with open(job, "w") as f:
            f.write(nap_job(16, sleep="0.3", warmup=0, repetitions=2))
        out = os.path.join(self.dir, "r.h5")
        proc = start(mpirun_argv(3, "run", job, "-o", out, "--progress", "none"))
        try:
            wait_for(lambda: committed(out) >= 2, 60, "2 committed cases")
            live = perfmatrix_results.read(out)
        finally:
            _, err = proc.communicate(timeout=120)
        self.assertEqual(proc.returncode, 0, err)
        # The writer's own mark: mpirun can outlive the closed file, the invocation's status cannot.
        self.assertEqual(live.invocations.status.tolist(), ["running"], "the read came after the run closed the file")
        self.assertTrue(2 <= len(live.cases) < 16, len(live.cases))
        # Every committed round is whole, and no sample is of a round not committed.
        per_case = live.samples.groupby("case_id").size()
        self.assertEqual(sorted(per_case.index), sorted(live.cases.case_id))
        self.assertEqual(set(per_case), {2 * len(SPAWN_METRICS)})
        final = perfmatrix_results.read(out)
        self.assertEqual(len(final.cases), 16)
        self.assertEqual(final.invocations.status.tolist(), ["completed"])


def committed(path):
    """Rounds committed so far, as the reader sees them; 0 while the run has not made the file."""
    try:
        return len(perfmatrix_results.read(path).cases)
    except (OSError, KeyError, ValueError):
        return 0


if __name__ == "__main__":
    unittest.main(verbosity=2)
