"""`requirements` and `perfmatrix prepare` with a real interpreter, venv and pip, offline: the
test builds a tiny wheel into a --find-links directory, so nothing needs the network. A missing
environment stops plan and run with the prepare command; prepare makes one ready environment
and one that fails with pip's reason; plan shows both; a run under mpirun measures in the ready
one and records the other's cases skipped; a second prepare finds the ready one up to date; an
interrupted --force rebuild leaves the ready one as it was.

One interpreter (Debian's python3: the test's own, needing python3-venv) and two environments
keep this to a few venv creations (~2-4 s each on an idle machine)."""

import base64
import hashlib
import json
import os
import signal
import subprocess
import sys
import zipfile

from e2e_support import BIN, E2ETest, benchmark, job_toml, mpirun_argv, perfmatrix, read_table, run, spawn, succeeded

PYTHON = "/usr/bin/python3"
PACKAGE = "perfmatrix_tinypkg"
REQUIREMENT = "perfmatrix-tinypkg==1.0"
UNAVAILABLE = "perfmatrix-no-such-package"


def make_wheel(directory):
    """A pure-Python wheel pip installs offline, written by hand (no setuptools, no build step)."""
    dist_info = f"{PACKAGE}-1.0.dist-info"
    files = {
        f"{PACKAGE}/__init__.py": "VALUE = 42\n",
        f"{dist_info}/METADATA": "Metadata-Version: 2.1\nName: perfmatrix-tinypkg\nVersion: 1.0\n",
        f"{dist_info}/WHEEL": "Wheel-Version: 1.0\nGenerator: perfmatrix-test\nRoot-Is-Purelib: true\n"
                              "Tag: py3-none-any\n",
    }
    record = []
    for name, text in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest()).rstrip(b"=").decode()
        record.append(f"{name},sha256={digest},{len(text.encode())}")
    record.append(f"{dist_info}/RECORD,,")
    files[f"{dist_info}/RECORD"] = "\n".join(record) + "\n"
    path = os.path.join(directory, f"{PACKAGE}-1.0-py3-none-any.whl")
    with zipfile.ZipFile(path, "w") as z:
        for name, text in files.items():
            z.writestr(name, text)
    return path


ON_PYTHON = {"python": [PYTHON]}
TINY = spawn("tiny", ["{python}", "-I", "-c", f"import {PACKAGE} as t; assert t.VALUE == 42"], ON_PYTHON,
             requirements=[REQUIREMENT])
TINY_HARNESS = benchmark("tiny-harness", "python_workload", ON_PYTHON, python="{python}", workload="refcount",
                         args={"rounds": "10"}, loops=1, requirements=[REQUIREMENT])
UNAVAILABLE_ONE = spawn("unavailable", ["{python}", "-c", "pass"], ON_PYTHON, requirements=[UNAVAILABLE])


def prepare_job(*benchmarks):
    return job_toml(*benchmarks, warmup=0, repetitions=2, placement="shared")


JOB = prepare_job(TINY, TINY_HARNESS, UNAVAILABLE_ONE)


