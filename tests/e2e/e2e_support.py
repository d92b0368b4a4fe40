"""Shared helpers for end-to-end tests: real mpirun, the real perfmatrix binary, real HDF5
files read with h5py the way users read them."""

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "support"))
# Re-exported for the tests: the binary and the waits they share with tests/slurm, and the tables
# (read_joined: samples and components with their case ids and metric names joined back).
from job_toml import ONE_ROUND, Raw, benchmark, every_category_job, job_toml, spawn  # noqa: F401

from perfmatrix_cli import BIN, perfmatrix, planned_count, succeeded, wait_for  # noqa: F401
from results_tables import read_joined, read_table  # noqa: F401

ROOT = os.environ["PERFMATRIX_SOURCE_DIR"]


def mpi_env():
    env = dict(os.environ)
    if os.geteuid() == 0:  # Open MPI refuses to run as root without these
        env["OMPI_ALLOW_RUN_AS_ROOT"] = "1"
        env["OMPI_ALLOW_RUN_AS_ROOT_CONFIRM"] = "1"
    env.setdefault("OMPI_MCA_pml", "ob1")
    return env


def mpirun_argv(ranks, *args):
    return ["mpirun", "-np", str(ranks), "--oversubscribe", BIN, *args]


def run(argv, timeout=300, drop_env=(), **kw):
    env = {k: v for k, v in mpi_env().items() if k not in drop_env}
    return subprocess.run(argv, env=env, capture_output=True, text=True, timeout=timeout, **kw)


def start(argv):
    """A run in the background, output piped, for a test that acts while it runs."""
    return subprocess.Popen(argv, env=mpi_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def write_job(directory, name, body):
    path = os.path.join(directory, name)
    with open(path, "w") as f:
        f.write(body)
    return path


def nap_job(cases, sleep="0.05", rounds=1, warmup=0, repetitions=2):
    """The job the run-control tests share: `cases` spawn cases (i = 0..cases-1, or the given
    values) that each sleep `sleep` seconds, so they last long enough to be seen running or to be
    killed mid-run. A test can pass a bad `rounds` as Raw."""
    values = list(range(cases)) if isinstance(cases, int) else cases
    nap = spawn("nap", ["/bin/sleep", sleep], {"i": values})
    return job_toml(nap, rounds=rounds, warmup=warmup, repetitions=repetitions)


def run_job(directory, name, body, ranks=2, out=None):
    """Writes `body` as <name>.toml in `directory` and runs it under mpirun, quietly and to
    success, into `out` (default <name>.h5 beside it); returns the results file."""
    job = write_job(directory, name + ".toml", body)
    out = out or os.path.join(directory, name + ".h5")
    succeeded(run(mpirun_argv(ranks, "run", job, "-o", out, "--progress", "none")))
    return out


def has_gpu_devices():
    """True on a machine with NVIDIA device nodes: every rank there has a GPU of its own."""
    import glob
    return bool(glob.glob("/dev/nvidia[0-9]*"))


def pid_alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie is dead for our purposes, and cannot be waited on by us anyway.
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def session_pids(sid):
    """Live (non-zombie) processes of a session."""
    pids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError):
            continue
        # fields[0] is the state, fields[3] the session id.
        if fields[0] != "Z" and int(fields[3]) == sid:
            pids.append(int(entry))
    return pids


def kill_session(sid):
    """SIGKILL every process of a session at once: kill -9 of a whole run."""
    for pid in session_pids(sid):
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


class E2ETest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="perfmatrix-e2e-")

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def job(self, name, body):
        return write_job(self.dir, name, body)

    def out(self, name="r.h5"):
        return os.path.join(self.dir, name)


def kill_mid_run(argv, log_path, finished_at_least):
    """Starts a run in a session of its own (mpirun puts each rank in a process group of its
    own, so the whole run is "every process of that session"), SIGKILLs all of it once its
    progress log (--progress lines) shows `finished_at_least` finished units, waits until every
    process is gone, and returns how many the log showed by then."""
    def finished():
        with open(log_path) as f:
            return sum(1 for line in f if line.startswith("["))

    with open(log_path, "w+") as log:
        proc = subprocess.Popen(argv, env=mpi_env(), stdout=log, stderr=log, start_new_session=True)
        try:
            wait_for(lambda: finished() >= finished_at_least, 120, f"{finished_at_least} finished units")
        finally:
            kill_session(proc.pid)
            proc.wait()
    wait_for(lambda: not session_pids(proc.pid), 30, "every rank to die")
    return finished()
