"""perfmatrix system: every rank's settings, printed by rank 0, under mpirun and alone. The
values depend on the machine, so only the shape is checked: each rank named, each setting listed."""

import re
import unittest

from e2e_support import BIN, mpirun_argv, run, succeeded

SETTINGS = ["governor", "cpufreq_driver", "turbo", "smt_active", "aslr", "isolated_cpus", "nohz_full",
            "thp_enabled", "thp_defrag", "load", "top_cpu", "perf_event_paranoid"]


def setting_lines(block):
    return {m.group(1): m.group(2) for m in re.finditer(r"^  (\w+) +(\S.*)$", block, re.M)}


def rank_blocks(out):
    """rank number -> its block of lines."""
    parts = re.split(r"^(?=rank \d+, node)", out, flags=re.M)
    return {int(re.match(r"rank (\d+)", p).group(1)): p for p in parts if p.startswith("rank ")}


class SystemCommand(unittest.TestCase):
    def check_ranks(self, out, ranks):
        plural = "s" if ranks > 1 else ""
        self.assertIn(f"perfmatrix system: {ranks} rank{plural} (read only: nothing was changed)", out)
        blocks = rank_blocks(out)
        self.assertEqual(sorted(blocks), list(range(ranks)), out)
        for rank, block in blocks.items():
            lines = setting_lines(block)
            for name in SETTINGS:
                self.assertIn(name, lines, f"rank {rank}: {block}")
                self.assertTrue(lines[name].strip(), f"rank {rank} {name}")

    def test_every_rank_under_mpirun(self):
        r = succeeded(run(mpirun_argv(2, "system"), timeout=120))
        self.check_ranks(r.stdout, 2)

    def test_one_rank_without_mpirun(self):
        r = succeeded(run([BIN, "system"], timeout=120))
        self.check_ranks(r.stdout, 1)

    def test_help_says_it_changes_nothing(self):
        r = succeeded(run([BIN, "system", "--help"], timeout=60))
        self.assertIn("never changes the machine", r.stdout)


if __name__ == "__main__":
    unittest.main()
