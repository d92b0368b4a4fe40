#!/usr/bin/python3
"""Fuzzes perfmatrix's two kinds of untrusted input with a fixed seed:

- mutated job files (from jobs/*.toml and jobs of the shapes the e2e tests write) into `perfmatrix plan`;
- mutated results files (a small real one, made here by `perfmatrix run` of /bin/true-like spawn
  cases, then damaged byte-wise and, through h5py, field-wise) into `report`, `status`,
  `compare` and `export`.

An input fails the run when perfmatrix crashes (killed by a signal, exit >= 128, or a sanitizer
report on stderr), hangs (no exit within --timeout), or breaks the bad-input contract: `plan`
exits 0 or 2, and a 2 names `file:line:col`; the results commands exit 0, 1 (damaged file) or
2, each non-zero exit with a message. Every failing input is saved with its command line and
stderr under --failures-dir, so it can be replayed by hand.

Default sizes keep it to a minute or two in the normal build (ctest: fuzz_cli). The long run for
a spare machine is bench/fuzz_long.sh (--hours: new seeds until time is up). Standard library
and h5py only: it runs under Debian's /usr/bin/python3.
"""

import argparse
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import h5py
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, os.pardir, "support"))
from job_toml import benchmark, every_category_job, job_toml, spawn  # noqa: E402

# What a crash leaves on stderr even when the exit code hides it: a sanitizer report (ASan exits 1
# by default), an uncaught exception, glibc's heap checks.
CRASH_MARKERS = ("ERROR: AddressSanitizer", "ERROR: LeakSanitizer", "runtime error:",
                 "terminate called", "Segmentation fault", "double free", "corrupted size",
                 "malloc(): ", "free(): ")

# Values that break naive parsing and arithmetic: limits of the integer types, overflow and
# underflow of doubles, signs, NaN/inf, TOML's other integer spellings.
EXTREME_NUMBERS = ["0", "-1", "-0", "1e308", "1e309", "-1e309", "1e-320", "nan", "inf", "-inf",
                   "2147483647", "2147483648", "-2147483649", "4294967296",
                   "9223372036854775807", "9223372036854775808", "-9223372036854775808",
                   "18446744073709551616", "1e18", "1e19", "1e300", "0x7fffffffffffffff",
                   "0o777", "0b1", "1_000_000_000_000", "0.0000001", "1e12"]
UNICODE_BITS = ["é".encode(), "\u202e".encode(), "\U0001F600".encode(), "\ufeff".encode(),
                "e\u0301".encode(), b"\xff", b"\xfe\xff", b"\xc0\xaf", b"\xed\xa0\x80",
                b"\xf4\x90\x80\x80", b"\x00", b"\x1b[2J", b"\r", b"\t"]
SPECIAL_BYTES = b"\x00\xff\"'[]={},#\\\n.-+{}"


# ---------------------------------------------------------------------------------------------
# Job files


# The fuzz test's results fixture: a few fast spawn cases, every outcome it can give quickly.
FIXTURE_JOB = job_toml(
    spawn("true", ["/bin/true"], {"n": ["1", "2"]}),
    spawn("echo", ["/bin/echo", "{word}"], {"word": ["a", "é"]}),
    spawn("false", ["/bin/false"]),
    spawn("missing", ["/nonexistent/perfmatrix-fuzz"]),
    rounds=2, warmup=1, repetitions=3, timeout=2)


# Beside the shipped jobs, jobs of the shapes the e2e tests write (built the same way): every
# kind family that runs without a GPU, a job name, placement, requirements, per-benchmark
# settings, inline tables, exit codes and timeouts.
TEST_SHAPES = {
    "kinds": every_category_job(),
    "placement": job_toml(
        spawn("alone", ["/bin/sleep", "0.3"], {"i": [1, 2, 3, 4]}),
        spawn("together", ["/bin/sleep", "0.6"], {"i": [1, 2, 3]}, placement="shared"),
        spawn("needs-gpu", ["/bin/true"], requires="gpu", repetitions=2),
        rounds=1, warmup=0, repetitions=1, timeout=300),
    "python": job_toml(
        spawn("tiny", ["{python}", "-I", "-c", "pass"], {"python": ["/usr/bin/python3"]}, requirements=["six==1.16"]),
        benchmark("imports", "python_workload", {"python": ["/usr/bin/python3"]}, python="{python}",
                  workload="refcount", args={"rounds": "10"}, loops=1, sample_time=0.01),
        warmup=0, repetitions=2, placement="shared"),
    "exits": job_toml(
        spawn("beta", ["/bin/sh", "-c", "exit {code}"], {"code": [0, 1, 2, 3]}, expect_exit=0),
        spawn("escape", ["/bin/sh", "-c", "setsid sleep 0; true"], timeout=1),
        rounds=2, warmup=1, repetitions=3, timeout=2),
}


