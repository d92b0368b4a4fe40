"""asyncio workloads: task creation and gather, call_soon throughput, a queue, loopback TCP streams and
tasks that mix CPU work with socket I/O. (Not named async.py: `async` is a keyword.)

Only APIs present in 3.6 are used: asyncio.run() and get_running_loop() are 3.7+, so each Bench owns
one event loop for its lifetime, made current so that 3.6's asyncio.Queue finds it, and closed at the end.
asyncio is imported when a Bench is built, not with this module, so --list does not load it."""

import socket

from harness_core.params import Int
from harness_core.workload import Bench, Workload, WrongResult, metric

CATEGORY = "async"


class LoopBench(Bench):
    """A Bench with its own event loop; run(loops) runs one coroutine for the whole sample."""

    def __init__(self):
        import asyncio
        self.asyncio = asyncio
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(self.loop)

    def run(self, loops):
        return self.loop.run_until_complete(self.batch(loops))

    def batch(self, loops):
        raise NotImplementedError

    def close(self):
        if not self.loop.is_closed():
            self.loop.run_until_complete(self.loop.shutdown_asyncgens())
            self.loop.close()
        self.asyncio.set_event_loop(None)


# --- tasks and gather ---------------------------------------------------------------------------

async def _double_after_yield(asyncio, value):
    await asyncio.sleep(0)
    return 2 * value


class Gather(LoopBench):
    def __init__(self, params):
        LoopBench.__init__(self)
        self.tasks = params["tasks"]

    async def batch(self, loops):
        asyncio, loop = self.asyncio, self.loop
        for _ in range(loops):
            results = await asyncio.gather(*[loop.create_task(_double_after_yield(asyncio, i))
                                             for i in range(self.tasks)])
        return results

    def verify(self, results):
        if list(results) != [2 * i for i in range(self.tasks)]:
            raise WrongResult("gather of %d tasks returned wrong or misordered results" % self.tasks)

    def metrics(self, result, loops, seconds):
        return [metric("tasks_per_s", "1/s", self.tasks * loops / seconds)]


# --- call_soon throughput -----------------------------------------------------------------------

class CallSoon(LoopBench):
    def __init__(self, params):
        LoopBench.__init__(self)
        self.callbacks = params["callbacks"]
        self.calls = 0

    def _tick(self, done, last):
        self.calls += 1
        if last:
            done.set_result(self.calls)

    async def batch(self, loops):
        loop, n = self.loop, self.callbacks
        self.calls = 0
        for _ in range(loops):
            done = loop.create_future()
            for i in range(n):
                loop.call_soon(self._tick, done, i == n - 1)
            await done
        return self.calls, loops

    def verify(self, result):
        calls, loops = result
        if calls != self.callbacks * loops:
            raise WrongResult("%d callbacks ran, expected %d" % (calls, self.callbacks * loops))

    def metrics(self, result, loops, seconds):
        return [metric("callbacks_per_s", "1/s", self.callbacks * loops / seconds)]


# --- queue producer/consumer --------------------------------------------------------------------

class QueueBench(LoopBench):
    def __init__(self, params):
        LoopBench.__init__(self)
        self.items = params["items"]
        self.consumers = params["consumers"]
        self.maxsize = params["maxsize"]

    async def _produce(self, queue):
        for i in range(self.items):
            await queue.put(i)
        for _ in range(self.consumers):
            await queue.put(None)  # one end marker per consumer

    async def _consume(self, queue):
        total = count = 0
        while True:
            item = await queue.get()
            if item is None:
                return total, count
            total += item
            count += 1

    async def batch(self, loops):
        asyncio = self.asyncio
        for _ in range(loops):
            queue = asyncio.Queue(maxsize=self.maxsize)
            results = await asyncio.gather(self._produce(queue), *[self._consume(queue) for _ in range(self.consumers)])
        return results[1:]

    def verify(self, per_consumer):
        total = sum(t for t, _ in per_consumer)
        count = sum(c for _, c in per_consumer)
        expected = self.items * (self.items - 1) // 2
        if count != self.items or total != expected:
            raise WrongResult("consumers got %d items summing to %d, expected %d summing to %d"
                              % (count, total, self.items, expected))

    def metrics(self, result, loops, seconds):
        return [metric("items_per_s", "1/s", self.items * loops / seconds)]


# --- loopback TCP streams: one echo round trip per loop ---------------------------------------

