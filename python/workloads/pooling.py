"""Small-object churn: what CPython's small-object allocator (pymalloc, blocks up to 512 bytes) buys.
Run it with the default allocator and under PYTHONMALLOC=malloc (every object then comes from the C
library's malloc): the difference is pymalloc's. The `pooled_allocator` metric says whether a pooling
allocator served the sample, read from the process itself (with PYTHONMALLOC=malloc ignored under
-I/-E, the figure tells what really happened). Free-threaded builds (3.13t) pool with mimalloc and
refuse PYTHONMALLOC=malloc and =pymalloc at start-up."""

import sys

from harness_core.params import Int
from harness_core.workload import Bench, Workload, WrongResult, metric

CATEGORY = "memory"

# Object kinds of mixed sizes, each made with one call from a length; len() of the object is that
# length again, which is what the check adds up. All stay under pymalloc's 512-byte limit:
# bytes (33 + n bytes), str (49 + n), list ([None] * n: 56 + 8n, items in a separate block),
# tuple (40 + 8n).
_KINDS = (
    ("bytes", lambda n: b"x" * n, 400),
    ("str", lambda n: "y" * n, 400),
    ("list", lambda n: [None] * n, 50),
    ("tuple", lambda n: (None,) * n, 50),
)


def _schedule(slots, steps):
    """(slot, maker, length) per step from a fixed linear congruential generator: the slot replaced
    (freeing what it held), the kind and the length of the new object. Made untimed, once."""
    plan = []
    x = 12345
    for _ in range(steps):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        slot = x % slots
        kind = (x >> 8) % len(_KINDS)
        _, make, most = _KINDS[kind]
        length = 2 + (x >> 12) % (most - 1)
        plan.append((slot, make, length))
    return plan


def pooled_allocator_in_use():
    """1 when a pooling allocator serves Python's objects (pymalloc, or mimalloc: the free-threaded
    build's, or PYTHONMALLOC=mimalloc), 0 when the C library's malloc does (PYTHONMALLOC=malloc: no
    pool blocks are counted at all), None where it cannot be told (PyPy has neither)."""
    count = getattr(sys, "getallocatedblocks", None)
    if count is None or sys.implementation.name != "cpython":
        return None
    return 1 if count() > 0 else 0


class Churn(Bench):
    """`steps` replacements per loop in a table of `live` slots: each frees one object and allocates one
    of a kind and size drawn from the schedule, so allocations and frees of mixed sizes interleave
    with a steady population, as in a long-running program."""

    def __init__(self, params):
        self.live = params["live"]
        self.steps = params["steps"]
        self.plan = _schedule(self.live, self.steps)
        # What the table holds after one pass over the plan from a fresh table: each slot's last length.
        final = [0] * self.live
        for slot, _, length in self.plan:
            final[slot] = length
        self.expected_total = sum(final)
        self.table = None

    def prepare(self):
        self.table = [b""] * self.live  # empty: length 0 per untouched slot

    def run(self, loops):
        table, plan = self.table, self.plan
        for _ in range(loops):
            for slot, make, length in plan:
                table[slot] = make(length)
        return table

    def verify(self, table):
        total = sum(len(o) for o in table)
        if len(table) != self.live or total != self.expected_total:
            raise WrongResult("the table holds %d objects of total length %d, expected %d of total length %d"
                              % (len(table), total, self.live, self.expected_total))

    def metrics(self, result, loops, seconds):
        found = [metric("allocations_per_s", "1/s", self.steps * loops / seconds)]
        pooled = pooled_allocator_in_use()
        if pooled is not None:
            found.append(metric("pooled_allocator", "count", pooled))
        return found


WORKLOADS = [
    Workload("churn", "allocate and free small objects of mixed kinds and sizes (bytes, str, list, tuple) "
             "in a table of live objects: what pymalloc buys against PYTHONMALLOC=malloc", Churn,
             params=[Int("live", 10000, "objects alive at any time"),
                     Int("steps", 10000, "replacements (one free, one allocation) per loop")]),
]
