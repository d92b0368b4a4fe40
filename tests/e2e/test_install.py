"""`cmake --install` into a temporary prefix, then a small job with the installed programs while the
source and build trees are hidden: each command runs in a private mount namespace with an empty tmpfs
mounted over both trees, from /, so nothing can come from them. The prefix is moved after the install,
so nothing can come from the install path either: the programs find their files relative to
themselves (measure/resource_paths.hpp, docs/install.md). Where no mount namespace can hide them (a
chroot, such as ../shared/fresh-machine.sh's, whose root is no mount point), the job runs unhidden and
the test says so; every installed file is also checked to name neither tree.

The job runs under real mpirun: a spawn case of /bin/true, a python_workload case through the installed
harness, a torch_matmul case through the installed runner module where one was built; then `perfmatrix
report` and, with matplotlib, `perfmatrix plot`."""

import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

from e2e_support import ROOT, benchmark, job_toml, mpi_env, spawn

BUILD = os.environ["PERFMATRIX_BUILD_DIR"]
CMAKE = os.environ.get("PERFMATRIX_CMAKE", "cmake")
PYTHON = "/usr/bin/python3"
# Variables that point the programs at files elsewhere: the installed tree must do without them.
OVERRIDES = ("PERFMATRIX_HARNESS", "PERFMATRIX_MODULE_DIR", "PERFMATRIX_PLOTS_SCRIPT", "PERFMATRIX_BIN",
             "PERFMATRIX_SOURCE_DIR", "PERFMATRIX_BUILD_DIR")

# Mounts an empty tmpfs over each of the first $1 arguments (deepest first, so a build tree inside the
# source tree is covered before the source), checks each is empty, then runs the rest from /.
HIDE = """set -e
n=$1; shift
while [ "$n" -gt 0 ]; do
  mount -t tmpfs -o size=1m perfmatrix-hidden "$1"
  [ -z "$(ls -A "$1")" ] || { echo "$1 is still visible" >&2; exit 97; }
  shift; n=$((n - 1))
done
cd /
exec "$@"
"""


def namespace_argv():
    # As root, a mount namespace; otherwise a user namespace too, in which the caller may mount.
    base = ["unshare", "-m", "--propagation", "private"]
    return base if os.geteuid() == 0 else ["unshare", "-r"] + base[1:]


def hidden_argv(*command):
    trees = sorted({os.path.realpath(BUILD), os.path.realpath(ROOT)}, key=len, reverse=True)
    return namespace_argv() + ["sh", "-c", HIDE, "hide", str(len(trees)), *trees, *command]


def hidden_env():
    env = {k: v for k, v in mpi_env().items() if k not in OVERRIDES}
    # Inside a user namespace the caller is root too, and Open MPI asks for these then.
    env["OMPI_ALLOW_RUN_AS_ROOT"] = env["OMPI_ALLOW_RUN_AS_ROOT_CONFIRM"] = "1"
    return env


# unshare's words where / is not a mount point (a chroot): no namespace of ours can make it private.
CHROOT = "cannot change root filesystem propagation"
CAN_HIDE = True


def run_hidden(*command, timeout=300):
    argv = hidden_argv(*command) if CAN_HIDE else list(command)
    result = subprocess.run(argv, env=hidden_env(), capture_output=True, text=True, timeout=timeout, cwd="/")
    if result.returncode != 0:
        raise AssertionError(f"{' '.join(command)} exited {result.returncode} with the trees hidden:\n"
                             f"{result.stderr}{result.stdout}")
    return result


def has_matplotlib():
    return subprocess.run([PYTHON, "-c", "import matplotlib"], capture_output=True).returncode == 0


