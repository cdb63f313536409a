"""The router: decides where an accepted message goes and what each partner group sees.

Adapters (Telegram today, e-mail planned) turn their updates into `Incoming`, and deliver `Rendered`
copies; everything here is channel-neutral rich text (`bridgebot.richtext`): how a channel formats,
measures, limits and splits a message is its adapter's business. Acceptance only writes the message and one delivery row
per target group in one transaction; translation and sending happen in `services.delivery`, so a crash
between the two loses nothing.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass

from bridgebot import metrics
from bridgebot.domain import GlossaryEntry, Group, SourceMessage
from bridgebot.i18n import Catalogs
from bridgebot.languages import language_name
from bridgebot.richtext import RichText, Span, SpanKind
from bridgebot.services.common import Actor
from bridgebot.services.refusal import Refusal
from bridgebot.store.repository import Repository
from bridgebot.translation.detect import detect_language
from bridgebot.translation.engine import Engine, Translation

log = logging.getLogger(__name__)

# Translations just made, kept in memory for the copies still to be rendered: a burst's workers reach
# a message after its batch is done, and would otherwise each read it back from the store.
RECENT_TRANSLATIONS = 1000

ORIGINAL_MODES = ("quote", "full", "none")


@dataclass(frozen=True, slots=True)
class Incoming:
    """A message as any channel adapter hands it to the router."""

    chat_id: int
    message_id: int
    sender_id: int | None
    sender_name: str
    kind: str  # "text", or the kind of media the adapter copies ("photo", "sticker", "poll", ...)
    text: str = ""
    spans: tuple[Span, ...] = ()
    reply_to_message_id: int | None = None
    thread_id: int | None = None
    edit_date: int = 0


@dataclass(frozen=True, slots=True)
class Rendered:
    """What one target group receives: one rich text, and for media the message to copy.

    The adapter decides how many messages that makes (a caption, a text too long for one message),
    always the same way for the same rendering, so that an interrupted delivery resumes part by part.
    """

    kind: str
    text: RichText
    copy_from: tuple[int, int] | None = None  # (chat_id, message_id) of the original media
    reply_to: int | None = None


def _may_unsend(actor: Actor, source: SourceMessage, chat_id: int) -> bool:
    """The author, a bot admin, or a chat admin asking in the group the message was written in."""
    is_author = actor.user_id is not None and actor.user_id == source.sender_id
    return is_author or actor.is_bot_admin or (actor.is_chat_admin and chat_id == source.chat_id)


class Relay:
    def __init__(
        self,
        repo: Repository,
        engine: Engine,
        catalogs: Catalogs,
    ) -> None:
        self.repo = repo
        self.engine = engine
        self.catalogs = catalogs
        # Told the destination of each row queued (the delivery queue subscribes in app.py).
        self.queued: list[Callable[[int], None]] = []
        self._translating: dict[tuple[int, int, str], asyncio.Task[Translation]] = {}
        # (message, revision, language) -> the stored translation, oldest first; a key never changes
        # meaning (an edit is a new revision), so nothing needs invalidating.
        self._recent: dict[tuple[int, int, str], Translation] = {}

    def _queued(self, chat_id: int) -> None:
        for listener in self.queued:
            listener(chat_id)

    async def accept(self, message: Incoming) -> int | None:
        """Queue a new message for every partner group; None if not relayed (or seen before)."""
        group = await self.repo.group(message.chat_id)
        if group is None or group.partnership_id is None:
            return None
        members = await self.repo.partnership_groups(group.partnership_id)
        targets = [m.chat_id for m in members if m.chat_id != group.chat_id and not m.relay_broken]
        lang = detect_language(message.text, sorted({m.lang for m in members}), group.lang)
        topic = await self.repo.topic(group.chat_id, message.thread_id) if message.thread_id else None
        # What the store records and what the router keeps in hand are the same fields: named once.
        fields = {
            "partnership_id": group.partnership_id,
            "chat_id": message.chat_id,
            "message_id": message.message_id,
            "sender_id": message.sender_id,
            "sender_name": message.sender_name,
            "city": group.shown_city,
            "topic": topic,
            "kind": message.kind,
            "lang": lang,
            "text": message.text,
            "reply_to_message_id": message.reply_to_message_id,
        }
        source_id = await self.repo.accept_message(**fields, entities=message.spans, targets=targets)
        if source_id is not None:
            metrics.messages_relayed.inc()
            accepted = SourceMessage(id=source_id, **fields, spans=message.spans, revision=0, deleted=False)
            self._prefetch(accepted, {m.lang for m in members if m.chat_id in targets})
            for target in targets:
                self._queued(target)
        return source_id

    def _prefetch(self, source: SourceMessage, languages: set[str]) -> None:
        """Start translating at once for every target language, so a burst reaches the engine together
        (where it is batched) instead of one message at a time as each group's outbox gets to it.
        `source` is the message just accepted, as stored (a new row is at revision 0): not read back."""
        if not source.text:
            return
        for lang in languages - {source.lang}:
            self._task(source, lang)

    async def edited(self, message: Incoming) -> int | None:
        """An edit of a relayed message: every copy still in the message's partnership gets a fresh
        translation. A group that has left that partnership edits only its own message: its edit
        reaches nobody, and copies in groups that have left are not touched."""
        source = await self.repo.source_for(message.chat_id, message.message_id)
        if source is None or source.chat_id != message.chat_id:
            return None
        group = await self.repo.group(message.chat_id)
        if group is None or group.partnership_id != source.partnership_id:
            return None
        targets = await self.repo.copy_targets(source)
        source_id = await self.repo.apply_edit(
            message.chat_id, message.message_id, message.text, message.spans, message.edit_date, targets
        )
        if source_id is not None:
            for target in targets:
                self._queued(target)
        return source_id

    async def unsend(self, actor: Actor, chat_id: int, message_id: int) -> int:
        """Queue the deletion of every relayed copy of a message in its partnership; returns how many
        groups are affected. The outbox tells the group what was deleted once every one of them is done.

        `message_id` in `chat_id` is the original or a copy. Who may: the author, a bot admin, or a
        chat admin of the group the message was written in. A partner city's admin may not: deleting
        another city's words from every group is that city's decision, and an admin needs no bot to
        remove the copy from their own group. Nothing is done from, or reaches, a group that is no
        longer in the partnership the message was relayed in.
        """
        source = await self.repo.source_for(chat_id, message_id)
        if source is None:
            raise Refusal("error-unsend-unknown")
        here = await self.repo.group(chat_id)
        if here is None or here.partnership_id != source.partnership_id:
            raise Refusal("error-unsend-left")
        if not _may_unsend(actor, source, chat_id):
            if chat_id == source.chat_id:
                raise Refusal("error-unsend-not-yours")
            raise Refusal("error-unsend-other-city", city=source.city)
        if source.deleted:
            raise Refusal("error-unsend-done")
        targets = await self.repo.copy_targets(source)
        await self.repo.unsend(source.id, targets)
        for target in targets:
            self._queued(target)
        return len(targets)

    async def close(self) -> None:
        """Cancel translations still running, before the store closes under them."""
        tasks = list(self._translating.values())
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def add_topic(self, chat_id: int, thread_id: int, name: str) -> None:
        await self.repo.save_topic(chat_id, thread_id, name)

    # --- rendering, called by the outbox at delivery time -----------------------------------

    async def glossary_for(self, partnership_id: int, lang: str) -> dict[str, str]:
        """term -> what it becomes in `lang` (itself unless a translation for `lang` was given)."""
        entries: list[GlossaryEntry] = await self.repo.glossary(partnership_id)
        result: dict[str, str] = {}
        for entry in entries:
            if entry.lang == lang:
                result[entry.term] = entry.translation
            else:
                result.setdefault(entry.term, entry.term)
        return result

    async def translation(self, source: SourceMessage, lang: str) -> Translation:
        """Translate once per (message revision, language), however many groups share the language.
        One still being made (started when the message was accepted) is awaited, and one just made is
        taken from memory, without reading the store: in a burst that is nearly every copy."""
        key = (source.id, source.revision, lang)
        running = self._translating.get(key)
        if running is not None:
            return await asyncio.shield(running)
        if key in self._recent:
            return self._recent[key]
        stored = await self.repo.translation(source.id, source.revision, lang)
        if stored is not None:
            return Translation(stored[0], tuple(stored[1]), pivot=stored[2])
        return await asyncio.shield(self._task(source, lang))

    def _task(self, source: SourceMessage, lang: str) -> asyncio.Task[Translation]:
        key = (source.id, source.revision, lang)
        task = self._translating.get(key)
        if task is None:
            task = asyncio.ensure_future(self._translate(source, lang))
            self._translating[key] = task
            task.add_done_callback(lambda done: self._finished(key, done))
        return task

    def _finished(self, key: tuple[int, int, str], task: asyncio.Task[Translation]) -> None:
        self._translating.pop(key, None)
        if task.cancelled():
            return
        if task.exception() is not None:
            log.error("translation of message %s into %s failed", key[0], key[2], exc_info=task.exception())
        elif not task.result().missing:  # as stored by `_translate`: a missing one is tried again
            if len(self._recent) >= RECENT_TRANSLATIONS:
                del self._recent[next(iter(self._recent))]
            self._recent[key] = task.result()

    async def _translate(self, source: SourceMessage, lang: str) -> Translation:
        glossary = await self.glossary_for(source.partnership_id, lang)
        with metrics.translation_seconds.time():
            result = await self.engine.translate(source.text, source.spans, source.lang, lang, glossary)
        if not result.missing:
            await self.repo.save_translation(source.id, source.revision, lang, result.text, result.spans, result.pivot)
        return result

    async def render(self, source: SourceMessage, target: Group) -> Rendered:
        partnership = await self.repo.partnership(source.partnership_id)
        mode = partnership.original_mode if partnership else "quote"
        header = self._header(source, target)
        text = RichText(header, (Span(SpanKind.BOLD, 0, len(header)),))
        if source.text:
            translation = await self.translation(source, target.lang)
            note = self._note(source, target, translation)
            text = RichText.joined([text, self._body(source, translation, note, mode)], "\n")
        reply_to = await self._reply_target(source, target.chat_id)
        copy_from = None if source.kind == "text" else (source.chat_id, source.message_id)
        return Rendered(source.kind, text, copy_from, reply_to)

    def _header(self, source: SourceMessage, target: Group) -> str:
        where = f"{source.city} › {source.topic}" if source.topic else source.city
        return self.catalogs.t(target.lang, "relay-header", sender=source.sender_name, city=where)

    def _note(self, source: SourceMessage, target: Group, translation: Translation) -> str:
        ui = self.catalogs.ui_language(target.lang)
        if translation.missing:
            return self.catalogs.t(
                target.lang,
                "relay-no-model",
                source=language_name(source.lang, ui),
                target=language_name(target.lang, ui),
            )
        if translation.pivot:
            return self.catalogs.t(target.lang, "relay-pivot", source=language_name(source.lang, ui))
        return ""

    def _body(self, source: SourceMessage, translation: Translation, note: str, mode: str) -> RichText:
        """The translation, a note when it pivoted or failed, and the original as the partnership wants:
        a quote, collapsed ("quote") or open ("full"); a quote inside the original is not kept, as
        quotes do not nest."""
        body = RichText(translation.text, tuple(translation.spans))
        if note:
            body = RichText.joined([body, RichText(note, (Span(SpanKind.ITALIC, 0, len(note)),))], "\n")
        same = translation.text == source.text and not translation.missing
        if mode == "none" or same or translation.missing:
            return body
        quote = Span(SpanKind.QUOTE, 0, len(source.text), expandable=mode == "quote")
        inner = tuple(span for span in source.spans if span.kind != SpanKind.QUOTE)
        return RichText.joined([body, RichText(source.text, (quote, *inner))], "\n")

    async def _reply_target(self, source: SourceMessage, target_chat_id: int) -> int | None:
        """A reply stays a reply: to the original in its own group, else to the copy there."""
        if source.reply_to_message_id is None:
            return None
        replied = await self.repo.source_for(source.chat_id, source.reply_to_message_id)
        if replied is None:
            return None
        if replied.chat_id == target_chat_id:
            return replied.message_id
        ids = await self.repo.copy_ids(replied.id, target_chat_id)
        return ids[0] if ids else None

    async def set_original_mode(self, group: Group, mode: str) -> None:
        if mode not in ORIGINAL_MODES:
            raise Refusal("usage-partnership-original")
        await self.repo.set_original_mode(group.partnership_id, mode)
