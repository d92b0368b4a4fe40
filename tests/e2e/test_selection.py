"""Selection (-k, --benchmark, --category) and command-line settings (--repetitions, --warmup,
--sample-time, --timeout, --rounds) under real mpirun: what plan lists is what run measures, the
file records both, --resume continues them and refuses others, and bad input creates nothing."""

import json
import os
import unittest

import h5py

from e2e_support import (
    ONE_ROUND,
    E2ETest,
    benchmark,
    job_toml,
    mpirun_argv,
    perfmatrix,
    read_joined,
    read_table,
    run,
    spawn,
    succeeded,
)


def mixed_job(**defaults):
    """Two spawn benchmarks along an axis, and one memory kind: three names, two categories."""
    return job_toml(
        spawn("nbody", ["/bin/true", "{py}"], {"py": ["3.11", "3.12"]}),
        spawn("richards", ["/bin/true", "{py}"], {"py": ["3.11", "3.12"]}),
        benchmark("alloc", "memory_alloc", size=64, min_batch_time=0.005),
        name="mixed", **{"warmup": 0, "repetitions": 2, **ONE_ROUND, **defaults})


def planned_ids(*args):
    plan = json.loads(succeeded(perfmatrix("plan", *args, "--json")).stdout)
    return plan, [c["case_id"] for c in plan["cases"]]


def recorded_ids(path):
    return sorted({c["case_id"] for c in read_table(path, "cases")})


class Selecting(E2ETest):
    def test_k_matches_names_ids_and_axis_values_on_plan_run_report_compare_and_export(self):
        job = self.job("j.toml", mixed_job())
        _, every = planned_ids(job)
        self.assertEqual(len(every), 5)
        plan, by_axis = planned_ids(job, "-k", "py=3.12")
        self.assertEqual(len(by_axis), 2)
        self.assertEqual({c["benchmark"] for c in plan["cases"]}, {"nbody", "richards"})
        self.assertEqual(plan["selection"], {"k": ["py=3.12"]})
        _, either = planned_ids(job, "-k", "nbody|alloc")
        self.assertEqual(len(either), 3)
        _, both = planned_ids(job, "-k", "nbody", "-k", "py=3.11")  # every -k must match
        self.assertEqual(len(both), 1)
        _, by_id = planned_ids(job, "-k", both[0])
        self.assertEqual(by_id, both)
        _, memory = planned_ids(job, "--category", "memory")
        self.assertEqual(len(memory), 1)
        _, named = planned_ids(job, "--benchmark", "richards", "--benchmark", "alloc")
        self.assertEqual(len(named), 3)
        text = succeeded(perfmatrix("plan", job, "-k", "py=3.12")).stdout
        self.assertIn("selected: -k 'py=3.12' (2 of 5 cases)", text)
        self.assertIn("2 cases planned", text)

        out = self.out()
        succeeded(run(mpirun_argv(2, "run", job, "-o", out, "-k", "py=3.12", "--progress", "none")))
        self.assertEqual(recorded_ids(out), sorted(by_axis))
        with h5py.File(out, "r") as f:
            self.assertEqual(json.loads(f.attrs["selection"].decode()), {"k": ["py=3.12"]})
            self.assertEqual(int(f.attrs["planned_cases"]), 2)

        whole = self.out("whole.h5")
        succeeded(run(mpirun_argv(2, "run", job, "-o", whole, "--progress", "none")))
        report = json.loads(succeeded(perfmatrix("report", whole, "--format", "json", "-k", "richards")).stdout)
        self.assertEqual({row["benchmark"] for row in report["cases"]}, {"richards"})
        compared = json.loads(succeeded(perfmatrix("compare", whole, out, "--format", "json", "-k", "nbody")).stdout)
        pairs = compared["comparisons"][0]["cases"] + compared["comparisons"][0]["not_compared"]
        self.assertEqual({c["benchmark"] for c in pairs}, {"nbody"})
        exported = json.loads(succeeded(perfmatrix("export", whole, "--format", "gbench",
                                                   "--category", "memory")).stdout)
        self.assertEqual({b["run_name"].split("/")[0] for b in exported["benchmarks"]}, {"alloc"})

    def test_a_filtered_run_resumed_continues_its_selection_and_refuses_another(self):
        job = self.job("j.toml", mixed_job())
        out = self.out()
        succeeded(run(mpirun_argv(2, "run", job, "-o", out, "--benchmark", "nbody", "--progress", "none")))
        first = recorded_ids(out)
        self.assertEqual(len(first), 2)
        r = run(mpirun_argv(2, "run", job, "-o", out, "--resume", "--benchmark", "richards"))
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("--benchmark nbody", r.stderr)
        r = succeeded(run(mpirun_argv(2, "run", job, "-o", out, "--resume", "--progress", "lines")))
        self.assertIn("2 of 2 units already recorded, 0 to run", r.stderr)
        self.assertEqual(recorded_ids(out), first)

    def test_bad_selection_exits_2_naming_the_option_and_creates_nothing(self):
        job = self.job("j.toml", mixed_job())
        out = self.out()
        for args, expected in ((["--category", "gpu-stuff"], "--category"),
                               (["-k", "no-such-case"], "-k 'no-such-case' matches none of the 5 cases"),
                               (["-k", "("], "-k '(': expected a regular expression"),
                               (["--repetitions", "0"], "--repetitions"),
                               (["--warmup", "-1"], "--warmup"),
                               (["--sample-time", "0"], "--sample-time"),
                               (["--timeout", "0"], "--timeout")):
            for command in (["plan", job], ["run", job, "-o", out]):
                r = perfmatrix(*command, *args)
                self.assertEqual(r.returncode, 2, (command, args, r.stderr))
                self.assertIn(expected, r.stderr)
                self.assertFalse(os.path.exists(out), f"{args} created the results file")
        whole = self.out("whole.h5")
        succeeded(run(mpirun_argv(2, "run", job, "-o", whole, "--progress", "none", "--benchmark", "alloc")))
        for command in ("report", "export"):
            extra = ["--format", "gbench"] if command == "export" else []
            r = perfmatrix(command, whole, *extra, "-k", "nbody")
            self.assertEqual(r.returncode, 2, r.stderr)
            self.assertIn("-k 'nbody' matches none of the 1 case of", r.stderr)


