"""Memory workloads: allocation of small objects and instances, reference counting, the cyclic GC on
a large graph, peak memory of a structure (tracemalloc and max RSS) and per-object overhead."""

import gc
import struct
import sys
import weakref

from harness_core.params import Bool, Choice, Int
from harness_core.workload import Bench, Skip, Workload, WrongResult, metric

CATEGORY = "memory"

POINTER_SIZE = struct.calcsize("P")
# Added to small numbers to get ints that are allocated (CPython caches -5..256).
BIG = 1 << 40


# --- small objects --------------------------------------------------------------------------------

def _make_ints(count):
    return [i + BIG for i in range(count)]


def _make_tuples(count):
    return [(i, i) for i in range(count)]


def _make_lists(count):
    return [[i] for i in range(count)]


def _make_dicts(count):
    return [{"k": i} for i in range(count)]


_SMALL_OBJECTS = {
    "int": (_make_ints, lambda o: o - BIG),
    "tuple": (_make_tuples, lambda o: o[1]),
    "list": (_make_lists, lambda o: o[0]),
    "dict": (_make_dicts, lambda o: o["k"]),
}


class AllocSmall(Bench):
    def __init__(self, params):
        self.kind = params["type"]
        self.count = params["count"]
        self.make, self.value = _SMALL_OBJECTS[self.kind]

    def run(self, loops):
        make, count = self.make, self.count
        for _ in range(loops):
            objects = make(count)
        return objects

    def verify(self, objects):
        total = sum(self.value(o) for o in objects)
        expected = self.count * (self.count - 1) // 2
        if len(objects) != self.count or total != expected:
            raise WrongResult("%d %s objects hold %d, expected %d objects holding %d"
                              % (len(objects), self.kind, total, self.count, expected))

    def metrics(self, result, loops, seconds):
        return [metric("items_per_s", "1/s", self.count * loops / seconds)]


# --- instances with and without __slots__ -----------------------------------------------------------

class PlainRecord(object):
    def __init__(self, a, b, c):
        self.a = a
        self.b = b
        self.c = c


class SlotRecord(object):
    __slots__ = ("a", "b", "c")

    def __init__(self, a, b, c):
        self.a = a
        self.b = b
        self.c = c


class Instances(Bench):
    def __init__(self, params):
        self.cls = SlotRecord if params["slots"] else PlainRecord
        self.count = params["count"]

    def run(self, loops):
        cls, count = self.cls, self.count
        for _ in range(loops):
            records = [cls(i, i, i) for i in range(count)]
            total = 0
            for r in records:
                total += r.a + r.b - r.c
        return records, total

    def verify(self, result):
        records, total = result
        expected = self.count * (self.count - 1) // 2
        if len(records) != self.count or total != expected:
            raise WrongResult("%d instances summed to %d, expected %d instances summing to %d"
                              % (len(records), total, self.count, expected))

    def metrics(self, result, loops, seconds):
        return [metric("items_per_s", "1/s", self.count * loops / seconds)]


# --- reference counting -------------------------------------------------------------------------

def _refcount_churn(obj, rounds):
    """Operations that mostly take and drop references to one object."""
    hits = 0
    for _ in range(rounds):
        a = obj
        b = a
        pair = (a, b)
        box = [pair, pair, a]
        table = {0: b}
        c = box[0][1]
        d = table[0]
        if c is obj and d is obj:
            hits += 1
        del a, b, pair, box, table, c, d
    return hits


class Refcount(Bench):
    def __init__(self, params):
        self.rounds = params["rounds"]
        self.obj = object()  # a fresh object: never immortal, so its count really moves
        self.baseline = None

    def prepare(self):
        getrefcount = getattr(sys, "getrefcount", None)  # PyPy has none
        self.baseline = getrefcount(self.obj) if getrefcount else None

    def run(self, loops):
        for _ in range(loops):
            hits = _refcount_churn(self.obj, self.rounds)
        return hits

    def verify(self, hits):
        if hits != self.rounds:
            raise WrongResult("reference loop saw the object %d times, expected %d" % (hits, self.rounds))
        if self.baseline is not None and sys.getrefcount(self.obj) != self.baseline:
            raise WrongResult("reference count is %d after the loop, was %d before: a reference leaked"
                              % (sys.getrefcount(self.obj), self.baseline))

    def metrics(self, result, loops, seconds):
        return [metric("rounds_per_s", "1/s", self.rounds * loops / seconds)]


# --- gc.collect() on a large cyclic graph ---------------------------------------------------------