class Streams(LoopBench):
    def __init__(self, params):
        LoopBench.__init__(self)
        self.size = params["size"]
        self.sent = 0
        self.server = None
        self.writer = None
        self.handler_done = self.loop.create_future()
        self.loop.run_until_complete(self._connect())

    async def _echo(self, reader, writer):
        try:
            while True:
                writer.write(await reader.readexactly(self.size))
                await writer.drain()
        except (self.asyncio.IncompleteReadError, ConnectionError):
            pass  # the client closed the connection
        finally:
            writer.close()
            if not self.handler_done.done():
                self.handler_done.set_result(None)

    async def _connect(self):
        asyncio = self.asyncio
        self.server = await asyncio.start_server(self._echo, "127.0.0.1", 0)
        port = self.server.sockets[0].getsockname()[1]
        self.reader, self.writer = await asyncio.open_connection("127.0.0.1", port)
        sock = self.writer.get_extra_info("socket")
        # Without TCP_NODELAY, Nagle's algorithm and delayed ACKs would add tens of ms per round trip.
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def _message(self, counter):
        stamp = b"%020d" % counter
        return (stamp * (self.size // len(stamp) + 1))[:self.size]

    async def batch(self, loops):
        reader, writer = self.reader, self.writer
        mismatches = 0
        for _ in range(loops):
            self.sent += 1
            message = self._message(self.sent)
            writer.write(message)
            await writer.drain()
            if await reader.readexactly(self.size) != message:
                mismatches += 1
        return mismatches, loops

    def verify(self, result):
        mismatches, loops = result
        if mismatches:
            raise WrongResult("%d of %d echoed messages differed from what was sent" % (mismatches, loops))

    def metrics(self, result, loops, seconds):
        return [metric("bytes_per_s", "B/s", 2.0 * self.size * loops / seconds)]

    async def _disconnect(self):
        asyncio = self.asyncio
        if self.writer is not None:
            self.writer.close()
            if hasattr(self.writer, "wait_closed"):  # 3.7+
                await self.writer.wait_closed()
            # 3.6's Server.wait_closed() does not wait for connections: wait for the handler itself.
            await asyncio.wait_for(asyncio.shield(self.handler_done), 10)
        if self.server is not None:
            self.server.close()
            await self.server.wait_closed()
        # Transports finish closing in callbacks scheduled by close(); let them run before the loop closes.
        for _ in range(3):
            await asyncio.sleep(0)

    def close(self):
        if not self.loop.is_closed():
            self.loop.run_until_complete(self._disconnect())
        LoopBench.close(self)


# --- mixed CPU and I/O --------------------------------------------------------------------------

def _cpu_chunk(seed, work):
    total = seed
    for i in range(work):
        total = (total * 31 + i) % 1000003
    return total


class Mixed(LoopBench):
    """Each task computes a chunk, sends it through its own socket pair, reads it back at the other
    end and checks it: the loop interleaves CPU-bound steps with readiness waits on real sockets."""

    def __init__(self, params):
        LoopBench.__init__(self)
        self.tasks = params["tasks"]
        self.rounds = params["rounds"]
        self.work = params["work"]
        self.pairs = []
        for _ in range(self.tasks):
            a, b = socket.socketpair()
            a.setblocking(False)
            b.setblocking(False)
            self.pairs.append((a, b))

    async def _recv_exactly(self, sock, size):
        data = b""
        while len(data) < size:
            chunk = await self.loop.sock_recv(sock, size - len(data))
            if not chunk:
                raise EOFError("socket pair closed early")
            data += chunk
        return data

    async def _task(self, index):
        a, b = self.pairs[index]
        value = index
        bad = 0
        for _ in range(self.rounds):
            value = _cpu_chunk(value, self.work)
            message = b"%016d" % value
            await self.loop.sock_sendall(a, message)
            if await self._recv_exactly(b, len(message)) != message:
                bad += 1
        return value, bad

    async def batch(self, loops):
        for _ in range(loops):
            results = await self.asyncio.gather(*[self._task(i) for i in range(self.tasks)])
        return results

    def verify(self, results):
        for index, (value, bad) in enumerate(results):
            expected = index
            for _ in range(self.rounds):
                expected = _cpu_chunk(expected, self.work)
            if bad or value != expected:
                raise WrongResult("task %d ended with %d after %d bad messages, expected %d and none"
                                  % (index, value, bad, expected))

    def close(self):
        for a, b in self.pairs:
            a.close()
            b.close()
        LoopBench.close(self)


WORKLOADS = [
    Workload("gather", "create many tasks and gather their results", Gather,
             params=[Int("tasks", 1000, "tasks per call")]),
    Workload("call_soon", "loop.call_soon throughput", CallSoon,
             params=[Int("callbacks", 10000, "callbacks per call")]),
    Workload("queue", "asyncio.Queue: one producer, several consumers", QueueBench,
             params=[Int("items", 1000, "items per call"), Int("consumers", 2, "consumer tasks"),
                     Int("maxsize", 100, "queue capacity")]),
    Workload("streams", "loopback TCP echo with asyncio streams: one round trip per call", Streams,
             params=[Int("size", 64, "message size in bytes", maximum=1 << 20)]),
    Workload("mixed_io", "tasks that alternate CPU chunks with socket-pair I/O", Mixed,
             params=[Int("tasks", 50, "tasks", maximum=400), Int("rounds", 10, "chunks per task"),
                     Int("work", 200, "loop iterations per CPU chunk")]),
]
