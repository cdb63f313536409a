"""Gathering concurrent translation requests for one language pair into one CTranslate2 call.

No timer: the first request on an idle pair runs at once (a lone message never waits for a batch to
fill); requests that arrive while a batch is running queue up and all go in the next call, bounded by
`max_tokens`. Under a burst, batches therefore grow by themselves to what the engine can take,
which is where CTranslate2's throughput is (DESIGN.md: ~15x over one message per call).
"""

from __future__ import annotations

import threading
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
    def __init__(self, run: RunBatch, max_tokens: int = 4096, parallel: int = 1) -> None:
        self._run = run
        self._max_tokens = max_tokens
        self._parallel = parallel  # batches in flight at once: one per CTranslate2 worker avoids idle gaps
        self._lock = threading.Lock()
        self._queue: list[_Request] = []
        self._leaders = 0
        self.calls = 0  # CTranslate2 calls made, for tests and benchmarks

    def translate(self, pieces: Sequence[list[str]]) -> list[list[str]]:
        """Blocking; called from worker threads. Returns one token list per input piece."""
        request = _Request(list(pieces))
        with self._lock:
            self._queue.append(request)
            lead = self._leaders < self._parallel
            if lead:
                self._leaders += 1
        if lead:
            self._drain()
        return request.future.result()

    def _take(self) -> list[_Request]:
        with self._lock:
            taken, tokens = [], 0
            while self._queue and (not taken or tokens + self._queue[0].tokens <= self._max_tokens):
                request = self._queue.pop(0)
                taken.append(request)
                tokens += request.tokens
            if not taken:
                self._leaders -= 1
            return taken

    def _drain(self) -> None:
        """The leading thread runs batches until nobody is waiting."""
        while batch := self._take():
            flat = [piece for request in batch for piece in request.pieces]
            try:
                results = self._run(flat) if flat else []
                self.calls += 1
            except BaseException as error:
                for request in batch:
                    request.future.set_exception(error)
                continue
            start = 0
            for request in batch:
                request.future.set_result(results[start : start + len(request.pieces)])
                start += len(request.pieces)
