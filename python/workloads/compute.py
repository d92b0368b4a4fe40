"""Pure-Python compute workloads: numeric loops, a task scheduler, object-heavy float code, generators
and unpacking. Each checks its result against a value or an invariant stated beside the check."""

import math

from harness_core.params import Int
from harness_core.workload import Bench, Workload, WrongResult, metric

CATEGORY = "compute"


# --- n-body: the five outer bodies of the solar system, symplectic Euler, dt = 0.01 ---------------

SOLAR_MASS = 4 * math.pi * math.pi
DAYS_PER_YEAR = 365.24

# (x, y, z) in AU, (vx, vy, vz) in AU/day, mass in solar masses: the initial data the Computer
# Language Benchmarks Game fixes for its n-body problem, so that the energies it publishes apply.
_PLANETS = (
    ((4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01),
     (1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05), 9.54791938424326609e-04),
    ((8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01),
     (-2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05), 2.85885980666130812e-04),
    ((1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01),
     (2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05), 4.36624404335156298e-05),
    ((1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01),
     (2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05), 5.15138902046611451e-05),
)

# Published by the Benchmarks Game for this system: the energy after the momentum offset, and after
# 1000 steps of dt = 0.01 (its output for n = 1000), both printed to 9 decimals.
NBODY_INITIAL_ENERGY = -0.169075164
NBODY_ENERGY_AFTER_1000 = -0.169087605
# Symplectic Euler keeps the energy error bounded and oscillating rather than growing: the largest
# error seen over 100,000 steps (checked every 500) was 6.8e-5, and the published output for 50,000,000
# steps is within 1.6e-5. A broken step (a wrong sign or factor) is off by far more than 5e-4.
NBODY_MAX_DRIFT = 5e-4


def nbody_system():
    """Bodies as [x, y, z, vx, vy, vz, mass] lists, the Sun first, with the Sun's velocity chosen so
    that the total momentum is zero."""
    bodies = [[0.0, 0.0, 0.0, 0.0, 0.0, 0.0, SOLAR_MASS]]
    for pos, vel, mass in _PLANETS:
        bodies.append([pos[0], pos[1], pos[2], vel[0] * DAYS_PER_YEAR, vel[1] * DAYS_PER_YEAR,
                       vel[2] * DAYS_PER_YEAR, mass * SOLAR_MASS])
    px = sum(b[3] * b[6] for b in bodies)
    py = sum(b[4] * b[6] for b in bodies)
    pz = sum(b[5] * b[6] for b in bodies)
    sun = bodies[0]
    sun[3], sun[4], sun[5] = -px / SOLAR_MASS, -py / SOLAR_MASS, -pz / SOLAR_MASS
    return bodies


def nbody_energy(bodies):
    energy = 0.0
    for i, a in enumerate(bodies):
        energy += 0.5 * a[6] * (a[3] * a[3] + a[4] * a[4] + a[5] * a[5])
        for b in bodies[i + 1:]:
            dx, dy, dz = a[0] - b[0], a[1] - b[1], a[2] - b[2]
            energy -= a[6] * b[6] / math.sqrt(dx * dx + dy * dy + dz * dz)
    return energy


def nbody_momentum(bodies):
    return [sum(b[k] * b[6] for b in bodies) for k in (3, 4, 5)]


def nbody_advance(bodies, steps, dt=0.01):
    pairs = [(bodies[i], bodies[j]) for i in range(len(bodies)) for j in range(i + 1, len(bodies))]
    for _ in range(steps):
        for a, b in pairs:
            dx = a[0] - b[0]
            dy = a[1] - b[1]
            dz = a[2] - b[2]
            d2 = dx * dx + dy * dy + dz * dz
            mag = dt / (d2 * math.sqrt(d2))
            bm = b[6] * mag
            am = a[6] * mag
            a[3] -= dx * bm
            a[4] -= dy * bm
            a[5] -= dz * bm
            b[3] += dx * am
            b[4] += dy * am
            b[5] += dz * am
        for body in bodies:
            body[0] += dt * body[3]
            body[1] += dt * body[4]
            body[2] += dt * body[5]


