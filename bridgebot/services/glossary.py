"""Per-partnership glossary: names and acronyms that translation must not mangle."""

from __future__ import annotations

import re

from bridgebot.domain import GlossaryEntry
from bridgebot.languages import parse_language
from bridgebot.services.onboarding import clean_name
from bridgebot.services.refusal import Refusal
from bridgebot.store.repository import Repository

_LANG_ARG = re.compile(r"^([A-Za-z]{2,3}(?:-[A-Za-z]+)?)=(.*)$")
MAX_TERMS = 500


def parse_add(args: list[str]) -> tuple[str, list[GlossaryEntry]]:
    """`<term words...> [<lang>=<translation words...> ...]`: words before the first `xx=` are the term."""
    term_words: list[str] = []
    translations: list[tuple[str, list[str]]] = []
    for arg in args:
        match = _LANG_ARG.match(arg)
        if match:
            lang = parse_language(match.group(1))
            if lang is None:
                raise Refusal("error-bad-language", lang=match.group(1))
            translations.append((lang, [match.group(2)] if match.group(2) else []))
        elif translations:
            translations[-1][1].append(arg)
        else:
            term_words.append(arg)
    if not term_words:
        raise Refusal("usage-glossary")
    term = clean_name(" ".join(term_words))
    entries = [GlossaryEntry(term, "", term)]
    for lang, words in translations:
        if not words:
            raise Refusal("usage-glossary")
        entries.append(GlossaryEntry(term, lang, clean_name(" ".join(words))))
    return term, entries


class Glossary:
    def __init__(self, repo: Repository) -> None:
        self.repo = repo

    async def add(self, partnership_id: int, args: list[str]) -> tuple[str, list[GlossaryEntry]]:
        term, entries = parse_add(args)
        if len({e.term for e in await self.repo.glossary(partnership_id)} | {term}) > MAX_TERMS:
            raise Refusal("error-glossary-full", max=MAX_TERMS)
        await self.repo.set_glossary_term(partnership_id, term, entries)
        return term, entries

    async def remove(self, partnership_id: int, args: list[str]) -> str:
        if not args:
            raise Refusal("usage-glossary")
        term = " ".join(args)
        if not await self.repo.remove_glossary_term(partnership_id, term):
            raise Refusal("error-glossary-unknown", term=term)
        return term

    async def entries(self, partnership_id: int) -> list[GlossaryEntry]:
        return await self.repo.glossary(partnership_id)
