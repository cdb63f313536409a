"""Offline translation with installed Argos packages.

Argos' own `translate()` sends one sentence batch per call through a single CTranslate2 worker,
measured at ~4.6 messages/s (docs/architecture.md, Measurements). Here the package's own pieces are reused — its
SentencePiece tokenizer, its bundled MiniSBD sentence splitter and its CTranslate2 model — but the
strings of all concurrent messages for a pair are gathered into shared `translate_batch` calls
(`batching.Batcher`), on worker threads so the event loop keeps answering.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import threading
import time
from collections import Counter, OrderedDict
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bridgebot.richtext import Span
from bridgebot.translation.argos import argos, use_models_dir
from bridgebot.translation.batching import Batcher, Slots
from bridgebot.translation.protect import translate_message

log = logging.getLogger(__name__)

PIVOT = "en"
BEAM_SIZE = 4
MAX_DECODING_LENGTH = 256
MAX_INPUT_TOKENS = 120  # below the smallest position table of the models we ship or install
SHORT_TEXT = 300  # characters: below this, a text with no inner sentence end is one sentence
MAX_BATCH = 32  # pieces per CTranslate2 call, each on one worker; bench/bench_engine.py found 32 best on 2 cores
_INNER_SENTENCE_END = re.compile(r"[.!?。！？…]")
# Orchestration threads (protection, splitting, waiting on a batch); CTranslate2 has its own workers.
ORCHESTRATION_THREADS = 128
CACHE_SIZE = 2048
CACHE_SECONDS = 600.0


@dataclass(frozen=True, slots=True)
class Translation:
    text: str
    spans: tuple[Span, ...]
    pivot: bool = False  # went through English because no direct package is installed
    missing: bool = False  # no route at all: `text` is the original


class LoadedPair:
    """One installed package, ready to translate: tokenizer, sentence splitter, CTranslate2 model."""

    def __init__(
        self,
        package: Any,
        translator: Any,
        sentencizer: Any,
        *,
        slots: Slots,
        inter_threads: int,
        max_decoding_length: int,
    ) -> None:
        self.package = package
        self.translator = translator
        self.sentencizer = sentencizer
        self.max_decoding_length = max_decoding_length
        self.batcher = Batcher(
            self._run,
            slots=slots,
            max_pieces=MAX_BATCH,
            parallel=inter_threads,
            name=f"ct2-{package.from_code}-{package.to_code}",
        )

    def _run(self, pieces: list[list[str]]) -> list[list[str]]:
        prefix = self.package.target_prefix
        results = self.translator.translate_batch(
            pieces,
            target_prefix=[[prefix]] * len(pieces) if prefix else None,
            replace_unknowns=True,
            beam_size=BEAM_SIZE,
            length_penalty=0.2,
            max_decoding_length=self.max_decoding_length,
            max_batch_size=MAX_BATCH,  # only a single message longer than a batch is split here
        )
        return [result.hypotheses[0] for result in results]

    def translate_batch(self, texts: Sequence[str]) -> list[str]:
        """Translate many strings, sharing CTranslate2 calls with concurrent callers, as Argos decodes."""
        tokenizer = self.package.tokenizer
        pieces: list[list[str]] = []
        owners: list[int] = []
        for index, text in enumerate(texts):
            for sentence in self._sentences(text):
                tokens = tokenizer.encode(sentence)
                # A "sentence" with no end in sight (5000 characters of one word) would overflow the
                # model's position table; it is translated in consecutive chunks instead.
                for start in range(0, len(tokens), MAX_INPUT_TOKENS):
                    pieces.append(tokens[start : start + MAX_INPUT_TOKENS])
                    owners.append(index)
        tokens: list[list[str]] = [[] for _ in texts]
        if pieces:
            for owner, hypothesis in zip(owners, self.batcher.translate(pieces), strict=True):
                tokens[owner].extend(hypothesis)
        return [self._decode(t) if t else "" for t in tokens]

    def _sentences(self, text: str) -> list[str]:
        """Most chat messages are one sentence: only run the (slow, Python-side) splitter when a
        sentence end appears before the last character."""
        core = text.strip()
        if len(core) <= SHORT_TEXT and not _INNER_SENTENCE_END.search(core[:-1]):
            return [core] if core else []
        return self.sentencizer.split_sentences(text)

    def _decode(self, tokens: list[str]) -> str:
        value = self.package.tokenizer.decode(tokens)
        prefix = self.package.target_prefix
        if prefix and value.startswith(prefix):
            value = value[len(prefix) :]
        return value[1:] if value.startswith(" ") else value


def default_threads() -> tuple[int, int]:
    """inter/intra threads: on 2 cores `inter 2 / intra 1` beat `inter 1 / intra 2` (docs/architecture.md)."""
    cores = os.cpu_count() or 1
    return max(1, cores), 1


class Engine:
    """Translates messages; loads pairs lazily, keeps at most `max_loaded` (least recently used go)."""

    def __init__(
        self,
        models_dir: Path,
        threads: tuple[int, int] | None = None,
        max_loaded: int = 8,
        max_decoding_length: int = MAX_DECODING_LENGTH,
    ) -> None:
        use_models_dir(models_dir)
        self.max_decoding_length = max_decoding_length
        self.inter_threads, self.intra_threads = threads or default_threads()
        self.max_loaded = max_loaded
        self._loaded: OrderedDict[tuple[str, str], LoadedPair] = OrderedDict()
        self._load_lock = threading.Lock()
        self._slots = Slots(self.inter_threads)  # compute threads running at once, over all pairs
        self._packages = {(p.from_code, p.to_code): p for p in argos("package").get_installed_packages()}
        self._executor = ThreadPoolExecutor(max_workers=ORCHESTRATION_THREADS, thread_name_prefix="translate")
        self._cache: OrderedDict[tuple, tuple[float, Translation]] = OrderedDict()
        self.messages_translated: Counter[tuple[str, str]] = Counter()
        self.cache_hits = 0

    @property
    def pairs(self) -> set[tuple[str, str]]:
        return set(self._packages)

    @property
    def loaded_pairs(self) -> list[tuple[str, str]]:
        return list(self._loaded)

    @property
    def model_calls(self) -> int:
        """CTranslate2 calls made by the pairs loaded now, for tests and benchmarks."""
        return sum(pair.batcher.calls for pair in self._loaded.values())

    def route(self, source: str, target: str) -> list[tuple[str, str]] | None:
        """[] for the same language, one hop when a direct package exists, two through English."""
        if source == target:
            return []
        if (source, target) in self._packages:
            return [(source, target)]
        if (source, PIVOT) in self._packages and (PIVOT, target) in self._packages:
            return [(source, PIVOT), (PIVOT, target)]
        return None

    def _pair(self, hop: tuple[str, str]) -> LoadedPair:
        with self._load_lock:
            loaded = self._loaded.get(hop)
            if loaded is None:
                loaded = self._load(self._packages[hop])
                self._loaded[hop] = loaded
                while len(self._loaded) > self.max_loaded:
                    evicted, unloaded = self._loaded.popitem(last=False)
                    unloaded.batcher.close()
                    log.info("unloaded translation model %s->%s (least recently used)", *evicted)
            self._loaded.move_to_end(hop)
            return loaded

    def _load(self, package: Any) -> LoadedPair:
        import ctranslate2

        translator = ctranslate2.Translator(
            str(package.package_path / "model"),
            device="cpu",
            inter_threads=self.inter_threads,
            intra_threads=self.intra_threads,
        )
        sentencizer = argos("sbd").MiniSBDSentencizer(package)
        log.info("loaded translation model %s->%s", package.from_code, package.to_code)
        return LoadedPair(
            package,
            translator,
            sentencizer,
            slots=self._slots,
            inter_threads=self.inter_threads,
            max_decoding_length=self.max_decoding_length,
        )

    def translate_strings(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        """Blocking: run on a worker thread."""
        route = self.route(source, target)
        if route is None:
            raise LookupError(f"no translation model for {source}->{target}")
        out = list(texts)
        for hop in route:
            out = self._pair(hop).translate_batch(out)
        return out

    def warm(self, languages: Sequence[str]) -> None:
        """Load and run every route among `languages` once, so the first relayed message is fast."""
        for source in languages:
            for target in languages:
                route = self.route(source, target)
                if route:
                    self.translate_strings(["hello"], source, target)

    def _cached(self, key: tuple) -> Translation | None:
        entry = self._cache.get(key)
        if entry is None or time.monotonic() - entry[0] > CACHE_SECONDS:
            return None
        self._cache.move_to_end(key)
        self.cache_hits += 1
        return entry[1]

    def _remember(self, key: tuple, result: Translation) -> None:
        self._cache[key] = (time.monotonic(), result)
        self._cache.move_to_end(key)
        while len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)

    async def translate(
        self,
        text: str,
        spans: Sequence[Span],
        source: str,
        target: str,
        glossary: Mapping[str, str] | None = None,
    ) -> Translation:
        route = self.route(source, target)
        if route == []:
            return Translation(text, tuple(spans))
        if route is None:
            return Translation(text, tuple(spans), missing=True)
        # Edits that change nothing, repeated nudges and the same text for several groups hit this.
        key = (text, tuple(spans), source, target, tuple(sorted((glossary or {}).items())))
        cached = self._cached(key)
        if cached is not None:
            return cached

        def work() -> tuple[str, tuple[Span, ...]]:
            return translate_message(text, spans, lambda batch: self.translate_strings(batch, source, target), glossary)

        self.messages_translated[(source, target)] += 1
        loop = asyncio.get_running_loop()
        out_text, out_spans = await loop.run_in_executor(self._executor, work)
        result = Translation(out_text, out_spans, pivot=len(route) == 2)
        self._remember(key, result)
        return result

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
        for pair in self._loaded.values():
            pair.batcher.close()