class NBody(Bench):
    def __init__(self, params):
        self.steps = params["steps"]

    def run(self, loops):
        for _ in range(loops):
            bodies = nbody_system()
            before = nbody_energy(bodies)
            nbody_advance(bodies, self.steps)
        return before, bodies

    def verify(self, result):
        before, bodies = result
        after = nbody_energy(bodies)
        if abs(before - NBODY_INITIAL_ENERGY) > 5e-10:
            raise WrongResult("nbody initial energy is %.12f, expected %.9f" % (before, NBODY_INITIAL_ENERGY))
        if self.steps == 1000 and abs(after - NBODY_ENERGY_AFTER_1000) > 5e-10:
            raise WrongResult("nbody energy after 1000 steps is %.12f, expected %.9f"
                              % (after, NBODY_ENERGY_AFTER_1000))
        if abs(after - before) > NBODY_MAX_DRIFT:
            raise WrongResult("nbody energy drifted from %.9f to %.9f after %d steps (bound %g)"
                              % (before, after, self.steps, NBODY_MAX_DRIFT))
        # Pairwise forces are equal and opposite, so the total momentum stays zero up to rounding.
        momentum = max(abs(p) for p in nbody_momentum(bodies))
        if momentum > 1e-12:
            raise WrongResult("nbody total momentum is %g after %d steps, expected 0" % (momentum, self.steps))

    def metrics(self, result, loops, seconds):
        return [metric("steps_per_s", "1/s", self.steps * loops / seconds)]


# --- spectral norm of the infinite matrix A(i, j) = 1 / ((i + j)(i + j + 1) / 2 + i + 1) ----------

# The Benchmarks Game's published output for n = 100 (10 power iterations), to 9 decimals.
SPECTRAL_NORM_100 = 1.274219991
# A_n is the leading n x n block of the infinite matrix, so its norm grows with n towards the
# infinite operator's norm, 1.2742241528... (the published n = 5500 value is 1.274224153).
SPECTRAL_NORM_LIMIT = 1.274224153


