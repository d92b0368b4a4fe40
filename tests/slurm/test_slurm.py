"""perfmatrix on a real SLURM (run by run_tests.sh, which brings up the cluster): submit jobs
with `perfmatrix submit`, wait for SLURM to finish them, and read the HDF5 results with h5py."""

import os
import re
import subprocess
import sys
import unittest

import h5py

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "support"))
from perfmatrix_cli import perfmatrix, planned_count, succeeded, wait_for
from results_tables import read_joined, read_table  # read_joined: samples with case ids and metric names

WORK = os.environ["PERFMATRIX_SLURM_WORK"]
JOBS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "jobs")


def committed_cases(path):
    """Cases committed so far, read while perfmatrix writes (SWMR); 0 while there is no file."""
    try:
        with h5py.File(path, "r", libver="latest", swmr=True) as f:
            return len(f["cases"])
    except (OSError, KeyError):
        return 0


def job_active(job_id):
    r = subprocess.run(["squeue", "-h", "-j", str(job_id), "-o", "%T"], capture_output=True, text=True)
    # Once the controller forgets a finished job, squeue says "Invalid job id".
    return r.returncode == 0 and r.stdout.strip() != ""


def read_if_there(path):
    try:
        with open(path) as f:
            return f.read()
    except FileNotFoundError:
        return ""


def wait_until(predicate, timeout, what):
    """wait_for() at the pace of squeue, which asks slurmctld each time."""
    wait_for(predicate, timeout, what, interval=0.3)


