"""The translation engine under load: shared batches, bounded memory, a cache, a free event loop."""

from __future__ import annotations

import asyncio
import json
import random
import time
from pathlib import Path

import pytest

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
    calls = sum(pair.batcher.calls for pair in engine._loaded.values())
    assert calls < len(jobs), "concurrent messages should share CTranslate2 calls"


async def test_a_lone_message_does_not_wait_for_a_batch(engine: Engine) -> None:
    await engine.translate("good morning", [], "en", "de")
    started = time.perf_counter()
    result = await engine.translate("see you tomorrow", [], "en", "de")
    assert result.text == "bis morgen"
    assert time.perf_counter() - started < 1.0


async def test_event_loop_keeps_answering_while_a_large_batch_runs(engine: Engine) -> None:
    big = " ".join(["The report is ready."] * 400)
    work = asyncio.create_task(engine.translate(big, [], "en", "de"))
    worst = 0.0
    while not work.done():
        before = time.perf_counter()
        await asyncio.sleep(0.005)
        worst = max(worst, time.perf_counter() - before)
    assert (await work).text.count("Der Bericht ist fertig.") == 400
    assert worst < 0.2


async def test_least_recently_used_pairs_unload_and_reload_identically(models_dir: Path) -> None:
    engine = Engine(models_dir, max_loaded=1)
    try:
        first = (await engine.translate("the bridge is open", [], "en", "de")).text
        assert (await engine.translate("die brücke ist offen", [], "de", "en")).text == "the bridge is open"
        assert engine.loaded_pairs == [("de", "en")]
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
