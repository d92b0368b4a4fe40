"""The workloads: each module of python/workloads/ listed here declares WORKLOADS and CATEGORY.
Workload modules import only light stdlib modules at the top, so loading them all (for --list or a
lookup) does not load what a workload measures (asyncio, numpy, torch, ...)."""

import importlib

WORKLOAD_MODULES = (
    "workloads.startup",
    "workloads.memory",
    "workloads.asyncio_workloads",
    "workloads.compute",
    "workloads.numpy_workloads",
    "workloads.torch_workloads",
    "workloads.numpy_arrays",
    "workloads.numpy_math",
    "workloads.numpy_kernels",
    "workloads.torch_tensors",
    "workloads.torch_kernels",
    "workloads.dynamic_loading",
    "workloads.import_caching",
    "workloads.concurrency",
    "workloads.task_switch",
    "workloads.pooling",
)


def all_workloads():
    """Every workload in declaration order; duplicate names are a programming error."""
    found = []
    seen = set()
    for module_name in WORKLOAD_MODULES:
        module = importlib.import_module(module_name)
        for workload in module.WORKLOADS:
            if workload.name in seen:
                raise RuntimeError("workload %r is declared twice (again in %s)" % (workload.name, module_name))
            seen.add(workload.name)
            workload.category = module.CATEGORY
            found.append(workload)
    return found


def find_workload(name):
    """The workload called `name`, or None."""
    for workload in all_workloads():
        if workload.name == name:
            return workload
    return None
