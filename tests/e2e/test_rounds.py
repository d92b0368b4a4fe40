"""Rounds under real mpirun: every case measured in independent rounds, the (case, round) units
in a seeded random order, a killed run resumed round by round, and bad input refused."""

import collections
import os
import unittest

from e2e_support import (
    E2ETest,
    Raw,
    kill_mid_run,
    mpirun_argv,
    nap_job,
    perfmatrix,
    read_joined,
    read_table,
    run,
    succeeded,
)


def job_text(cases, sleep="0.01", rounds=4):
    return nap_job(cases, sleep=sleep, rounds=rounds, repetitions=4)


def units_in_commit_order(path):
    return [(c["case_id"], c["round"]) for c in read_table(path, "cases")]


class Rounds(E2ETest):
    def test_every_case_is_measured_in_its_rounds_with_the_budget_split(self):
        job = self.job("r.toml", job_text(3))
        out = self.out()
        r = succeeded(run(mpirun_argv(3, "run", job, "-o", out, "--progress", "lines")))
        self.assertRegex(r.stderr, r"12 units \(3 cases x their rounds\) in a random order, --seed \d+")
        cases = read_table(out, "cases")
        per_case = collections.defaultdict(list)
        for c in cases:
            per_case[c["case_id"]].append(c)
        self.assertEqual(len(per_case), 3)
        ranks = {row["rank"]: row["node"] for row in read_table(out, "ranks")}
        for rows in per_case.values():
            self.assertEqual(sorted(c["round"] for c in rows), [0, 1, 2, 3])
            for c in rows:
                self.assertIn(c["rank"], (1, 2))
                self.assertEqual(c["node"], ranks[c["rank"]])
        # repetitions = 4 over 4 rounds: one measured sample per round, each tagged with its round.
        samples = [s for s in read_joined(out, "samples") if s["metric"] == "wall_time" and not s["warmup"]]
        per_round = collections.Counter((s["case_id"], s["round"]) for s in samples)
        self.assertEqual(len(per_round), 12)
        self.assertEqual(set(per_round.values()), {1})
        status = succeeded(perfmatrix("status", out, "--json"))
        self.assertIn('"planned":12', status.stdout.replace(" ", ""))

    def test_the_seed_decides_the_order(self):
        # One worker rank runs one unit at a time, so the commit order is the order handed out.
        job = self.job("r.toml", job_text(6))
        orders = {}
        for name, seed in (("a", "7"), ("b", "7"), ("c", "8")):
            out = self.out(f"{name}.h5")
            succeeded(run(mpirun_argv(2, "run", job, "-o", out, "--seed", seed, "--progress", "none")))
            orders[name] = units_in_commit_order(out)
            with __import__("h5py").File(out, "r") as f:
                self.assertEqual(f.attrs["seed"].decode(), seed)
        self.assertEqual(len(orders["a"]), 24)
        self.assertEqual(orders["a"], orders["b"], "the same seed gave another order")
        self.assertNotEqual(orders["a"], orders["c"], "another seed gave the same order")
        self.assertEqual(sorted(orders["a"]), sorted(orders["c"]))
        by_case = [u[0] for u in orders["a"]]
        self.assertNotEqual(by_case, sorted(by_case), "units ran case by case: not interleaved")
        # Without --seed every run draws its own.
        seeds = set()
        for name in ("d", "e"):
            out = self.out(f"{name}.h5")
            self.assertEqual(run(mpirun_argv(2, "run", job, "-o", out, "--progress", "none")).returncode, 0)
            with __import__("h5py").File(out, "r") as f:
                seeds.add(f.attrs["seed"].decode())
        self.assertEqual(len(seeds), 2)

    def test_sigkill_then_resume_runs_exactly_the_missing_rounds(self):
        job = self.job("r.toml", job_text(12, sleep="0.05"))
        out = self.out()
        finished = kill_mid_run(mpirun_argv(3, "run", job, "-o", out, "--progress", "lines", "--seed", "3"),
                                os.path.join(self.dir, "progress.log"), 10)
        self.assertLess(finished, 48, "the run finished before the kill; test proves nothing")
        self.assertEqual(perfmatrix("report", out, text=False).returncode, 0)
        before = set(units_in_commit_order(out))
        self.assertGreaterEqual(len(before), finished - 1)

        # Another round count or seed would mix two plans in one file: refused, nothing run.
        for extra, named in ((["--rounds", "2"], "--rounds"), (["--seed", "4"], "--seed")):
            r = run(mpirun_argv(2, "run", job, "-o", out, "--resume", *extra))
            self.assertEqual(r.returncode, 2, r.stderr)
            self.assertIn(named, r.stderr)
            self.assertEqual(set(units_in_commit_order(out)), before)

        r = succeeded(run(mpirun_argv(3, "run", job, "-o", out, "--resume", "--progress", "lines")))
        self.assertIn(f"{len(before)} of 48 units already recorded, {48 - len(before)} to run", r.stderr)
        units = units_in_commit_order(out)
        self.assertEqual(len(units), 48, "a round was lost or run twice")
        self.assertEqual(set(units), {(u, k) for u, _ in units for k in range(4)})
        self.assertEqual(units[:len(before)], [u for u in units if u in before], "rounds committed before the kill")
        self.assertEqual([i["status"] for i in read_table(out, "invocations")], ["killed", "completed"])

    def test_bad_rounds_are_refused_with_where_and_what(self):
        for value, expected in (("0", "an integer from 1"), ('"3"', "integer"), ("2.5", "integer")):
            job = self.job("bad.toml", job_text(1, sleep="0", rounds=Raw(value)))
            out = self.out("bad.h5")
            r = run(mpirun_argv(2, "run", job, "-o", out))
            self.assertEqual(r.returncode, 2, r.stderr)
            self.assertRegex(r.stderr, rf"bad\.toml:2:\d+: .*({expected}.*'rounds'|'rounds'.*{expected})")
            self.assertFalse(os.path.exists(out), "bad input created the results file")
        job = self.job("r.toml", job_text(1))
        for value in ("0", "x"):
            r = perfmatrix("run", job, "-o", self.out("cli.h5"), "--rounds", value)
            self.assertEqual(r.returncode, 2, r.stderr)
            self.assertIn("--rounds", r.stderr)


if __name__ == "__main__":
    unittest.main()