def seed_jobs(source_dir):
    """The shipped jobs, the results fixture's job and the test shapes above."""
    seeds = {}
    jobs_dir = os.path.join(source_dir, "jobs")
    for name in sorted(os.listdir(jobs_dir)):
        if name.endswith(".toml"):
            with open(os.path.join(jobs_dir, name), "rb") as f:
                seeds[f"jobs/{name}"] = f.read()
    seeds["fixture"] = FIXTURE_JOB.encode()
    for name, text in TEST_SHAPES.items():
        seeds[name] = text.encode()
    return seeds


def mutate_job(rng, data, other):
    """Mostly one mutation of a job file's bytes, sometimes two or three stacked (most stacks end
    at a syntax error, and the checks past the parser deserve inputs too); `other` is another
    seed to splice from."""
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        data = rng.choice(JOB_MUTATIONS)(rng, data, other)
    return data


def _lines(data):
    return data.split(b"\n")


def m_flip(rng, d, _):
    d = bytearray(d or b" ")
    for _ in range(rng.randint(1, 4)):
        d[rng.randrange(len(d))] ^= 1 << rng.randrange(8)
    return bytes(d)


def m_special_byte(rng, d, _):
    d = bytearray(d or b" ")
    d[rng.randrange(len(d))] = rng.choice(SPECIAL_BYTES)
    return bytes(d)


def m_truncate(rng, d, _):
    return d[:rng.randrange(len(d) + 1)]


def m_dup_line(rng, d, _):
    ls = _lines(d)
    i = rng.randrange(len(ls))
    ls.insert(i, ls[i])
    return b"\n".join(ls)


def m_del_line(rng, d, _):
    ls = _lines(d)
    del ls[rng.randrange(len(ls))]
    return b"\n".join(ls)


def m_swap_lines(rng, d, _):
    ls = _lines(d)
    i, j = rng.randrange(len(ls)), rng.randrange(len(ls))
    ls[i], ls[j] = ls[j], ls[i]
    return b"\n".join(ls)


def m_number(rng, d, _):
    spans = [m.span() for m in re.finditer(rb"(?<![\w.])-?\d[\d_.eE+-]*", d)]
    if not spans:
        return m_flip(rng, d, _)
    a, b = rng.choice(spans)
    return d[:a] + rng.choice(EXTREME_NUMBERS).encode() + d[b:]


def m_insert(rng, d, _):
    i = rng.randrange(len(d) + 1)
    return d[:i] + rng.choice(UNICODE_BITS) + d[i:]


def m_string(rng, d, _):
    spans = [m.span(1) for m in re.finditer(rb'"([^"\n]*)"', d)]
    if not spans:
        return m_insert(rng, d, _)
    a, b = rng.choice(spans)
    new = rng.choice([b"", b"x" * rng.choice([255, 256, 4096, 70000]), b"{", b"}", b"{}",
                      b"{nope}", b"{{", b"\\u0000", b"\\uD800", b"\\", b"/", b"..",
                      b"\\n", b"*", b"?[", b"-", b" "])
    return d[:a] + new + d[b:]


def m_splice(rng, d, other):
    a, b = _lines(d), _lines(other)
    i, j = rng.randrange(len(a) + 1), rng.randrange(len(b))
    return b"\n".join(a[:i] + b[j:j + rng.randint(1, 8)] + a[i:])


def m_dup_benchmark(rng, d, _):
    parts = d.split(b"[[benchmark]]")
    if len(parts) < 2:
        return m_dup_line(rng, d, _)
    k = rng.randrange(1, len(parts))
    return d + b"\n[[benchmark]]" + parts[k]


