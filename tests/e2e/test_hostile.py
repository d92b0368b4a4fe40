"""Defects hostile testing found (issue 12): each test failed before its fix."""

import os
import shutil
import subprocess
import time
import unittest

from e2e_support import BIN, ONE_ROUND, E2ETest, job_toml, mpirun_argv, perfmatrix, read_table, run, spawn, succeeded

FILL = job_toml(spawn("t", ["/bin/true"], {"i": list(range(20))}), repetitions=500, placement="shared", **ONE_ROUND)


def mount_small_tmpfs(path, size):
    """A real small file system, where root may mount one; None where not. (RLIMIT_FSIZE is no
    substitute: mpirun's own PMIx shared memory then fails before perfmatrix starts.)"""
    if os.geteuid() != 0 or not shutil.which("mount"):
        return None
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", path], capture_output=True)
    return path if r.returncode == 0 else None


class DiskFull(E2ETest):
    def setUp(self):
        super().setUp()
        self.disk = os.path.join(self.dir, "disk")
        os.mkdir(self.disk)
        self.mounted = mount_small_tmpfs(self.disk, "1m")
        if not self.mounted:
            self.skipTest("needs root and mount(8) for a 1 MiB tmpfs: skipped the full-disk test")

    def tearDown(self):
        if self.mounted:
            subprocess.run(["umount", "-l", self.disk])
        super().tearDown()

    def test_a_full_disk_with_three_ranks_exits_1_promptly_and_resume_finishes(self):
        """Rank 0's commit fails while workers hold results: it used to wait in MPI_Finalize
        while a worker blocked for ever sending a result nobody received."""
        job = self.job("fill.toml", FILL)
        out = os.path.join(self.disk, "f.h5")
        started = time.monotonic()
        r = run(mpirun_argv(3, "run", job, "-o", out, "--progress", "none"), timeout=120)
        took = time.monotonic() - started
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertLess(took, 60, "the failed run did not end promptly")
        ours = [line for line in r.stderr.splitlines() if line.startswith("perfmatrix")]
        self.assertEqual(len(ours), 1, r.stderr)
        self.assertRegex(ours[0], r"f\.h5: .*No space left on device$")
        self.assertEqual(subprocess.run(["pgrep", "-f", f"perfmatrix run {job}"]).returncode, 1,
                         "a rank outlived the run")

        # What fit is readable, the invocation says it failed...
        succeeded(perfmatrix("report", out))
        kept = read_table(out, "cases")
        self.assertGreater(len(kept), 0, "nothing fit: the test proves nothing about what is kept")
        self.assertLess(len(kept), 20, "everything fit: the disk never filled")
        self.assertEqual([i["status"] for i in read_table(out, "invocations")], ["failed"])

        # ...and once there is room, --resume finishes the run.
        subprocess.run(["mount", "-o", "remount,size=64m", self.disk], check=True)
        succeeded(run(mpirun_argv(3, "run", job, "-o", out, "--resume", "--progress", "none"), timeout=300))
        cases = read_table(out, "cases")
        self.assertEqual(sorted(c["case_id"] for c in cases), sorted(set(c["case_id"] for c in cases)))
        self.assertEqual(len(cases), 20)



def escape_job(seconds):
    return job_toml(spawn("escape", ["/bin/sh", "-c", f"setsid sleep {seconds}; true"]),
                    repetitions=1, warmup=0, timeout=1, **ONE_ROUND)


class Descendants(E2ETest):
    def test_a_grandchild_that_calls_setsid_dies_with_its_case_and_is_recorded(self):
        """setsid takes the grandchild out of the case's process group, so killing the group
        missed it: it lived on with PPID 1. perfmatrix-measure is now its subreaper."""
        seconds = "333.25"  # a value nothing else on the machine sleeps for
        job = self.job("escape.toml", escape_job(seconds))
        out = self.out()
        succeeded(run(mpirun_argv(2, "run", job, "-o", out, "--progress", "none"), timeout=120))
        left = subprocess.run(["pgrep", "-f", f"sleep {seconds}"], capture_output=True, text=True)
        self.assertEqual(left.returncode, 1, f"outlived its case: {left.stdout}")
        self.assertEqual([c["status"] for c in read_table(out, "cases")], ["timeout"])
        env = {e["key"]: e["value"] for e in read_table(out, "case_environment")}
        self.assertEqual(env.get("case.left_processes"), "1 still running when the case ended, killed")



class CaseDirectories(E2ETest):
    def test_a_run_removes_case_directories_whose_maker_is_dead(self):
        """kill -9 of a rank leaves its perfmatrix-case-* directory: the next run removes it."""
        tmp = os.path.join(self.dir, "tmp")
        os.mkdir(tmp)
        gone = subprocess.Popen(["/bin/true"])
        gone.wait()  # its pid is now free: the maker of `dead` is gone
        dead = os.path.join(tmp, f"perfmatrix-case-{gone.pid}-AbCdEf")
        alive = os.path.join(tmp, f"perfmatrix-case-{os.getpid()}-AbCdEf")
        other = os.path.join(tmp, "perfmatrix-case-AbCdEf")  # no maker named: not ours to judge
        for d in (dead, alive, other):
            os.mkdir(d)
            with open(os.path.join(d, "case.json"), "w") as f:
                f.write("{}")
        job = self.job("one.toml", escape_job("0"))
        env = dict(os.environ, TMPDIR=tmp)
        succeeded(perfmatrix("run", job, "-o", self.out(), "--progress", "none", env=env, timeout=120))
        self.assertFalse(os.path.exists(dead))
        self.assertTrue(os.path.exists(alive))
        self.assertTrue(os.path.exists(other))
        self.assertEqual(sorted(os.listdir(tmp)), sorted(os.path.basename(d) for d in (alive, other)),
                         "the run left its own case directory behind")



TINY = job_toml(spawn("t", ["/bin/true"]), repetitions=20, **ONE_ROUND)


class DamagedFile(E2ETest):
    def test_a_flipped_byte_in_a_sample_is_an_error_naming_its_table(self):
        """It used to change the report's min and median, with exit 0."""
        import h5py
        job = self.job("tiny.toml", TINY)
        out = self.out()
        self.assertEqual(run([BIN, "run", job, "-o", out, "--progress", "none"]).returncode, 0)
        self.assertEqual(perfmatrix("report", out, text=False).returncode, 0)
        with h5py.File(out, "r") as f:
            samples = f["samples"]
            self.assertTrue(samples.fletcher32)
            chunk = samples.id.get_chunk_info(0)
        with open(out, "r+b") as f:  # one byte in the middle of the samples' first chunk
            f.seek(chunk.byte_offset + chunk.size // 2)
            byte = f.read(1)[0]
            f.seek(-1, os.SEEK_CUR)
            f.write(bytes([byte ^ 0x20]))
        r = perfmatrix("report", out)
        self.assertEqual(r.returncode, 1, r.stdout)
        self.assertIn("table 'samples'", r.stderr)
        self.assertIn("Fletcher32 checksum", r.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
