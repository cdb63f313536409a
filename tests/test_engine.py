"""The translation engine under load: shared batches, bounded memory, a cache, a free event loop."""

from __future__ import annotations

import asyncio
import json
import random
import threading
import time
from pathlib import Path

import pytest

from bridgebot.translation.batching import Batcher, Slots
from bridgebot.translation.engine import Engine

PHRASES = json.loads((Path(__file__).parent.parent / "bridgebot/demo/phrases.json").read_text(encoding="utf-8"))
PAIRS = [("en", "de"), ("de", "en"), ("en", "zh"), ("en", "es"), ("es", "en")]


@pytest.fixture
def engine(models_dir: Path) -> Engine:
    built = Engine(models_dir)
    yield built
    built.close()


async def test_concurrent_callers_each_get_their_own_translation(engine: Engine) -> None:
    rng = random.Random(3)
    jobs = []
    for _ in range(120):
        source, target = rng.choice(PAIRS)
        row = rng.choice([r for r in PHRASES if list(r.values()).count(r[source]) == 1])
        jobs.append((source, target, row))
    results = await asyncio.gather(*(engine.translate(row[s], [], s, t) for s, t, row in jobs))
    for (source, target, row), result in zip(jobs, results, strict=True):
        assert result.text == row[target], (source, target, row[source])
    assert engine.model_calls < len(jobs), "concurrent messages should share CTranslate2 calls"


async def test_a_lone_message_does_not_wait_for_a_batch(engine: Engine) -> None:
    """No timer and no batch to fill: nothing else ever arrives, and the lone message goes in a call of
    its own (bench/bench_latency.py prints how long that takes)."""
    await engine.translate("good morning", [], "en", "de")
    calls = engine.model_calls
    result = await engine.translate("see you tomorrow", [], "en", "de")
    assert result.text == "bis morgen"
    assert engine.model_calls == calls + 1


async def test_event_loop_keeps_answering_while_a_large_batch_runs(engine: Engine) -> None:
    big = " ".join(["The report is ready."] * 400)
    work = asyncio.create_task(engine.translate(big, [], "en", "de"))
    ticks_while_translating = 0
    while not work.done():
        await asyncio.sleep(0.001)
        ticks_while_translating += engine.model_calls > 0 and not work.done()
    assert (await work).text.count("Der Bericht ist fertig.") == 400
    # Run on the loop, the batch would have finished within one tick (bench/bench_latency.py: worst stall).
    assert ticks_while_translating >= 2


async def test_least_recently_used_pairs_unload_and_reload_identically(models_dir: Path) -> None:
    # Other engines of this process (another test's) may hold threads of the same name: only this one's count.
    others = {t for t in threading.enumerate() if t.name.startswith("ct2-en-de")}
    engine = Engine(models_dir, max_loaded=1)
    try:
        first = (await engine.translate("the bridge is open", [], "en", "de")).text
        assert (await engine.translate("die brücke ist offen", [], "de", "en")).text == "the bridge is open"
        assert engine.loaded_pairs == [("de", "en")]
        _until(lambda: not [t for t in threading.enumerate() if t.name.startswith("ct2-en-de") and t not in others])
        again = await engine.translate("the bridge is open ", [], "en", "de")
        assert again.text.strip() == first == "die brücke ist offen"
        assert engine.loaded_pairs == [("en", "de")]
    finally:
        engine.close()


async def test_cache_hit_returns_identical_output_without_the_model(engine: Engine) -> None:
    first = await engine.translate("The visit is confirmed.", [], "en", "de")
    translated, hits = engine.messages_translated[("en", "de")], engine.cache_hits
    second = await engine.translate("The visit is confirmed.", [], "en", "de")
    assert second == first and second.text == "Der Besuch ist bestätigt."
    assert engine.messages_translated[("en", "de")] == translated and engine.cache_hits == hits + 1


def test_a_finished_message_returns_while_the_burst_goes_on() -> None:
    """The caller whose batch is done gets its result even though later batches are still running."""
    gates = [threading.Event(), threading.Event()]
    started: list[list[list[str]]] = []

    def run(pieces: list[list[str]]) -> list[list[str]]:
        started.append(pieces)
        gates[len(started) - 1].wait(10)
        return [[token.upper() for token in piece] for piece in pieces]

    batcher = Batcher(run, slots=Slots(1), parallel=1)
    results: dict[str, list[list[str]]] = {}

    def call(name: str, pieces: list[list[str]]) -> threading.Thread:
        thread = threading.Thread(target=lambda: results.__setitem__(name, batcher.translate(pieces)))
        thread.start()
        return thread

    first = call("first", [["a"]])
    _until(lambda: len(started) == 1)
    second, third = call("second", [["b"], ["c"]]), call("third", [["d"]])
    _until(lambda: len(batcher._queue) == 2)
    gates[0].set()
    first.join(5)
    assert results == {"first": [["A"]]}, "the first caller must not wait for the batches after its own"
    _until(lambda: len(started) == 2)
    assert started[1] == [["b"], ["c"], ["d"]], "requests that queued up meanwhile share one call"
    gates[1].set()
    second.join(5), third.join(5)
    assert results["second"] == [["B"], ["C"]] and results["third"] == [["D"]]
    batcher.close()


def test_a_burst_is_cut_into_batches_of_the_best_size() -> None:
    gate = threading.Event()
    sizes: list[int] = []

    def run(pieces: list[list[str]]) -> list[list[str]]:
        gate.wait(10)
        sizes.append(len(pieces))
        return pieces

    batcher = Batcher(run, slots=Slots(1), max_pieces=3, parallel=1)
    threads = [threading.Thread(target=batcher.translate, args=([[str(n)]],)) for n in range(8)]
    threads[0].start()
    _until(lambda: not batcher._queue)
    for thread in threads[1:]:
        thread.start()
    _until(lambda: len(batcher._queue) == 7)
    gate.set()
    for thread in threads:
        thread.join(5)
    assert sizes == [1, 3, 3, 1]
    batcher.close()


def test_a_freed_slot_goes_to_the_pair_that_waited_longest() -> None:
    """Two busy pairs share the cores: the pair that just ran a batch must queue behind the other."""
    slots = Slots(1)
    slots.acquire()
    order: list[str] = []

    def pair(name: str) -> threading.Thread:
        def take_turn() -> None:
            slots.acquire()
            order.append(name)
            slots.release()

        thread = threading.Thread(target=take_turn)
        thread.start()
        return thread

    waiting = [pair("fr")]
    _until(lambda: len(slots._waiters) == 1)
    waiting.append(pair("zh"))
    _until(lambda: len(slots._waiters) == 2)
    slots.release()
    slots.acquire()  # the releasing pair asks again at once
    order.append("de")
    slots.release()
    for thread in waiting:
        thread.join(5)
    assert order == ["fr", "zh", "de"]


def _until(condition, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.001)