class Node(object):
    def __init__(self, index):
        self.index = index
        self.edges = []


class GcCollect(Bench):
    disable_gc = True  # the harness keeps the GC off from prepare() to run(): only the timed collect() may free

    def __init__(self, params):
        self.nodes = params["nodes"]
        self.watch = []

    def prepare(self):
        gc.collect()  # leave only this sample's garbage to the timed collection
        n = self.nodes
        nodes = [Node(i) for i in range(n)]
        for i, node in enumerate(nodes):
            # A ring (every node is on a cycle) plus a chord, so the graph is not just one loop.
            node.edges.append(nodes[(i + 1) % n])
            node.edges.append(nodes[(i * 7 + 3) % n])
        self.watch = [weakref.ref(nodes[i]) for i in sorted({0, n // 2, n - 1})]
        del nodes, node  # now unreachable: only the cycle collector can free it

    def run(self, loops):
        return gc.collect()

    def verify(self, collected):
        alive = sum(1 for ref in self.watch if ref() is not None)
        if alive:
            raise WrongResult("%d watched nodes of the cyclic graph survived gc.collect()" % alive)
        # CPython counts the unreachable objects it found: every node (and its edge list) at least.
        if collected is not None and collected < self.nodes:
            raise WrongResult("gc.collect() collected %d objects, expected at least %d nodes"
                              % (collected, self.nodes))

    def metrics(self, collected, loops, seconds):
        if collected is None:  # PyPy's gc.collect() returns None
            return []
        return [metric("objects", "count", collected), metric("objects_per_s", "1/s", collected / seconds)]


# --- peak memory of a structure -----------------------------------------------------------------

def _build_dict(count):
    return dict(("key%d" % i, i + BIG) for i in range(count))


def _build_tuples(count):
    return [(i + BIG, "v%d" % i) for i in range(count)]


def _build_records(count):
    return [PlainRecord(i + BIG, None, None) for i in range(count)]


_STRUCTURES = {"dict": _build_dict, "tuples": _build_tuples, "objects": _build_records}


def _import_tracemalloc():
    try:
        import tracemalloc
    except ImportError as exc:
        raise Skip("tracemalloc is not available on this interpreter") from exc
    if sys.implementation.name != "cpython":
        raise Skip("tracemalloc traces CPython's allocators only (this is %s)" % sys.implementation.name)
    return tracemalloc


def _max_rss_bytes():
    """ru_maxrss of this process in bytes, or None where the resource module is missing."""
    try:
        import resource
    except ImportError:
        return None
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss if sys.platform == "darwin" else rss * 1024  # Linux reports KiB, macOS bytes


class PeakMemory(Bench):
    def __init__(self, params):
        self.tracemalloc = _import_tracemalloc()
        self.kind = params["structure"]
        self.count = params["count"]
        self.build = _STRUCTURES[self.kind]
        self.baseline = 0
        self.peak = 0

    def prepare(self):
        gc.collect()
        self.tracemalloc.start()
        self.baseline = self.tracemalloc.get_traced_memory()[0]

    def run(self, loops):
        return self.build(self.count)

    def verify(self, structure):
        current, peak = self.tracemalloc.get_traced_memory()
        self.tracemalloc.stop()
        self.peak = peak - self.baseline
        if len(structure) != self.count:
            raise WrongResult("%s has %d entries, expected %d" % (self.kind, len(structure), self.count))
        # Each entry holds at least one new int of its own, and no object is smaller than its header
        # (a reference count and a type pointer).
        floor = self.count * 2 * POINTER_SIZE
        if self.peak < floor:
            raise WrongResult("tracemalloc peak of %d bytes for %d entries is below the %d bytes their objects"
                              " need at least" % (self.peak, self.count, floor))

    def metrics(self, structure, loops, seconds):
        found = [metric("peak_tracemalloc", "bytes", self.peak),
                 metric("bytes_per_object", "bytes", self.peak / float(self.count))]
        rss = _max_rss_bytes()
        if rss is not None:
            found.append(metric("max_rss", "bytes", rss))
        return found

    def close(self):
        if self.tracemalloc.is_tracing():
            self.tracemalloc.stop()


# --- per-object overhead ----------------------------------------------------------------------------

_SHARED = object()


def _overhead_table():
    """(name, one instance, factory of distinct instances or None for shared/cached objects)."""
    x = _SHARED
    return [
        ("int_small", 1, None),
        ("int_big", 1 << 100, lambda i: (1 << 100) + i),
        ("float", 0.5, lambda i: i + 0.5),
        ("complex", 1j, lambda i: complex(i, 1)),
        ("str_empty", "", None),
        ("str_ascii_16", "a" * 16, lambda i: "%016d" % i),
        ("bytes_16", b"a" * 16, lambda i: b"%016d" % i),
        ("tuple_0", (), None),
        ("tuple_4", (x, x, x, x), lambda i: (x, x, x, i)),
        ("list_0", [], lambda i: []),
        ("list_4", [x, x, x, x], lambda i: [x, x, x, i]),
        ("dict_0", {}, lambda i: {}),
        ("dict_4", {0: x, 1: x, 2: x, 3: x}, lambda i: {0: x, 1: x, 2: x, 3: i}),
        ("set_0", set(), lambda i: set()),
        ("set_4", {0, 1, 2, 3}, lambda i: {0, 1, 2, i + 3}),
        ("instance", PlainRecord(x, x, x), lambda i: PlainRecord(x, x, i)),
        ("instance_slots", SlotRecord(x, x, x), lambda i: SlotRecord(x, x, i)),
    ]


class Getsizeof(Bench):
    SAMPLE = 1000  # objects allocated per type to average tracemalloc's view over

    def __init__(self, params):
        self.tracemalloc = _import_tracemalloc()
        try:
            sys.getsizeof(0)
        except TypeError as exc:
            raise Skip("sys.getsizeof is not supported here: %s" % exc) from exc
        self.rows = _overhead_table()

    def allocated_per_object(self, factory):
        """Bytes tracemalloc sees per object for SAMPLE distinct objects (small ints used as the
        distinguishing item are cached, so they add nothing)."""
        holder = [None] * self.SAMPLE
        gc.collect()
        self.tracemalloc.start()
        try:
            before = self.tracemalloc.get_traced_memory()[0]
            for i in range(self.SAMPLE):
                holder[i] = factory(i % 200)
            after = self.tracemalloc.get_traced_memory()[0]
        finally:
            self.tracemalloc.stop()
        return (after - before) / float(self.SAMPLE)

    def run(self, loops):
        table = []
        for name, example, factory in self.rows:
            allocated = None if factory is None else self.allocated_per_object(factory)
            table.append((name, sys.getsizeof(example), allocated))
        return table

    def verify(self, table):
        sizes = dict((name, size) for name, size, _ in table)
        for name, size, allocated in table:
            if size <= 0:
                raise WrongResult("sys.getsizeof(%s) is %d" % (name, size))
            if allocated is not None and allocated <= 0:
                raise WrongResult("allocating %s objects took %g bytes each" % (name, allocated))
        # A tuple stores its items inline: four more items are four more pointers.
        if sizes["tuple_4"] - sizes["tuple_0"] != 4 * POINTER_SIZE:
            raise WrongResult("tuple_4 is %d bytes and tuple_0 %d: expected a difference of %d"
                              % (sizes["tuple_4"], sizes["tuple_0"], 4 * POINTER_SIZE))

    def components(self, table):
        found = []
        for name, size, allocated in table:
            metrics = [metric("getsizeof", "bytes", size)]
            if allocated is not None:
                metrics.append(metric("allocated_per_object", "bytes", allocated))
            found.append((name, metrics))
        return found

    def metrics(self, table, loops, seconds):
        return [metric("types", "count", len(table))]


WORKLOADS = [
    Workload("alloc_small", "allocation of many small objects (ints, tuples, lists or dicts)", AllocSmall,
             params=[Choice("type", "tuple", "the object type", ["int", "tuple", "list", "dict"]),
                     Int("count", 1000, "objects per call")]),
    Workload("instances", "creating instances and reading their attributes, with or without __slots__",
             Instances,
             params=[Bool("slots", False, "use a class with __slots__"),
                     Int("count", 1000, "instances per call")]),
    Workload("refcount", "a loop that mostly takes and drops references", Refcount,
             params=[Int("rounds", 1000, "rounds per call")]),
    Workload("gc_collect", "gc.collect() of a large unreachable graph full of cycles", GcCollect,
             params=[Int("nodes", 100000, "nodes in the graph (each on a cycle)")], loopable=False),
    Workload("peak_memory", "peak traced memory (tracemalloc) and max RSS while building a structure",
             PeakMemory,
             params=[Choice("structure", "dict", "what to build", ["dict", "tuples", "objects"]),
                     Int("count", 100000, "entries")], loopable=False),
    Workload("getsizeof", "per-object overhead: sys.getsizeof and traced bytes per object, per type",
             Getsizeof, loopable=False),
]
