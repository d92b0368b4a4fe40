"""The perfmatrix binary under test ($PERFMATRIX_BIN) as the Python tests drive it: the e2e tests
(tests/e2e/e2e_support.py) and the SLURM tests (tests/slurm/test_slurm.py) both run it, count
what a job plans and wait for what a run leaves behind."""

import os
import re
import shlex
import subprocess
import time

BIN = os.environ["PERFMATRIX_BIN"]


def perfmatrix(*args, timeout=300, text=True, **kw):
    """One perfmatrix command, output captured. The timeout turns a hang into a failure that names
    the command instead of one that ends at ctest's limit."""
    return subprocess.run([BIN, *args], capture_output=True, text=text, timeout=timeout, **kw)


def succeeded(result):
    """`result`, a finished subprocess, if it exited 0; else fails the test with its output. A plain
    raise, not assertEqual, so that setUpClass can use it too."""
    if result.returncode != 0:
        raise AssertionError(f"{shlex.join(result.args)} exited {result.returncode}:\n{result.stderr}{result.stdout}")
    return result


def planned_count(job_path):
    out = succeeded(perfmatrix("plan", job_path)).stdout
    return int(re.search(r"^(\d+) cases? planned$", out, re.M).group(1))


def wait_for(predicate, timeout, what, interval=0.02):
    """Polls until `predicate()` holds; `interval` is longer where a look is costly (squeue)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")
