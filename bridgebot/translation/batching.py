"""Gathering concurrent translation requests for one language pair into CTranslate2 calls.

No timer: an idle worker takes the first request at once (a lone message never waits for a batch to
fill); requests that arrive while the workers are busy queue up and go in the next call, bounded by
`max_pieces` (CTranslate2's best batch size on this machine) and `max_tokens`. Under a burst, batches
therefore fill by themselves, which is where CTranslate2's throughput is (~15x over one
message per call, docs/architecture.md).

The batches run on the batcher's own threads, not on a caller's: a caller that led a batch used to
keep draining the queue for everybody, so its own finished message waited for the whole burst.

Every pair has its own CTranslate2 workers, so two busy pairs would run twice as many compute threads
as there are cores. `Slots`, shared by all pairs, lets only as many batches run as there are cores,
handed over in arrival order, so the pairs take turns instead of thrashing the caches.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field

RunBatch = Callable[[list[list[str]]], list[list[str]]]


@dataclass
class _Request:
    pieces: list[list[str]]
    future: Future = field(default_factory=Future)

    @property
    def tokens(self) -> int:
        return sum(len(p) for p in self.pieces)


class Slots:
    """A semaphore that hands a freed slot to the longest waiter (threading.Semaphore lets the
    releasing thread take it straight back, which starves the other pairs under a burst)."""

    def __init__(self, count: int) -> None:
        self._lock = threading.Lock()
        self._free = max(1, count)
        self._waiters: deque[threading.Lock] = deque()

    def acquire(self) -> None:
        with self._lock:
            if self._free:
                self._free -= 1
                return
            turn = threading.Lock()
            turn.acquire()
            self._waiters.append(turn)
        turn.acquire()  # released by the thread that hands this waiter its slot

    def release(self) -> None:
        with self._lock:
            if self._waiters:
                self._waiters.popleft().release()
            else:
                self._free += 1


class Batcher:
    def __init__(
        self,
        run: RunBatch,
        *,
        slots: Slots,
        max_pieces: int = 32,
        max_tokens: int = 4096,
        parallel: int = 1,
        name: str = "batch",
    ) -> None:
        self._run = run
        self._slots = slots
        self._max_pieces = max_pieces
        self._max_tokens = max_tokens
        self._wakeup = threading.Condition()
        self._queue: deque[_Request] = deque()
        self._closed = False
        self.calls = 0  # CTranslate2 calls made, for tests and benchmarks
        # One thread per CTranslate2 worker: while one batch decodes, the next is already gathered.
        self._threads = [
            threading.Thread(target=self._work, name=f"{name}-{n}", daemon=True) for n in range(max(1, parallel))
        ]
        for thread in self._threads:
            thread.start()

    def translate(self, pieces: Sequence[list[str]]) -> list[list[str]]:
        """Blocking; called from worker threads. Returns one token list per input piece."""
        request = _Request(list(pieces))
        with self._wakeup:
            if self._closed:  # unloaded between lookup and call: finish this one here
                return self._run(request.pieces) if request.pieces else []
            self._queue.append(request)
            self._wakeup.notify()
        return request.future.result()

    def close(self) -> None:
        """Stop the threads once the queue is empty, so an unloaded model can be freed."""
        with self._wakeup:
            self._closed = True
            self._wakeup.notify_all()

    def _wait_for_work(self) -> bool:
        """False once closed and drained."""
        with self._wakeup:
            while not self._queue:
                if self._closed:
                    return False
                self._wakeup.wait()
            return True

    def _take(self) -> list[_Request]:
        """The next batch; empty when the other thread took everything while this one waited for a slot."""
        with self._wakeup:
            taken, pieces, tokens = [], 0, 0
            while self._queue and (not taken or self._fits(self._queue[0], pieces, tokens)):
                request = self._queue.popleft()
                taken.append(request)
                pieces += len(request.pieces)
                tokens += request.tokens
            self.calls += bool(taken)
            return taken

    def _fits(self, request: _Request, pieces: int, tokens: int) -> bool:
        return pieces + len(request.pieces) <= self._max_pieces and tokens + request.tokens <= self._max_tokens

    def _work(self) -> None:
        while self._wait_for_work():
            # The slot comes first, the batch second: requests arriving while the cores are busy
            # elsewhere join this batch instead of waiting for the next one.
            self._slots.acquire()
            try:
                batch = self._take()
                if batch:
                    self._finish(batch)
            finally:
                self._slots.release()

    def _finish(self, batch: list[_Request]) -> None:
        flat = [piece for request in batch for piece in request.pieces]
        try:
            results = self._run(flat) if flat else []
        except BaseException as error:
            for request in batch:
                request.future.set_exception(error)
            return
        start = 0
        for request in batch:
            request.future.set_result(results[start : start + len(request.pieces)])
            start += len(request.pieces)