class Slurm(unittest.TestCase):
    maxDiff = None

    def submit(self, job_file, out, *options):
        r = succeeded(perfmatrix("submit", os.path.join(JOBS, job_file), "-o", out, *options, timeout=120))
        m = re.search(r"^Submitted batch job (\d+)$", r.stdout, re.M)
        self.assertIsNotNone(m, r.stdout)
        return int(m.group(1))

    def finish(self, job_id, out, timeout=90):
        """Waits for the job; returns its batch log (slurm writes <stem>-<id>.out beside out)."""
        wait_until(lambda: not job_active(job_id), timeout, f"job {job_id}")
        log = os.path.join(os.path.dirname(out), f"{os.path.splitext(os.path.basename(out))[0]}-{job_id}.out")
        with open(log) as f:
            return f.read()

    def ranks(self, out):
        return {r["rank"]: r for r in read_table(out, "ranks")}

    def test_cpu_job(self):
        out = os.path.join(WORK, "cpu.h5")
        job_id = self.submit("cpu.toml", out, "--partition", "cpu", "--ntasks-per-node", "2", "--time", "5")
        log = self.finish(job_id, out)
        self.assertIn("perfmatrix: run exited with code 0", log)
        self.assertRegex(log, r"launcher srun \(detected\): srun --mpi=pmix \S+ run ")
        cases = read_table(out, "cases")
        self.assertEqual(len(cases), planned_count(os.path.join(JOBS, "cpu.toml")))
        self.assertEqual({c["status"] for c in cases}, {"ok"}, cases)
        self.assertEqual({r["host"] for r in self.ranks(out).values()}, {"n1"})
        self.assertEqual([i["status"] for i in read_table(out, "invocations")], ["completed"])
        self.assertTrue(os.path.exists(os.path.join(WORK, "cpu.sbatch")), "the submitted script is kept")

    def test_mpirun_on_two_emulated_nodes_names_each_node(self):
        out = os.path.join(WORK, "mpirun.h5")
        job_id = self.submit("cpu.toml", out, "--partition", "all", "--nodes", "2", "--ntasks-per-node", "1",
                             "--launcher", "mpirun")
        log = self.finish(job_id, out)
        self.assertIn("perfmatrix: run exited with code 0", log)
        self.assertIn("launcher mpirun (asked): mpirun ", log)
        ranks = self.ranks(out)
        # Both emulated nodes share this host and its shared memory: only SLURM's node names
        # tell them apart, and node numbers must follow the names.
        self.assertEqual({r: (v["host"], v["node"]) for r, v in ranks.items()}, {0: ("n1", 0), 1: ("n2", 1)})
        self.assertEqual({c["status"] for c in read_table(out, "cases")}, {"ok"})

    def test_heterogeneous_job_runs_gpu_cases_only_on_the_gpu_component(self):
        out = os.path.join(WORK, "hetero.h5")
        job_id = self.submit("hetero.toml", out, "--partition", "cpu", "--ntasks-per-node", "2",
                             "--gpu-partition", "gpu", "--gres", "gpu:1")
        log = self.finish(job_id, out)
        self.assertIn("perfmatrix: run exited with code 0", log)
        self.assertIn("--het-group=0-1", log)
        ranks = self.ranks(out)
        # One MPI world: 2 ranks of the CPU component on n1, 1 of the GPU component on n2.
        self.assertEqual(sorted((v["host"], v["gpus"]) for v in ranks.values()), [("n1", 0), ("n1", 0), ("n2", 1)])
        cases = read_table(out, "cases")
        self.assertEqual(len(cases), 6)
        self.assertEqual({c["status"] for c in cases}, {"ok"}, cases)
        gpu_cases = [c for c in cases if c["benchmark"] == "on-gpu"]
        self.assertEqual(len(gpu_cases), 3)
        for c in gpu_cases:
            self.assertEqual(ranks[c["rank"]]["host"], "n2", c)
            self.assertEqual(c["host"], "n2", c)

    def test_warning_signal_interrupts_and_a_resubmission_resumes(self):
        help_text = perfmatrix("run", "--help").stdout
        if "--grace" not in help_text:
            self.skipTest("this perfmatrix has no SIGUSR1 handling yet (`perfmatrix run --help` lists no --grace)")
        # Every case waits while `hold` exists, so the signal is sure to find the first case in
        # flight and the others unstarted, however slow the machine (it once arrived after 11 of
        # 12 cases, the last finished within the grace period, and the run exited 0).
        hold = os.path.join(WORK, "slow.hold")
        job = os.path.join(WORK, "slow.toml")
        with open(os.path.join(JOBS, "slow.toml")) as f:
            text = f.read().replace('argv = ["/bin/sleep", "0.5"]',
                                    f'argv = ["/bin/sh", "-c", "while [ -e {hold} ]; do sleep 0.05; done; sleep 0.2"]')
        self.assertIn(hold, text)
        with open(job, "w") as f:
            f.write(text)
        open(hold, "w").close()
        total = planned_count(job)
        out = os.path.join(WORK, "slow.h5")
        options = ["--partition", "cpu", "--ntasks-per-node", "2", "--time", "10"]
        first = self.submit(job, out, *options)
        try:
            wait_until(lambda: os.path.exists(out + ".running"), 60, "the first case to start")
            # What SLURM does at --signal=B:USR1@S before the time limit: signal the batch shell.
            subprocess.run(["scancel", "--batch", "--signal=USR1", str(first)], check=True)
            log_path = os.path.join(WORK, f"slow-{first}.out")
            wait_until(lambda: "SIGUSR1 (time-limit warning)" in read_if_there(log_path), 60,
                       "rank 0 to take the warning")
        finally:
            os.remove(hold)  # the case in flight finishes within the grace period; no other starts
        log = self.finish(first, out)
        self.assertIn("perfmatrix: run exited with code 3", log)
        # Not through srun, which would signal the cases' processes too.
        self.assertRegex(log, r"passing SIGUSR1 to rank 0 \(pid \d+\)")
        self.assertEqual([i["status"] for i in read_table(out, "invocations")], ["interrupted"])
        done_first = len(read_table(out, "cases"))
        self.assertEqual(done_first, 1, "one worker: the case in flight is recorded, none other started")

        second = self.submit(job, out, *options)
        log = self.finish(second, out)
        self.assertIn("perfmatrix: run exited with code 0", log)
        self.assertEqual([i["status"] for i in read_table(out, "invocations")], ["interrupted", "completed"])
        cases = read_table(out, "cases")
        ids = [c["case_id"] for c in cases]
        self.assertEqual(len(ids), total)
        self.assertEqual(len(set(ids)), total, "a case ran twice")
        self.assertEqual({c["status"] for c in cases}, {"ok"})
        samples = read_joined(out, "samples")
        per_case = {}
        for s in samples:
            if s["metric"] == "wall_time":
                per_case[s["case_id"]] = per_case.get(s["case_id"], 0) + 1
        self.assertEqual(per_case, {i: 2 for i in ids}, "every case's samples exactly once")

    def test_array_split_runs_shares_that_merge_into_the_whole_job(self):
        help_text = perfmatrix("run", "--help").stdout
        if "--array-split" not in help_text:
            self.skipTest("this perfmatrix has no `run --array-split` yet")
        out = os.path.join(WORK, "array.h5")
        job_id = self.submit("cpu.toml", out, "--partition", "all", "--ntasks-per-node", "2", "--array-split", "2")
        wait_until(lambda: not job_active(job_id), 90, f"array job {job_id}")
        shares = [os.path.join(WORK, f"array-{task}.h5") for task in (0, 1)]
        ids = [c["case_id"] for share in shares for c in read_table(share, "cases")]
        self.assertTrue(all(read_table(share, "cases") for share in shares), "each task ran a share")
        merged = os.path.join(WORK, "array-merged.h5")
        succeeded(perfmatrix("merge", *shares, "-o", merged))
        total = planned_count(os.path.join(JOBS, "cpu.toml"))
        self.assertEqual(sorted(ids), sorted(c["case_id"] for c in read_table(merged, "cases")))
        self.assertEqual(len(set(ids)), total, "the shares cover the job, each case once")

    def test_dry_run_prints_a_heterogeneous_script_and_submits_nothing(self):
        before = subprocess.run(["squeue", "-h", "-o", "%i"], capture_output=True, text=True, check=True).stdout
        r = succeeded(perfmatrix("submit", os.path.join(JOBS, "hetero.toml"), "-o", os.path.join(WORK, "dry.h5"),
                          "--partition", "cpu", "--gpu-partition", "gpu", "--time", "00:05:00", "--requeue",
                          "--signal-before", "45", "--dry-run"))
        script = r.stdout
        self.assertTrue(script.startswith("#!/usr/bin/env bash\n"), script)
        # sbatch reads #SBATCH lines only up to the first command.
        lines = script.splitlines()
        first_command = next(i for i, line in enumerate(lines) if line and not line.startswith("#"))
        self.assertFalse([line for line in lines[first_command:] if line.startswith("#SBATCH")], script)
        cpu, gpu = script.split("#SBATCH hetjob\n")
        self.assertIn("#SBATCH --partition=cpu\n", cpu)
        self.assertIn("#SBATCH --signal=B:USR1@45\n", cpu)
        self.assertIn("#SBATCH --requeue\n", cpu)
        self.assertIn("#SBATCH --partition=gpu\n", gpu)
        self.assertIn("#SBATCH --gres=gpu:1\n", gpu)
        self.assertIn("scontrol requeue", gpu)
        self.assertIn("heterogeneous job", r.stderr)
        self.assertEqual(subprocess.run(["bash", "-n"], input=script, text=True).returncode, 0)
        self.assertFalse(os.path.exists(os.path.join(WORK, "dry.sbatch")))
        after = subprocess.run(["squeue", "-h", "-o", "%i"], capture_output=True, text=True, check=True).stdout
        self.assertEqual(before, after, "--dry-run submitted something")

    def test_bad_option_is_refused_with_its_name(self):
        r = perfmatrix("submit", os.path.join(JOBS, "cpu.toml"), "--account", "my project", "--dry-run")
        self.assertEqual(r.returncode, 2, r.stdout + r.stderr)
        self.assertIn("--account", r.stderr)


if __name__ == "__main__":
    unittest.main()
