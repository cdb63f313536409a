"""Offline translation with installed Argos packages.

Argos' own `translate()` sends one sentence batch per call through a single CTranslate2 worker,
which DESIGN.md measured at ~4.6 messages/s. Here the package's own pieces are reused — its
SentencePiece tokenizer, its bundled MiniSBD sentence splitter and its CTranslate2 model — but every
string of a message (lines, segments between protected tokens) goes to CTranslate2 in one
`translate_batch` call, on a worker thread so the event loop keeps answering.
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
from collections import Counter
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bridgebot.textmodel import Entity
from bridgebot.translation.argos import argos, use_models_dir
from bridgebot.translation.protect import translate_message

log = logging.getLogger(__name__)

PIVOT = "en"
BEAM_SIZE = 4
MAX_DECODING_LENGTH = 256


@dataclass(frozen=True, slots=True)
class Translation:
    text: str
    entities: list[Entity]
    pivot: bool = False  # went through English because no direct package is installed
    missing: bool = False  # no route at all: `text` is the original


@dataclass
class LoadedPair:
    """One installed package, ready to translate: tokenizer, sentence splitter, CTranslate2 model."""

    package: Any
    translator: Any
    sentencizer: Any

    def translate_batch(self, texts: Sequence[str]) -> list[str]:
        """Translate many strings in one CTranslate2 call, exactly as Argos decodes one."""
        tokenizer = self.package.tokenizer
        pieces: list[list[str]] = []
        owners: list[int] = []
        for index, text in enumerate(texts):
            for sentence in self.sentencizer.split_sentences(text):
                pieces.append(tokenizer.encode(sentence))
                owners.append(index)
        if not pieces:
            return ["" for _ in texts]
        prefix = self.package.target_prefix
        results = self.translator.translate_batch(
            pieces,
            target_prefix=[[prefix]] * len(pieces) if prefix else None,
            replace_unknowns=True,
            beam_size=BEAM_SIZE,
            length_penalty=0.2,
            max_decoding_length=MAX_DECODING_LENGTH,
            max_batch_size=64,
        )
        tokens: list[list[str]] = [[] for _ in texts]
        for owner, result in zip(owners, results, strict=True):
            tokens[owner].extend(result.hypotheses[0])
        return [self._decode(t) for t in tokens]

    def _decode(self, tokens: list[str]) -> str:
        value = self.package.tokenizer.decode(tokens)
        prefix = self.package.target_prefix
        if prefix and value.startswith(prefix):
            value = value[len(prefix) :]
        return value[1:] if value.startswith(" ") else value


def default_threads() -> tuple[int, int]:
    """inter/intra threads: on 2 cores `inter 2 / intra 1` beat `inter 1 / intra 2` (DESIGN.md)."""
    cores = os.cpu_count() or 1
    return max(1, cores), 1


class Engine:
    def __init__(self, models_dir: Path, threads: tuple[int, int] | None = None) -> None:
        use_models_dir(models_dir)
        self.inter_threads, self.intra_threads = threads or default_threads()
        self._loaded: dict[tuple[str, str], LoadedPair] = {}
        self._load_lock = threading.Lock()
        self._packages = {(p.from_code, p.to_code): p for p in argos("package").get_installed_packages()}
        self._executor = ThreadPoolExecutor(max_workers=self.inter_threads, thread_name_prefix="translate")
        self.messages_translated: Counter[tuple[str, str]] = Counter()

    @property
    def pairs(self) -> set[tuple[str, str]]:
        return set(self._packages)

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
        return LoadedPair(package, translator, sentencizer)

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

    async def translate(
        self,
        text: str,
        entities: Sequence[Entity],
        source: str,
        target: str,
        glossary: Mapping[str, str] | None = None,
    ) -> Translation:
        route = self.route(source, target)
        if route == []:
            return Translation(text, list(entities))
        if route is None:
            return Translation(text, list(entities), missing=True)

        def work() -> tuple[str, list[Entity]]:
            return translate_message(
                text, entities, lambda batch: self.translate_strings(batch, source, target), glossary
            )

        self.messages_translated[(source, target)] += 1
        loop = asyncio.get_running_loop()
        out_text, out_entities = await loop.run_in_executor(self._executor, work)
        return Translation(out_text, out_entities, pivot=len(route) == 2)

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
