"""Gathering concurrent translation requests for one language pair into one CTranslate2 call.

No timer: an idle worker takes the first request at once (a lone message never waits for a batch to
fill); requests that arrive while the workers are busy queue up and all go in the next call, bounded
by `max_tokens`. Under a burst, batches therefore grow by themselves to what the engine can take,
which is where CTranslate2's throughput is (DESIGN.md: ~15x over one message per call).

The batches run on the batcher's own threads, not on a caller's: a caller that led a batch used to
keep draining the queue for everybody, so its own finished message waited for the whole burst.
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


class Batcher:
    def __init__(self, run: RunBatch, max_tokens: int = 4096, parallel: int = 1, name: str = "batch") -> None:
        self._run = run
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

    def _take(self) -> list[_Request] | None:
        """The next batch, waiting for work; None once closed and drained."""
        with self._wakeup:
            while not self._queue:
                if self._closed:
                    return None
                self._wakeup.wait()
            taken, tokens = [], 0
            while self._queue and (not taken or tokens + self._queue[0].tokens <= self._max_tokens):
                request = self._queue.popleft()
                taken.append(request)
                tokens += request.tokens
            self.calls += 1
            return taken

    def _work(self) -> None:
        while (batch := self._take()) is not None:
            flat = [piece for request in batch for piece in request.pieces]
            try:
                results = self._run(flat) if flat else []
            except BaseException as error:
                for request in batch:
                    request.future.set_exception(error)
                continue
            start = 0
            for request in batch:
                request.future.set_result(results[start : start + len(request.pieces)])
                start += len(request.pieces)