def _a(i, j):
    ij = i + j
    return 1.0 / (ij * (ij + 1) // 2 + i + 1)


def _times_a(v):
    n = len(v)
    return [sum(_a(i, j) * v[j] for j in range(n)) for i in range(n)]


def _times_at(v):
    n = len(v)
    return [sum(_a(j, i) * v[j] for j in range(n)) for i in range(n)]


def spectral_norm(n, iterations=10):
    u = [1.0] * n
    for _ in range(iterations):
        v = _times_at(_times_a(u))
        u = _times_at(_times_a(v))
    vbv = sum(a * b for a, b in zip(u, v))
    vv = sum(b * b for b in v)
    return math.sqrt(vbv / vv)


class SpectralNorm(Bench):
    def __init__(self, params):
        self.n = params["n"]

    def run(self, loops):
        for _ in range(loops):
            value = spectral_norm(self.n)
        return value

    def verify(self, value):
        if self.n == 100 and abs(value - SPECTRAL_NORM_100) > 5e-10:
            raise WrongResult("spectral norm for n=100 is %.12f, expected %.9f" % (value, SPECTRAL_NORM_100))
        # The power iteration's Rayleigh quotient lies between ||A_1|| = 1 and the limit above.
        if not 1.0 - 1e-12 <= value <= SPECTRAL_NORM_LIMIT + 1e-9:
            raise WrongResult("spectral norm for n=%d is %.12f, expected within [1, %.9f]"
                              % (self.n, value, SPECTRAL_NORM_LIMIT))


# --- fannkuch-redux: pancake flips over all permutations --------------------------------------------

# OEIS A000375 (topswops): the largest number of prefix reversals over all permutations of n, which is
# what fannkuch's "max flips" counts; index n.
MAX_FLIPS = (0, 0, 1, 2, 4, 7, 10, 16, 22, 30, 38, 51, 65)
# The checksum depends on the order the permutations are generated in (the Benchmarks Game's
# rotation order, used below); these are its published outputs.
FANNKUCH_CHECKSUMS = {7: 228, 10: 73196, 12: 3968050}


def fannkuch(n):
    """(checksum, max flips) over all permutations of range(n), in rotation order: the permutation
    sequence alternates sign, and the checksum is the signed sum of each one's flip count."""
    perm = list(range(n))
    count = [i + 1 for i in range(n)]  # rotations left at each level before it wraps around
    checksum = 0
    max_flips = 0
    sign = 1
    while True:
        first = perm[0]
        if first:
            p = perm[:]
            flips = 0
            while first:
                p[:first + 1] = p[first::-1]
                flips += 1
                first = p[0]
            if flips > max_flips:
                max_flips = flips
            checksum += flips if sign > 0 else -flips
        sign = -sign
        level = 1
        while level < n:
            head = perm[0]
            perm[:level] = perm[1:level + 1]
            perm[level] = head
            count[level] -= 1
            if count[level] > 0:
                break
            count[level] = level + 1
            level += 1
        else:
            return checksum, max_flips


class Fannkuch(Bench):
    def __init__(self, params):
        self.n = params["n"]

    def run(self, loops):
        for _ in range(loops):
            result = fannkuch(self.n)
        return result

    def verify(self, result):
        checksum, max_flips = result
        if max_flips != MAX_FLIPS[self.n]:
            raise WrongResult("fannkuch(%d) max flips is %d, expected %d" % (self.n, max_flips, MAX_FLIPS[self.n]))
        expected = FANNKUCH_CHECKSUMS.get(self.n)
        if expected is not None and checksum != expected:
            raise WrongResult("fannkuch(%d) checksum is %d, expected %d" % (self.n, checksum, expected))


# --- a Richards-like scheduler: prioritised tasks passing packets ---------------------------------

class Packet(object):
    def __init__(self, kind, owner):
        self.kind = kind  # "work" or "device"
        self.owner = owner  # the task it goes back to
        self.data = []
        self.index = 0
        self.datum = None


class Task(object):
    """A task runs when it has a packet waiting (or is the idle task) and is not held."""

    def __init__(self, name, priority, scheduler):
        self.name = name
        self.priority = priority
        self.scheduler = scheduler
        self.inbox = []
        self.held = False

    def runnable(self):
        return not self.held and bool(self.inbox)

    def step(self):
        raise NotImplementedError


class IdleTask(Task):
    """Counts down; each turn releases one of the two devices, chosen by a pseudo-random bit."""

    def __init__(self, scheduler, turns, devices):
        Task.__init__(self, "idle", 0, scheduler)
        self.turns = turns
        self.devices = devices
        self.seed = 1

    def runnable(self):
        return not self.held

    def step(self):
        self.turns -= 1
        if self.turns == 0:
            self.held = True
            return
        # A 16-bit Galois LFSR (taps 0xD008): cheap, deterministic and well mixed.
        low = self.seed & 1
        self.seed >>= 1
        if low:
            self.seed ^= 0xD008
        self.scheduler.release(self.devices[self.seed & 1])


class WorkTask(Task):
    """Fills each returned work packet with the next letters and sends it to the other handler."""

    def __init__(self, scheduler, handlers):
        Task.__init__(self, "work", 1000, scheduler)
        self.handlers = handlers
        self.turn = 0
        self.letter = 0

    def step(self):
        packet = self.inbox.pop(0)
        self.turn ^= 1
        data = []
        for _ in range(4):
            self.letter = self.letter % 26 + 1
            data.append(self.letter)
        packet.data = data
        packet.index = 0
        self.scheduler.produced += sum(data)
        self.scheduler.send(packet, self.handlers[self.turn])


class HandlerTask(Task):
    """Feeds the letters of its work packets one at a time to its device, in device packets."""

    def __init__(self, name, priority, scheduler):
        Task.__init__(self, name, priority, scheduler)
        self.device = None
        self.work = []
        self.spare = []

    def step(self):
        packet = self.inbox.pop(0)
        (self.work if packet.kind == "work" else self.spare).append(packet)
        while self.work and self.spare:
            job = self.work[0]
            if job.index == len(job.data):
                self.work.pop(0)
                self.scheduler.send(job, job.owner)
                continue
            carrier = self.spare.pop(0)
            carrier.datum = job.data[job.index]
            job.index += 1
            self.scheduler.send(carrier, self.device)


class DeviceTask(Task):
    """Consumes one letter per release and hands the carrier back; holds itself until released."""

    def __init__(self, name, priority, scheduler, handler):
        Task.__init__(self, name, priority, scheduler)
        self.handler = handler
        self.held = True

    def step(self):
        carrier = self.inbox.pop(0)
        self.scheduler.consumed += carrier.datum
        carrier.datum = None
        self.held = True
        self.scheduler.send(carrier, self.handler)


class Scheduler(object):
    def __init__(self, turns, work_packets, device_packets):
        self.produced = 0
        self.consumed = 0
        self.sends = 0
        self.releases = 0
        handler_a = HandlerTask("handler_a", 2000, self)
        handler_b = HandlerTask("handler_b", 3000, self)
        device_a = DeviceTask("device_a", 4000, self, handler_a)
        device_b = DeviceTask("device_b", 5000, self, handler_b)
        handler_a.device, handler_b.device = device_a, device_b
        worker = WorkTask(self, (handler_a, handler_b))
        idle = IdleTask(self, turns, (device_a, device_b))
        self.tasks = sorted([idle, worker, handler_a, handler_b, device_a, device_b],
                            key=lambda t: -t.priority)
        self.packets = []
        for _ in range(work_packets):
            self._give(Packet("work", worker), worker)
        for handler in (handler_a, handler_b):
            for _ in range(device_packets):
                self._give(Packet("device", handler), handler)

    def _give(self, packet, task):
        self.packets.append(packet)
        task.inbox.append(packet)

    def send(self, packet, task):
        self.sends += 1
        task.inbox.append(packet)

    def release(self, task):
        self.releases += 1
        task.held = False

    def run(self):
        """Run the highest-priority runnable task until none is left; returns the number of steps."""
        steps = 0
        while True:
            for task in self.tasks:
                if task.runnable():
                    break
            else:
                return steps
            task.step()
            steps += 1

    def in_flight(self):
        """Letters produced but not consumed: left in work packets or carried by device packets."""
        total = 0
        for packet in self.packets:
            if packet.kind == "work":
                total += sum(packet.data[packet.index:])
            elif packet.datum is not None:
                total += packet.datum
        return total


class Richards(Bench):
    def __init__(self, params):
        self.turns = params["turns"]

    def run(self, loops):
        for _ in range(loops):
            scheduler = Scheduler(self.turns, work_packets=2, device_packets=2)
            steps = scheduler.run()
        return scheduler, steps

    def verify(self, result):
        scheduler, steps = result
        # Letters are conserved: every one the worker produced was consumed by a device or is still in
        # a packet when the idle task stopped; the scheduler stops only once it runs out of work.
        left = scheduler.in_flight()
        if scheduler.produced != scheduler.consumed + left:
            raise WrongResult("scheduler lost letters: produced %d, consumed %d, in flight %d"
                              % (scheduler.produced, scheduler.consumed, left))
        if scheduler.consumed == 0 or scheduler.releases != self.turns - 1:
            raise WrongResult("scheduler did no work: consumed %d, releases %d of %d turns"
                              % (scheduler.consumed, scheduler.releases, self.turns))

    def metrics(self, result, loops, seconds):
        scheduler, steps = result
        return [metric("task_switches_per_s", "1/s", steps * loops / seconds)]


# --- float-heavy objects ------------------------------------------------------------------------

class Point(object):
    def __init__(self, i):
        self.x = x = math.sin(i)
        self.y = math.cos(i) * 3
        self.z = (x * x) / 2

    def normalize(self):
        norm = math.sqrt(self.x * self.x + self.y * self.y + self.z * self.z)
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def maximize(self, other):
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self


def float_points(count):
    points = [Point(i) for i in range(count)]
    for p in points:
        p.normalize()
    best = points[0]
    for p in points[1:]:
        best = best.maximize(p)
    return points, best


class FloatObjects(Bench):
    def __init__(self, params):
        self.count = params["points"]

    def run(self, loops):
        for _ in range(loops):
            result = float_points(self.count)
        return result

    def verify(self, result):
        points, best = result
        # points[0] is `best` and was overwritten by maximize(); the rest are plain unit vectors.
        for i, p in enumerate(points[1:], 1):
            norm = math.sqrt(p.x * p.x + p.y * p.y + p.z * p.z)
            if abs(norm - 1.0) > 1e-12:
                raise WrongResult("point %d has norm %.17g after normalize(), expected 1" % (i, norm))
        fresh = Point(0)
        fresh.normalize()
        others = points[1:] + [fresh]
        expected = (max(p.x for p in others), max(p.y for p in others), max(p.z for p in others))
        if (best.x, best.y, best.z) != expected:
            raise WrongResult("component-wise maximum is %r, expected %r" % ((best.x, best.y, best.z), expected))

    def metrics(self, result, loops, seconds):
        return [metric("items_per_s", "1/s", self.count * loops / seconds)]


# --- generators ---------------------------------------------------------------------------------

def _squares_not_divisible_by_3(n):
    return sum(x * x for x in filter(lambda v: v % 3, range(n)))


def _sum_of_squares_below(n):
    return (n - 1) * n * (2 * n - 1) // 6


def _tree(depth, start=0):
    """A complete binary tree of nested tuples whose leaves are start .. start + 2**depth - 1."""
    if depth == 0:
        return start
    half = 1 << (depth - 1)
    return (_tree(depth - 1, start), _tree(depth - 1, start + half))


def _leaves(node):
    if isinstance(node, tuple):
        yield from _leaves(node[0])
        yield from _leaves(node[1])
    else:
        yield node


class Generators(Bench):
    def __init__(self, params):
        self.n = params["n"]
        self.depth = params["depth"]
        self.tree = _tree(self.depth)

    def run(self, loops):
        for _ in range(loops):
            squares = _squares_not_divisible_by_3(self.n)
            leaves = sum(_leaves(self.tree))
        return squares, leaves

    def verify(self, result):
        squares, leaves = result
        n = self.n
        # Squares of 0..n-1 minus those of the multiples of 3 (9 k^2 for k below ceil(n / 3)).
        expected_squares = _sum_of_squares_below(n) - 9 * _sum_of_squares_below((n + 2) // 3)
        leaf_count = 1 << self.depth
        expected_leaves = leaf_count * (leaf_count - 1) // 2
        if squares != expected_squares or leaves != expected_leaves:
            raise WrongResult("generator sums are (%d, %d), expected (%d, %d)"
                              % (squares, leaves, expected_squares, expected_leaves))


# --- unpacking ------------------------------------------------------------------------------------

def rotate_by_unpacking(values, rounds):
    a, b, c, d, e, f, g, h = values
    for _ in range(rounds):
        # Ten rotations per round: the bytecode under test is the tuple build + unpack.
        a, b, c, d, e, f, g, h = h, a, b, c, d, e, f, g
        a, b, c, d, e, f, g, h = h, a, b, c, d, e, f, g
        a, b, c, d, e, f, g, h = h, a, b, c, d, e, f, g
        a, b, c, d, e, f, g, h = h, a, b, c, d, e, f, g
        a, b, c, d, e, f, g, h = h, a, b, c, d, e, f, g
        a, b, c, d, e, f, g, h = h, a, b, c, d, e, f, g
        a, b, c, d, e, f, g, h = h, a, b, c, d, e, f, g
        a, b, c, d, e, f, g, h = h, a, b, c, d, e, f, g
        a, b, c, d, e, f, g, h = h, a, b, c, d, e, f, g
        a, b, c, d, e, f, g, h = h, a, b, c, d, e, f, g
        first, *rest = [a, b, c, d, e, f, g, h]
        a, b, c, d, e, f, g, h = (first, *rest)
    return [a, b, c, d, e, f, g, h]


class Unpacking(Bench):
    VALUES = ["a", "b", "c", "d", "e", "f", "g", "h"]

    def __init__(self, params):
        self.rounds = params["rounds"]

    def run(self, loops):
        for _ in range(loops):
            result = rotate_by_unpacking(self.VALUES, self.rounds)
        return result

    def verify(self, result):
        shift = (10 * self.rounds) % 8  # each rotation moves every value one place to the right
        expected = self.VALUES[-shift:] + self.VALUES[:-shift] if shift else list(self.VALUES)
        if result != expected:
            raise WrongResult("after %d rotations the values are %r, expected %r"
                              % (10 * self.rounds, result, expected))

    def metrics(self, result, loops, seconds):
        return [metric("unpacks_per_s", "1/s", 11 * self.rounds * loops / seconds)]


WORKLOADS = [
    Workload("nbody", "n-body simulation of the outer solar system (float arithmetic on lists)", NBody,
             params=[Int("steps", 1000, "time steps of 0.01 per call (1000 also checks the published energy)")]),
    Workload("spectral_norm", "spectral norm of an infinite matrix by power iteration", SpectralNorm,
             params=[Int("n", 100, "matrix size (100 also checks the published value)", maximum=2000)]),
    Workload("fannkuch", "fannkuch-redux: pancake flips over all permutations of n", Fannkuch,
             params=[Int("n", 7, "permutation length", minimum=3, maximum=12)]),
    Workload("richards", "a Richards-like scheduler: prioritised tasks passing packets", Richards,
             params=[Int("turns", 1000, "turns of the idle task (each releases a device)", minimum=2)]),
    Workload("float_objects", "float-heavy objects: create, normalise and compare points", FloatObjects,
             params=[Int("points", 10000, "points per call", minimum=2)]),
    Workload("generators", "generator pipelines and a recursive yield-from tree walk", Generators,
             params=[Int("n", 10000, "length of the filtered range"),
                     Int("depth", 10, "depth of the binary tree walked", minimum=0, maximum=20)]),
    Workload("unpacking", "tuple packing and unpacking, starred included", Unpacking,
             params=[Int("rounds", 1000, "rounds of ten rotations per call")]),
]