class CommandLineSettings(E2ETest):
    def test_settings_replace_the_jobs_are_recorded_per_case_and_kept_on_resume(self):
        job = self.job("j.toml", mixed_job())
        plan, _ = planned_ids(job, "--repetitions", "3", "--warmup", "2", "--timeout", "7",
                              "--sample-time", "0.002", "--rounds", "2")
        for c in plan["cases"]:
            self.assertEqual((c["settings"]["repetitions"], c["settings"]["warmup"], c["settings"]["rounds"]),
                             (3, 2, 2))
            self.assertEqual(c["settings"]["timeout"], 7)
        alloc = next(c for c in plan["cases"] if c["kind"] == "memory_alloc")
        self.assertEqual(alloc["params"]["min_batch_time"], 0.002)  # its kind's sample-time parameter
        self.assertNotIn("min_batch_time", plan["cases"][0]["params"])  # spawn has none

        out = self.out()
        succeeded(run(mpirun_argv(2, "run", job, "-o", out, "--progress", "none", "--benchmark", "nbody",
                                  "--repetitions", "4", "--warmup", "2", "--rounds", "2")))
        env = read_table(out, "case_environment")
        for c in recorded_ids(out):
            mine = {e["key"]: e["value"] for e in env if e["case_id"] == c}
            settings = json.loads(mine["settings"])  # one row of JSON a round (docs/results.md)
            self.assertEqual((settings["repetitions"], settings["warmup"], settings["rounds"]), (4, 2, 2))
        samples = [s for s in read_joined(out, "samples") if s["metric"] == "wall_time"]
        self.assertEqual(sum(1 for s in samples if s["warmup"]), 2 * 2 * 2)  # 2 per round, 2 rounds, 2 cases
        self.assertEqual(sum(1 for s in samples if not s["warmup"]), 2 * 4)  # 4 per case, split over rounds
        with h5py.File(out, "r") as f:
            self.assertEqual(json.loads(f.attrs["settings_override"].decode()), {"repetitions": 4, "warmup": 2})
            self.assertEqual(int(f.attrs["rounds_override"]), 2)
        r = run(mpirun_argv(2, "run", job, "-o", out, "--resume", "--repetitions", "5"))
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("started with --repetitions 4 --warmup 2 --rounds 2, this run asks for --repetitions 5",
                      r.stderr)
        succeeded(run(mpirun_argv(2, "run", job, "-o", out, "--resume", "--repetitions", "4", "--progress", "none")))


if __name__ == "__main__":
    unittest.main()
