"""`perfmatrix run --leaders` under real mpirun on emulated nodes (PERFMATRIX_NODE per app
context, as the SLURM tests emulate nodes): the first rank of each node other than rank 0's
relays its node's messages in batches and measures nothing, and the run's contract holds as
without leaders: every unit recorded exactly once, placement, interrupts, kill -9 and --resume."""

import collections
import itertools
import os
import signal
import unittest

from e2e_support import (
    BIN,
    E2ETest,
    job_toml,
    kill_mid_run,
    nap_job,
    perfmatrix,
    pid_alive,
    planned_count,
    read_table,
    run,
    spawn,
    start,
    succeeded,
    wait_for,
)

# Rank 0 alone on n0; ranks 1-3 on n1 and 4-6 on n2: ranks 1 and 4 lead, 2, 3, 5, 6 measure.
NODES = (1, 3, 3)
LEADERS = {1, 4}
WORKERS = {2, 3, 5, 6}


def emulated_nodes_argv(nodes, *args):
    """One mpirun, an app context per emulated node, each naming its node."""
    argv = ["mpirun", "--oversubscribe"]
    for i, ranks in enumerate(nodes):
        argv += ([":"] if i else []) + ["-np", str(ranks), "-x", f"PERFMATRIX_NODE=n{i}", BIN, *args]
    return argv


def units(out):
    return collections.Counter((c["case_id"], c["round"]) for c in read_table(out, "cases"))


class Leaders(E2ETest):
    def test_leaders_relay_every_unit_and_measure_nothing(self):
        # Shared naps beside exclusive ones, 2 rounds each, and results of rendezvous size
        # (2,000 repetitions: about 400 kB of JSON) that cross both hops.
        job = self.job("job.toml", job_toml(
            spawn("nap", ["/bin/sleep", "0.02"], {"i": list(range(24))}),
            spawn("alone", ["/bin/sleep", "0.05"], {"j": [0, 1, 2, 3]}, placement="exclusive"),
            spawn("big", ["/bin/true"], {"k": [0, 1]}, repetitions=2000, max_repetitions=2000),
            warmup=0, repetitions=2, rounds=2))
        out = self.out()
        r = succeeded(run(emulated_nodes_argv(NODES, "run", job, "-o", out, "--leaders", "--progress", "lines")))
        self.assertIn("--leaders: ranks 1, 4 relay their nodes' ranks to rank 0 and measure nothing", r.stderr)

        cases = read_table(out, "cases")
        counts = units(out)
        self.assertEqual(len(counts), 2 * planned_count(job))
        self.assertEqual(set(counts.values()), {1})
        self.assertEqual({c["status"] for c in cases}, {"ok"})
        self.assertEqual({c["rank"] for c in cases}, WORKERS, "a leader measured, or a worker got nothing")
        self.assertEqual({c["node"] for c in cases if c["rank"] in (2, 3)}, {1})
        self.assertEqual({c["node"] for c in cases if c["rank"] in (5, 6)}, {2})
        # Every repetition of the big results arrived.
        samples = read_table(out, "samples")
        big_rows = {i for i, c in enumerate(cases) if c["benchmark"] == "big"}
        per_case = collections.Counter(s["case"] for s in samples if s["case"] in big_rows)
        self.assertEqual(len(per_case), 4)
        self.assertEqual(len(set(per_case.values())), 1)
        self.assertGreaterEqual(min(per_case.values()), 2000)
        # An exclusive case ran alone on its node.
        for a, b in itertools.combinations(cases, 2):
            if a["node"] != b["node"] or "alone" not in (a["benchmark"], b["benchmark"]):
                continue
            overlap = min(a["ended"], b["ended"]) - max(a["started"], b["started"])
            self.assertLessEqual(overlap, 0, f"{a['case_id']} and {b['case_id']} overlapped on node {a['node']}")
        ranks = {r["rank"]: r["node"] for r in read_table(out, "ranks")}
        self.assertEqual(ranks, {0: 0, 1: 1, 2: 1, 3: 1, 4: 2, 5: 2, 6: 2})

    def test_kill_9_then_resume_with_leaders_records_every_unit_once(self):
        job = self.job("naps.toml", nap_job(40))
        planned = planned_count(job)
        out = self.out()
        argv = emulated_nodes_argv(NODES, "run", job, "-o", out, "--leaders", "--progress", "lines")
        done = kill_mid_run(argv, os.path.join(self.dir, "progress.log"), 8)
        self.assertLess(done, planned, "the run finished before the kill; test proves nothing")
        succeeded(perfmatrix("report", out))  # recovers the killed file, as a user's first look would
        self.assertGreaterEqual(len(read_table(out, "cases")), done - 1, "a unit shown finished was lost")

        succeeded(run(emulated_nodes_argv(NODES, "run", job, "-o", out, "--leaders", "--resume", "--progress",
                                          "none")))
        counts = units(out)
        self.assertEqual(len(counts), planned)
        self.assertEqual(set(counts.values()), {1}, [k for k, v in counts.items() if v > 1])
        self.assertEqual([i["status"] for i in read_table(out, "invocations")], ["killed", "completed"])

    def test_sigint_reaches_the_cases_behind_leaders_and_the_run_ends(self):
        pidfile = os.path.join(self.dir, "pid")
        long = ["/bin/sh", "-c", f"echo $$ > {pidfile}; exec sleep 300"]
        job = self.job("job.toml", job_toml(spawn("long", long, timeout=300), warmup=0, repetitions=1, rounds=1))
        out = self.out()
        proc = start(emulated_nodes_argv(NODES, "run", job, "-o", out, "--leaders", "--progress", "lines"))
        wait_for(lambda: os.path.exists(pidfile) and os.path.getsize(pidfile) > 0, 60, "the long case")
        with open(pidfile) as f:
            pid = int(f.read())
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
        self.assertNotEqual(proc.returncode, 0, err)
        wait_for(lambda: not pid_alive(pid), 10, "the case's process to end")
        self.assertEqual(read_table(out, "cases"), [])
        self.assertEqual([i["status"] for i in read_table(out, "invocations")], ["interrupted"])


if __name__ == "__main__":
    unittest.main()
