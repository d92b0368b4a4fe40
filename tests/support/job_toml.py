"""Job files for the tests, built from Python values, so that each test states only what it
varies: job_toml(spawn("t", ["/bin/true"], {"i": [0, 1]}), warmup=0, **ONE_ROUND)."""

import json

# One round per case is the default of most tests: they count rows of `cases` (test_rounds.py
# covers rounds).
ONE_ROUND = {"rounds": 1}


class Raw(str):
    """A value written into the TOML as it is: a test that must pass a malformed one."""


def toml_value(value):
    if isinstance(value, Raw):
        return str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        # A JSON string is a TOML basic string: the same quotes and escapes.
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {toml_value(v)}" for k, v in value.items()) + " }"
    return "[" + ", ".join(toml_value(v) for v in value) + "]"


def toml_table(header, values):
    return [header] + [f"{key} = {toml_value(v)}" for key, v in values.items()] + [""]


def benchmark(name, kind, matrix=None, **params):
    """One [[benchmark]]: its parameters and settings, then its matrix of axes."""
    return {"name": name, "kind": kind, **params}, matrix


def spawn(name, argv, matrix=None, **params):
    return benchmark(name, "spawn", matrix, argv=argv, **params)


def job_toml(*benchmarks, name=None, **defaults):
    """A job file's text: [job] with its name, [defaults] from the keywords, the benchmarks."""
    lines = toml_table("[job]", {"name": name}) if name else []
    lines += toml_table("[defaults]", defaults) if defaults else []
    for params, matrix in benchmarks:
        lines += toml_table("[[benchmark]]", params)
        lines += toml_table("[benchmark.matrix]", matrix) if matrix else []
    return "\n".join(lines)


def every_category_job(**defaults):
    """One quick case per category, each with its rate or time headline: spawn (startup),
    OpenBLAS (compute), malloc (memory), Boost.Asio (async)."""
    quick = {"min_batch_time": 0.01}
    return job_toml(
        spawn("spawn", ["{prog}"], {"prog": ["/bin/true", "/bin/echo"]}),
        benchmark("dot", "blas_dot", {"n": [4096, 65536]}, n="{n}", **quick),
        benchmark("gemm", "blas_gemm", n=128, **quick),
        benchmark("alloc", "memory_alloc", {"size": [64, 4096]}, size="{size}", **quick),
        benchmark("post", "asio_post", **quick),
        name="a-a", **{"warmup": 2, "repetitions": 15, **defaults})
