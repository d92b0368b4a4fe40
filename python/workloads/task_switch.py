"""asyncio task switching: two tasks hand control to each other through a Future or an Event, so
every round is two suspensions and two resumptions of a task by the event loop. asyncio is imported
when a Bench is built (by LoopBench), not with this module."""

from harness_core.params import Choice, Int
from harness_core.workload import Workload, WrongResult, metric
from workloads.asyncio_workloads import LoopBench

CATEGORY = "async"


class TaskSwitch(LoopBench):
    """`rounds` ping-pong rounds per loop. Each side counts its rounds and, every time it resumes,
    checks that the other side has run exactly once since: the count of switches is verified, not
    assumed."""

    def __init__(self, params):
        LoopBench.__init__(self)
        self.via = params["via"]
        self.rounds = params["rounds"]

    # --- through futures: each side awaits its own inbox, made afresh per round ---------------------

    async def _ping_futures(self, n):
        loop = self.loop
        bad = 0
        for i in range(n):
            inbox = loop.create_future()
            self.ping_inbox = inbox  # made before pong can be woken, so pong always finds it
            self.pong_inbox.set_result(i)
            if await inbox != i or self.pong_rounds != i + 1:
                bad += 1
            self.ping_rounds += 1
        return bad

    async def _pong_futures(self, n):
        loop = self.loop
        bad = 0
        for i in range(n):
            value = await self.pong_inbox
            if value != i or self.ping_rounds != i:
                bad += 1
            self.pong_rounds += 1
            self.pong_inbox = loop.create_future()  # before waking ping, whose next round resolves it
            self.ping_inbox.set_result(value)
        return bad

    # --- through events: set by the other side, cleared by the waiter --------------------------------

    async def _ping_events(self, n):
        bad = 0
        for i in range(n):
            self.to_pong.set()
            await self.to_ping.wait()
            self.to_ping.clear()
            if self.pong_rounds != i + 1:
                bad += 1
            self.ping_rounds += 1
        return bad

    async def _pong_events(self, n):
        bad = 0
        for i in range(n):
            await self.to_pong.wait()
            self.to_pong.clear()
            if self.ping_rounds != i:
                bad += 1
            self.pong_rounds += 1
            self.to_ping.set()
        return bad

    async def batch(self, loops):
        asyncio, loop = self.asyncio, self.loop
        n = self.rounds * loops
        self.ping_rounds = self.pong_rounds = 0
        if self.via == "future":
            self.pong_inbox = loop.create_future()
            pong = loop.create_task(self._pong_futures(n))
            ping = loop.create_task(self._ping_futures(n))
        else:
            # 3.6-3.9's Event takes the loop from get_event_loop(): the Bench made its loop current.
            self.to_ping, self.to_pong = asyncio.Event(), asyncio.Event()
            pong = loop.create_task(self._pong_events(n))
            ping = loop.create_task(self._ping_events(n))
        bad_ping, bad_pong = await asyncio.gather(ping, pong)
        return self.ping_rounds, self.pong_rounds, bad_ping + bad_pong, n

    def verify(self, result):
        ping_rounds, pong_rounds, out_of_turn, n = result
        if ping_rounds != n or pong_rounds != n or out_of_turn:
            raise WrongResult("ping ran %d rounds and pong %d with %d out of turn, expected %d each and none"
                              % (ping_rounds, pong_rounds, out_of_turn, n))

    def metrics(self, result, loops, seconds):
        switches = 2 * self.rounds * loops  # each round suspends and resumes each task once
        return [metric("switches_per_s", "1/s", switches / seconds),
                metric("time_per_switch", "s", seconds / switches)]


WORKLOADS = [
    Workload("task_switch", "two asyncio tasks ping-ponging through a Future or an Event: the cost of one "
             "task switch", TaskSwitch,
             params=[Choice("via", "future", "'future' (a new Future per hand-over) or 'event' (two asyncio.Event)",
                            ["future", "event"]),
                     Int("rounds", 1000, "ping-pong rounds per loop (two switches each)")]),
]