class Install(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        global CAN_HIDE
        probe = subprocess.run(hidden_argv("true"), env=hidden_env(), capture_output=True, text=True, cwd="/")
        if probe.returncode != 0 and CHROOT in probe.stderr:
            CAN_HIDE = False
            print("note: in a chroot the trees cannot be hidden (unshare: " + CHROOT + "); the job runs from / "
                  "beside them, and the installed files are checked to name neither", file=sys.stderr)
        elif probe.returncode != 0:
            raise AssertionError("this test hides the source and build trees with `unshare -m` and tmpfs mounts, "
                                 f"which failed here (run it as root):\n{probe.stderr}")
        cls.dir = tempfile.mkdtemp(prefix="perfmatrix-e2e-install-")
        for tree in (BUILD, ROOT):
            if os.path.realpath(cls.dir).startswith(os.path.realpath(tree) + os.sep):
                raise AssertionError(f"the temporary directory {cls.dir} is inside {tree}, which the test hides")
        staging = os.path.join(cls.dir, "staging")
        # Stripped, as the .deb is: debug information would name the source tree (test_no_file_names_the_trees).
        installed = subprocess.run([CMAKE, "--install", BUILD, "--prefix", staging, "--strip"], capture_output=True,
                                   text=True, timeout=300)
        if installed.returncode != 0:
            raise AssertionError(f"cmake --install failed:\n{installed.stderr}{installed.stdout}")
        # Moved after installing: the programs may not know where they were installed.
        cls.prefix = os.path.join(cls.dir, "moved")
        os.rename(staging, cls.prefix)
        # Looked for before the job runs: running the harness writes its own bytecode caches.
        cls.caches = glob.glob(os.path.join(cls.prefix, "**", "__pycache__"), recursive=True)
        cls.bin = os.path.join(cls.prefix, "bin", "perfmatrix")
        cls.modules = glob.glob(os.path.join(cls.prefix, "lib*", "**", "libperfmatrix-*.so"), recursive=True)
        cls.torch = any(os.path.basename(m) == "libperfmatrix-torch.so" for m in cls.modules)
        cases = [
            spawn("true", ["/bin/true"]),
            benchmark("imports", "python_workload", python=PYTHON, workload="importtime", sample_time=0.01,
                      repetitions=5),
        ]
        if cls.torch:
            cases.append(benchmark("mm", "torch_matmul", n=64, min_batch_time=0.005))
        cls.job = os.path.join(cls.dir, "job.toml")
        with open(cls.job, "w") as f:
            f.write(job_toml(*cases, warmup=1, repetitions=5, rounds=1, timeout=120))
        cls.results = os.path.join(cls.dir, "r.h5")
        run_hidden("mpirun", "-np", "2", "--oversubscribe", cls.bin, "run", cls.job, "-o", cls.results,
                   "--progress", "none")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    def installed(self, *parts):
        return os.path.join(self.prefix, *parts)

    def test_the_prefix_holds_the_programs_and_their_files(self):
        data = self.installed("share", "perfmatrix")
        for path in [self.bin, self.installed("libexec", "perfmatrix", "perfmatrix-measure")]:
            self.assertTrue(os.access(path, os.X_OK), path)
        for rel in ["python/harness.py", "python/harness_core/cli.py", "python/workloads/compute.py",
                    "plot/perfmatrix_plots.py", "jobs/quickstart.toml", "slurm/perfmatrix.sbatch.in"]:
            self.assertTrue(os.path.isfile(os.path.join(data, rel)), rel)
        self.assertEqual(self.caches, [])
        # Every module the build made is installed, in one directory of its own.
        built_modules = glob.glob(os.path.join(BUILD, "orchestrator", "libperfmatrix-*.so"))
        built = sorted(os.path.basename(p) for p in built_modules)
        self.assertEqual(sorted(os.path.basename(m) for m in self.modules), built)
        self.assertLessEqual(len({os.path.dirname(m) for m in self.modules}), 1)

    def test_every_case_of_the_job_ran_ok_from_the_installed_tree(self):
        report = run_hidden(self.bin, "report", self.results).stdout
        expected = 3 if self.torch else 2
        summary = re.search(r"^(\d+) cases?: (\d+) ok", report, re.M)
        self.assertIsNotNone(summary, report)
        self.assertEqual((int(summary.group(1)), int(summary.group(2))), (expected, expected), report)
        self.assertIn("imports", report)

    def test_no_file_names_the_trees(self):
        trees = {os.path.realpath(BUILD).encode(), os.path.realpath(ROOT).encode()}
        for folder, _, files in os.walk(self.prefix):
            if os.path.basename(folder) == "__pycache__":
                continue  # written by the runs, naming the installed harness
            for name in files:
                with open(os.path.join(folder, name), "rb") as f:
                    content = f.read()
                for tree in trees:
                    self.assertNotIn(tree, content, f"{os.path.join(folder, name)} names {tree.decode()}")

    def test_the_installed_example_jobs_load(self):
        out = run_hidden(self.bin, "plan", self.installed("share", "perfmatrix", "jobs", "quickstart.toml")).stdout
        self.assertRegex(out, r"(?m)^\d+ cases? planned$")

    def test_plots_are_drawn_by_the_installed_script(self):
        if not has_matplotlib():
            self.skipTest(f"{PYTHON} has no matplotlib (Debian: python3-matplotlib)")
        plots = os.path.join(self.dir, "plots")
        run_hidden(self.bin, "plot", self.results, "--out-dir", plots, "--format", "svg")
        self.assertIn("imports-imports.svg", os.listdir(plots))


if __name__ == "__main__":
    unittest.main()