JOB_MUTATIONS = [m_flip, m_special_byte, m_truncate, m_dup_line, m_del_line, m_swap_lines,
                 m_number, m_number, m_insert, m_string, m_splice, m_dup_benchmark]


# ---------------------------------------------------------------------------------------------
# Running perfmatrix


class Runner:
    def __init__(self, binary, timeout, failures_dir, verbose):
        self.binary = binary
        self.timeout = timeout
        self.failures_dir = failures_dir
        self.verbose = verbose
        self.failures = []
        self.invocations = 0
        self.exit_codes = {}

    def run(self, args, cwd, env=None):
        """(returncode, stderr); returncode None on a hang. Own session, so a hang's whole
        process tree is killed."""
        self.invocations += 1
        proc = subprocess.Popen([self.binary, *args], cwd=cwd, stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                start_new_session=True, env=env)
        try:
            _, err = proc.communicate(timeout=self.timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            _, err = proc.communicate()
            return None, err.decode(errors="replace")
        return proc.returncode, err.decode(errors="replace")

    def check(self, what, args, cwd, allowed, inputs, extra_check=None):
        """Runs, judges and, on a failure, saves `inputs` (name -> bytes) with the command."""
        rc, err = self.run(args, cwd)
        key = f"{args[0]} {rc}"
        self.exit_codes[key] = self.exit_codes.get(key, 0) + 1
        problem = None
        if rc is None:
            problem = f"hang: no exit within {self.timeout} s"
        elif rc < 0 or rc >= 128:
            problem = f"crash: exit {rc}"
        elif any(m in err for m in CRASH_MARKERS):
            problem = f"crash: sanitizer or runtime report on stderr (exit {rc})"
        elif rc not in allowed:
            problem = f"exit {rc}, expected one of {sorted(allowed)}"
        elif rc != 0 and not err.strip():
            problem = f"exit {rc} without a message on stderr"
        elif extra_check:
            problem = extra_check(rc, err)
        if problem:
            self.save_failure(what, args, rc, err, problem, inputs)
        elif self.verbose:
            print(f"ok   {what}: {' '.join(args)} -> {rc}", flush=True)

    def save_failure(self, what, args, rc, err, problem, inputs):
        k = len(self.failures)
        d = os.path.join(self.failures_dir, f"{k:04d}-{re.sub(r'[^A-Za-z0-9_.-]', '_', what)}")
        os.makedirs(d, exist_ok=True)
        for name, data in inputs.items():
            with open(os.path.join(d, name), "wb") as f:
                f.write(data)
        with open(os.path.join(d, "failure.txt"), "w") as f:
            f.write(f"{problem}\ncommand (in this directory): perfmatrix {' '.join(args)}\n"
                    f"exit: {rc}\n--- stderr ---\n{err}")
        self.failures.append(d)
        tail = err.strip().splitlines()[-12:]
        print(f"FAIL {what}: {problem}\n     perfmatrix {' '.join(args)}\n     saved in {d}\n"
              + "".join(f"     | {line}\n" for line in tail), flush=True)


def job_error_located(work):
    """The job-file contract beyond the exit code: a refusal names `job.toml:line:col: `, and
    `plan` creates nothing (in `work`, its directory)."""
    def check(rc, err):
        if rc == 2 and not re.search(r"job\.toml:\d+:\d+: ", err):
            return "exit 2 without `file:line:col: ` naming the job file"
        created = sorted(set(os.listdir(work)) - {"job.toml"})
        if created:
            return f"plan created {created}"
        return None
    return check


def fuzz_jobs(runner, rng, seeds, count, scratch):
    names = sorted(seeds)
    for i in range(count):
        name = rng.choice(names)
        data = mutate_job(rng, seeds[name], seeds[rng.choice(names)])
        work = os.path.join(scratch, f"job{i}")
        os.makedirs(work)
        path = os.path.join(work, "job.toml")
        with open(path, "wb") as f:
            f.write(data)
        runner.check(f"plan-{i}-from-{name}", ["plan", "job.toml"], work, {0, 2},
                     {"job.toml": data}, job_error_located(work))
        shutil.rmtree(work)


# ---------------------------------------------------------------------------------------------
# Results files



def make_fixture(runner, scratch):
    path = os.path.join(scratch, "fixture.h5")
    job = os.path.join(scratch, "fixture.toml")
    with open(job, "w") as f:
        f.write(FIXTURE_JOB)
    # `run` calls MPI_Init, and Open MPI leaves thousands of allocations behind at exit, most
    # made in its plugins, which it has dlclose()d by then: LeakSanitizer's stacks end in
    # "<unknown module>", so no suppression can name them. This one invocation (the fixture,
    # not an input under test) runs without leak checking; every other one keeps it.
    env = dict(os.environ)
    env["ASAN_OPTIONS"] = ":".join(filter(None, [env.get("ASAN_OPTIONS", ""), "detect_leaks=0"]))
    # A fixed order of units; the measured values still differ from run to run, which is why
    # every failing input is saved rather than left to be made again from the seed.
    rc, err = runner.run(["run", job, "-o", path, "--progress", "none", "--seed", "1"], scratch, env)
    if rc != 0 or not os.path.exists(path):
        sys.exit(f"fuzz: could not make the results fixture (exit {rc}):\n{err}")
    with open(path, "rb") as f:
        return f.read()


def byte_mutation(rng, data):
    d = bytearray(data)
    choice = rng.randrange(4)
    if choice == 0:
        for _ in range(rng.randint(1, 16)):
            d[rng.randrange(len(d))] ^= 1 << rng.randrange(8)
        return bytes(d), "bit flips"
    if choice == 1:
        return bytes(d[:rng.randrange(len(d))]), "truncated"
    if choice == 2:
        a = rng.randrange(len(d))
        d[a:a + 512] = bytes(len(d[a:a + 512]))
        return bytes(d), "512 zero bytes"
    a, b = rng.randrange(len(d)), rng.randrange(len(d))
    n = rng.choice([8, 64, 512])
    d[a:a + n] = data[b:b + n][:len(d[a:a + n])]
    return bytes(d), "block copied"


def extreme_for(rng, dtype, rows):
    if dtype.kind == "f":
        return rng.choice([float("nan"), float("inf"), float("-inf"), -0.0, -1.0, 1e308, 5e-324,
                           1e-300, 0.0])
    if dtype.kind in "iu":
        info = np.iinfo(dtype)
        return rng.choice([v for v in (-1, 0, rows, rows + 1, 2**31 - 1, -2**31, info.max,
                                       info.min, 2**40) if info.min <= v <= info.max])
    if dtype.kind == "S":
        width = dtype.itemsize
        return rng.choice([b"", b"\xff\xfe", b"x" * width, b"a\x00b", "é".encode() * (width // 2),
                           b"{", b"ok", b"running", b"-1", b"1e999", b"\x1b[2J"])[:width]
    return None


def field_mutation(rng, path):
    """Damage that checksums cannot catch: values a writer could never have written, through
    HDF5 itself (so the file stays a valid HDF5 file and perfmatrix's own checks are tested)."""
    with h5py.File(path, "r+") as f:
        tables = [k for k in f.keys() if isinstance(f[k], h5py.Dataset)]
        kind = rng.randrange(6)
        if kind <= 2 and tables:  # one field of one row; most often
            ds = f[rng.choice(tables)]
            if ds.shape[0] == 0 or ds.dtype.names is None:
                return "nothing (empty table)"
            rows = ds[:]
            i = rng.randrange(len(rows))
            # Half the time a number: row numbers and counts (samples_first, case, metric, ...)
            # index other tables, where a reader that trusts them goes out of bounds.
            numeric = [n for n in ds.dtype.names if ds.dtype.fields[n][0].kind in "iuf"]
            field = rng.choice(numeric if numeric and rng.random() < 0.5 else ds.dtype.names)
            ft = ds.dtype.fields[field][0]
            base = ft.base if h5py.check_enum_dtype(ft) is None else np.dtype(ft.base)
            value = rng.choice([2, -1, 127]) if h5py.check_enum_dtype(ft) else extreme_for(rng, base, len(rows))
            if value is None:
                return "nothing (field type)"
            raw = rows.view(np.uint8).reshape(len(rows), -1)
            off = ds.dtype.fields[field][1]
            cell = np.zeros(1, dtype=base)
            cell[0] = value
            raw[i, off:off + base.itemsize] = cell.view(np.uint8)
            ds[:] = rows
            return f"{ds.name}[{i}].{field} = {value!r}"
        if kind == 3:  # an attribute
            attrs = list(f.attrs.keys())
            name = rng.choice(attrs)
            old = f.attrs[name]
            if rng.random() < 0.25:
                del f.attrs[name]
                return f"attribute {name} deleted"
            if isinstance(old, (bytes, np.bytes_)) or isinstance(old, str):
                text = old.decode(errors="replace") if isinstance(old, (bytes, np.bytes_)) else old
                new = rng.choice(["", "{", "[]", "{\"x\": -1}", "-1", "99999999999999999999999",
                                  "abc", text[:len(text) // 2], text + "\x00", text * 3,
                                  "{\"" + "b" * 300 + "\": 1e999}"])
                f.attrs[name] = np.bytes_(new.encode())
            else:
                dtype = np.asarray(old).dtype
                f.attrs[name] = np.array(extreme_for(rng, dtype, 3) if dtype.kind in "iuf" else -1, dtype=dtype)
            return f"attribute {name} = {f.attrs[name]!r}"[:200]
        if kind == 4 and tables:  # rows lost
            ds = f[rng.choice(tables)]
            if ds.maxshape[0] is None and ds.shape[0] > 0:
                n = rng.randrange(ds.shape[0])
                ds.resize((n,))
                return f"{ds.name} cut to {n} rows"
            return "nothing (fixed size)"
        name = rng.choice(tables)
        del f[name]
        return f"table {name} deleted"


def fuzz_results(runner, rng, fixture, count, scratch):
    for i in range(count):
        work = os.path.join(scratch, f"res{i}")
        os.makedirs(work)
        if rng.random() < 0.5:
            data, how = byte_mutation(rng, fixture)
        else:
            p = os.path.join(work, "m.h5")
            with open(p, "wb") as f:
                f.write(fixture)
            try:
                how = field_mutation(rng, p)
            except Exception as e:  # h5py refusing a mutation is not perfmatrix's fault
                how = f"h5py refused: {type(e).__name__}: {e}"
            with open(p, "rb") as f:
                data = f.read()
        base_path = os.path.join(work, "base.h5")
        commands = [
            ["report", "m.h5"],
            ["report", "m.h5", "--all-metrics"],
            ["status", "m.h5"],
            ["status", "m.h5", "--json"],
            ["compare", "base.h5", "m.h5"],
            ["compare", "m.h5", "--axis", "n", "--baseline", "1"],
            ["export", "m.h5", "--format", rng.choice(["pyperf", "gbench"]), "-o", "out.json"],
        ]
        for args in commands:
            # A fresh copy each time: report and status may repair a file in place.
            with open(os.path.join(work, "m.h5"), "wb") as f:
                f.write(data)
            with open(base_path, "wb") as f:
                f.write(fixture)
            out = os.path.join(work, "out.json")
            if os.path.exists(out):
                os.remove(out)

            def no_output_on_failure(rc, err, out=out):
                if rc != 0 and os.path.exists(out) and os.path.getsize(out) > 0:
                    return "export failed but left its output file"
                return None

            runner.check(f"{args[0]}-{i}-{how}"[:80], args, work, {0, 1, 2},
                         {"m.h5": data, "base.h5": fixture, "mutation.txt": (how + "\n").encode()},
                         no_output_on_failure if args[0] == "export" else None)
        shutil.rmtree(work)


# ---------------------------------------------------------------------------------------------


def fuzz_once(args, seed, runner, seeds, scratch):
    rng = random.Random(seed)
    t0 = time.monotonic()
    fuzz_jobs(runner, rng, seeds, args.jobs, scratch)
    t1 = time.monotonic()
    fixture = make_fixture(runner, scratch)
    fuzz_results(runner, rng, fixture, args.results, scratch)
    t2 = time.monotonic()
    print(f"seed {seed}: {args.jobs} job files into plan in {t1 - t0:.1f} s, {args.results} results "
          f"files into report/status/compare/export in {t2 - t1:.1f} s", flush=True)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--perfmatrix", default=os.environ.get("PERFMATRIX_BIN"),
                   help="the binary under test (default: $PERFMATRIX_BIN); point it at build-asan's for the sanitizers")
    p.add_argument("--source-dir", default=os.path.normpath(os.path.join(HERE, os.pardir, os.pardir)))
    p.add_argument("--seed", type=int, default=20261205)
    p.add_argument("--jobs", type=int, default=300, help="mutated job files per seed")
    p.add_argument("--results", type=int, default=60, help="mutated results files per seed (7 commands each)")
    p.add_argument("--timeout", type=float, default=20.0, help="seconds before an invocation counts as a hang")
    p.add_argument("--hours", type=float, default=0.0,
                   help="keep going with seeds seed, seed+1, ... until this much time has passed (bench/fuzz_long.sh)")
    p.add_argument("--failures-dir", default=None,
                   help="where failing inputs are saved (default: a new temporary directory)")
    p.add_argument("-v", "--verbose", action="store_true")
    args = p.parse_args()
    if not args.perfmatrix:
        p.error("--perfmatrix or $PERFMATRIX_BIN is required")
    binary = os.path.abspath(args.perfmatrix)

    # In a sanitizer build: leaks that are HDF5's, not perfmatrix's (the file says which).
    os.environ.setdefault("LSAN_OPTIONS", "suppressions=" + os.path.join(
        args.source_dir, "tests", "sanitizers", "lsan.supp") + ":print_suppressions=0")
    # Open MPI (perfmatrix run makes the fixture) refuses root without these.
    os.environ.setdefault("OMPI_MCA_pml", "ob1")
    if os.geteuid() == 0:
        os.environ["OMPI_ALLOW_RUN_AS_ROOT"] = "1"
        os.environ["OMPI_ALLOW_RUN_AS_ROOT_CONFIRM"] = "1"

    failures_dir = args.failures_dir or tempfile.mkdtemp(prefix="perfmatrix-fuzz-failures-")
    os.makedirs(failures_dir, exist_ok=True)
    for old in os.listdir(failures_dir):  # a previous run's failures, not this one's
        if re.fullmatch(r"\d{4}-.*", old) and os.path.exists(os.path.join(failures_dir, old, "failure.txt")):
            shutil.rmtree(os.path.join(failures_dir, old))
    runner = Runner(binary, args.timeout, failures_dir, args.verbose)
    seeds = seed_jobs(args.source_dir)
    # Mutants of a job that is refused as it stands (here: a template the test fills in, or
    # interpreters this machine lacks) rarely get past the first check; start from valid ones.
    with tempfile.TemporaryDirectory(prefix="perfmatrix-fuzz-seeds-") as d:
        for name in sorted(seeds):
            with open(os.path.join(d, "job.toml"), "wb") as f:
                f.write(seeds[name])
            rc, err = runner.run(["plan", "job.toml"], d)
            if rc != 0:
                print(f"seed {name} left out: plan exits {rc}: {err.strip().splitlines()[0] if err.strip() else ''}")
                del seeds[name]
    if not seeds:
        sys.exit("fuzz: no seed job file plans here")
    print(f"fuzzing {binary} with seed {args.seed}: {len(seeds)} seed job files", flush=True)
    started = time.monotonic()
    seed = args.seed
    with tempfile.TemporaryDirectory(prefix="perfmatrix-fuzz-") as scratch:
        while True:
            round_dir = os.path.join(scratch, str(seed))
            os.makedirs(round_dir)
            fuzz_once(args, seed, runner, seeds, round_dir)
            shutil.rmtree(round_dir)
            seed += 1
            if time.monotonic() - started >= args.hours * 3600:
                break
    elapsed = time.monotonic() - started
    codes = ", ".join(f"{k}: {v}" for k, v in sorted(runner.exit_codes.items()))
    print(f"{runner.invocations} invocations in {elapsed:.0f} s; exit codes: {codes}")
    if runner.failures:
        print(f"{len(runner.failures)} failing inputs, saved under {failures_dir}")
        return 1
    if not args.failures_dir:
        os.rmdir(failures_dir)
    print("no crash, no hang, every bad input refused as documented")
    return 0


if __name__ == "__main__":
    sys.exit(main())