class Prepare(E2ETest):
    def setUp(self):
        super().setUp()
        self.cache = os.path.join(self.dir, "envs")
        self.wheels = os.path.join(self.dir, "wheels")
        os.makedirs(self.wheels)
        make_wheel(self.wheels)
        self.job_path = self.job("prepare.toml", JOB)

    def prepare(self, job, *extra):
        argv = [BIN, "prepare", job, "--env-cache", self.cache, "--no-index", "--find-links", self.wheels, *extra]
        return subprocess.run(argv, capture_output=True, text=True, timeout=600)

    def manifests(self):
        out = {}
        for name in sorted(os.listdir(self.cache)):
            with open(os.path.join(self.cache, name, "perfmatrix-env.json")) as f:
                out[name] = json.load(f)
        return out

    def test_prepare_plan_run(self):
        # Nothing prepared: plan is still a dry run (every case listed, those that need prepare
        # marked, exit 0); run refuses, naming what is missing and how to make it.
        plan = perfmatrix("plan", self.job_path, "--env-cache", self.cache)
        self.assertEqual(plan.returncode, 0, plan.stdout + plan.stderr)
        self.assertEqual(plan.stderr, "")
        self.assertIn("missing: not prepared", plan.stdout)
        cases = [line for line in plan.stdout.splitlines() if line.startswith("  ") and "/" in line.split()[0]]
        self.assertTrue(cases, plan.stdout)
        self.assertTrue(all(line.endswith("[needs prepare]") for line in cases), plan.stdout)
        self.assertIn(f"{len(cases)} of them need `perfmatrix prepare` first", plan.stdout)
        self.assertIn("2 Python environments are not prepared", plan.stdout)
        self.assertIn(f"with {REQUIREMENT}: not prepared", plan.stdout)
        self.assertIn(f"with {UNAVAILABLE}: not prepared", plan.stdout)
        self.assertIn(f"prepare them with: perfmatrix prepare {self.job_path} --env-cache {self.cache}", plan.stdout)
        planned = json.loads(succeeded(perfmatrix("plan", self.job_path, "--env-cache", self.cache, "--json")).stdout)
        self.assertEqual(planned["format_version"], 1)
        self.assertEqual([c["case_id"] for c in planned["cases"]], [line.split()[0] for line in cases])
        self.assertTrue(all(c["needs_prepare"] for c in planned["cases"]), planned["cases"])
        self.assertIn("2 Python environments are not prepared", planned["missing_environments"])
        out = self.out()
        r = run(mpirun_argv(2, "run", self.job_path, "-o", out, "--env-cache", self.cache))
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("perfmatrix prepare", r.stderr)
        self.assertFalse(os.path.exists(out))

        # Prepare: pip's own lines go by, prefixed; one environment ok, one failed with pip's reason.
        p = self.prepare(self.job_path)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertRegex(p.stdout, r"\[1/2 [^\]]* with perfmatrix-tinypkg==1\.0\] Successfully installed perfmatrix")
        self.assertIn("1 ok, 1 failed", p.stdout)
        manifests = self.manifests()
        self.assertEqual(len(manifests), 2, manifests)
        ok = next(m for m in manifests.values() if m["status"] == "ok")
        failed = next(m for m in manifests.values() if m["status"] == "failed")
        self.assertEqual(ok["requirements"], [REQUIREMENT])
        self.assertEqual(ok["interpreter"]["executable"], os.path.realpath(PYTHON))
        self.assertEqual(ok["interpreter"]["version"], "%d.%d.%d" % sys.version_info[:3])
        self.assertIn({"name": "perfmatrix-tinypkg", "version": "1.0"}, ok["packages"])
        self.assertRegex(ok["pip_version"], r"^\d+\.")
        self.assertEqual(ok["pip_options"], ["--no-index", f"--find-links={self.wheels}"])
        self.assertIn(f"No matching distribution found for {UNAVAILABLE}", failed["reason"])
        self.assertEqual(failed["packages"], [])
        self.assertFalse([n for n in os.listdir(self.cache) if n.startswith(".")], "scratch left in the cache")

        # Plan shows each environment's state.
        plan = succeeded(perfmatrix("plan", self.job_path, "--env-cache", self.cache))
        self.assertIn("ok: perfmatrix-tinypkg 1.0", plan.stdout)
        self.assertIn(f"failed: Could not find a version that satisfies the requirement {UNAVAILABLE}", plan.stdout)
        self.assertIn("1 of them will be recorded skipped", plan.stdout)

        # Run: the ready environment measures, the failed one's case is recorded skipped.
        succeeded(run(mpirun_argv(2, "run", self.job_path, "-o", out, "--env-cache", self.cache)))
        cases = {c["benchmark"]: c for c in read_table(out, "cases")}
        self.assertEqual(cases["tiny"]["status"], "ok", cases["tiny"]["reason"])
        self.assertEqual(cases["tiny-harness"]["status"], "ok", cases["tiny-harness"]["reason"])
        self.assertEqual(cases["unavailable"]["status"], "skipped")
        self.assertIn(f"No matching distribution found for {UNAVAILABLE}", cases["unavailable"]["reason"])
        env = {}
        for row in read_table(out, "case_environment"):
            env.setdefault(row["case_id"], {})[row["key"]] = row["value"]
        tiny = env[cases["tiny"]["case_id"]]
        ok_dir = next(os.path.join(self.cache, n) for n, m in manifests.items() if m["status"] == "ok")
        self.assertEqual(tiny["python_env.dir"], ok_dir)
        self.assertEqual(tiny["python_env.state"], "ok")
        self.assertEqual(tiny["python_env.package.perfmatrix-tinypkg"], "1.0")
        harness = env[cases["tiny-harness"]["case_id"]]
        # The harness reports the interpreter it ran as: the environment's, beside its packages.
        self.assertEqual(harness["python.prefix"], ok_dir)
        self.assertEqual(harness["python_env.package.perfmatrix-tinypkg"], "1.0")
        self.assertEqual(env[cases["unavailable"]["case_id"]]["python_env.state"], "failed")

        # A second prepare of the ready one does nothing.
        only_ok = self.job("only-ok.toml", prepare_job(TINY, TINY_HARNESS))
        again = self.prepare(only_ok)
        self.assertEqual(again.returncode, 0, again.stderr)
        self.assertIn("up to date", again.stdout)
        self.assertNotIn("making", again.stdout)
        self.assertEqual(self.manifests(), manifests)

        # A --force rebuild interrupted midway leaves the ready environment as it was.
        proc = subprocess.Popen([BIN, "prepare", only_ok, "--env-cache", self.cache, "--no-index", "--find-links",
                                 self.wheels, "--force"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for line in proc.stdout:
            if " -m venv " in line:
                proc.send_signal(signal.SIGINT)
                break
        _, err = proc.communicate(timeout=60)
        self.assertEqual(proc.returncode, 3, err)
        self.assertIn("interrupted", err)
        self.assertEqual(self.manifests(), manifests)
        self.assertFalse([n for n in os.listdir(self.cache) if n.startswith(".")], "scratch left in the cache")
        plan = succeeded(perfmatrix("plan", only_ok, "--env-cache", self.cache))
