"""E-mail partners: who may add, change and remove an e-mail city's addresses, and what a mail read
from the bot's mailbox does (DESIGN.md, "E-mail partners").

An e-mail city is a member of its partnership like a Telegram group (a `Group` with channel "email");
its officers' addresses are invited by a coordinator or chat admin of a member group and receive
nothing but the invitation until a human reply confirms it. A mail counts only when it is a human's
(not an auto-reply, a bounce or list mail) and both the token of its Reply-To plus-address and its
From match one address; anything else is never relayed and never answered (no backscatter).

Exactly once: every mail read is recorded by Message-ID before it acts, and what it does is keyed by
that record (the relayed message by (city, record id), each command line by (city, record id, line)),
so a mail read again after a crash, or a second copy of the same Message-ID, acts once.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from email.utils import parseaddr

from bridgebot.domain import EmailAddress, Group, User
from bridgebot.i18n import Catalogs
from bridgebot.languages import language_name, parse_language
from bridgebot.services.commitments import FILTERS, Change, Commitments
from bridgebot.services.onboarding import Actor, clean_name, member_group, parse_timezone
from bridgebot.services.refusal import Refusal
from bridgebot.services.relay import Incoming, Relay
from bridgebot.services.texts import commitment_announcements, commitment_line
from bridgebot.store.email import EmailStore
from bridgebot.store.repository import CommandAlreadyHandled, Repository

log = logging.getLogger(__name__)

MODES = ("each", "digest")
DEFAULT_DIGEST_MINUTES = 10
MAX_DIGEST_MINUTES = 24 * 60
# Bounces after which an address is "bouncing": nothing more is sent to it, partners are told once.
BOUNCE_LIMIT = 3
# A reply whose first line is one of these stops the address (as does the List-Unsubscribe mailto).
UNSUBSCRIBE_WORDS = frozenset({"unsubscribe", "stop", "abmelden", "退订", "取消订阅", "退訂", "baja", "désabonner"})
# Commands an officer may start a reply with; they run under the same rules as in chat.
MAIL_COMMANDS = ("done", "blocked", "reopen", "due", "commit", "commitments")
# Per mail, how many command lines run (the rest of the reply is relayed as it is).
MAX_COMMAND_LINES = 10
_ADDRESS = re.compile(r"^[^@\s<>()\[\],;:\"]+@[^@\s<>()\[\],;:\"]+\.[^@\s<>()\[\],;:\"]+$")

Announce = Callable[[int, dict[int, str]], Awaitable[None]]
# (address id, kind, payload) rows for the e-mail outbox, queued together.
QueueMails = Callable[[list[tuple[int, str, dict]]], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class MailRead:
    """A mail from the bot's mailbox as the rules need it (the e-mail adapter parses it): what kind of
    mail it is, who sent it, the token its To address carried, and the reply without quotes and signature."""

    message_id: str
    kind: str  # human | auto_reply | bounce | list
    from_address: str
    from_name: str
    token: str | None
    subject: str
    reply_text: str
    bounced_recipients: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Added:
    city: Group
    address: EmailAddress
    new_city: bool


def _address(text: str) -> str:
    address = parseaddr(text)[1].strip().lower()
    if not _ADDRESS.match(address):
        raise Refusal("error-email-bad-address", address=text)
    return address


class EmailPartners:
    def __init__(
        self,
        repo: Repository,
        store: EmailStore,
        catalogs: Catalogs,
        relay: Relay,
        commitments: Commitments,
        new_token: Callable[[], str],
        announce: Announce,
        queue_mails: QueueMails,
    ) -> None:
        self.repo = repo
        self.store = store
        self.catalogs = catalogs
        self.relay = relay
        self.commitments = commitments
        self.new_token = new_token
        self.announce = announce
        self.queue_mails = queue_mails

    # --- chat commands ------------------------------------------------------------------------

    async def _managed_group(self, actor: Actor, chat_id: int) -> Group:
        group = await member_group(self.repo, chat_id)
        if not await self.commitments.is_coordinator(actor, group.partnership_id):
            raise Refusal("error-coordinator-only")
        return group

    async def add(self, actor: Actor, inviter: str, chat_id: int, args: list[str]) -> Added:
        """`/email add <address> <City> <lang> [<tz>]`: invite an officer of an e-mail city (created on
        its first address; a further address of an existing city may omit lang and tz)."""
        group = await self._managed_group(actor, chat_id)
        if len(args) < 2:
            raise Refusal("usage-email-add")
        address = _address(args[0])
        if await self.store.address(address) is not None:
            raise Refusal("error-email-known", address=address)
        city, new_city = await self._city_for(group, args[1:])
        added = await self.store.add_address(
            city.chat_id, address, address.split("@")[0], self.new_token(), actor.user_id
        )
        await self._invite(added, city, group, inviter)
        return Added(city, added, new_city)

    async def _city_for(self, group: Group, args: list[str]) -> tuple[Group, bool]:
        """The e-mail city named by `<City> [<lang> [<tz>]]`, created when new (then lang is needed);
        a city that takes part on Telegram cannot be an e-mail city too."""
        tz_given = len(args) >= 3 and ("/" in args[-1] or args[-1].upper() in ("UTC", "GMT"))
        tz = parse_timezone(args[-1]) if tz_given else "UTC"
        rest = args[:-1] if tz_given else args
        lang = parse_language(rest[-1]) if len(rest) >= 2 else None
        name = clean_name(" ".join(rest[:-1] if lang else rest))
        city = await self.store.city(group.partnership_id, name)
        if city is not None:
            return city, False
        if lang is None:
            raise Refusal("error-email-city-language", city=name)
        members = await self.repo.partnership_groups(group.partnership_id)
        if any(m.city.casefold() == name.casefold() for m in members):
            raise Refusal("error-email-city-in-chat", city=name)
        return await self.store.add_city(group.partnership_id, name, lang, tz), True

    async def _invite(self, address: EmailAddress, city: Group, inviter_group: Group, inviter: str) -> None:
        partnership = await self.repo.partnership(city.partnership_id)
        ui = self.catalogs.ui_language(city.lang)
        cities = ", ".join(m.shown_city for m in await self.repo.partnership_groups(city.partnership_id))
        intro = self.catalogs.t(
            city.lang,
            "email-invitation",
            inviter=inviter,
            inviter_city=inviter_group.city,
            partnership=partnership.name if partnership else "",
            city=city.city,
            cities=cities,
            language=language_name(city.lang, ui),
        )
        subject = self.catalogs.t(
            city.lang, "email-invitation-subject", partnership=partnership.name if partnership else ""
        )
        await self.queue_mails([(address.id, "notice", {"subject": subject, "intro": intro, "invitation": True})])

    async def listing(self, chat_id: int) -> str:
        """`/email`: every e-mail city of the partnership with its addresses, state and mode."""
        group = await member_group(self.repo, chat_id)
        found = await self.store.partnership_addresses(group.partnership_id)
        if not found:
            return self.catalogs.t(group.lang, "email-list-empty")
        lines = [self.catalogs.t(group.lang, "email-list-header")]
        for city, address in found:
            mode = (
                self.catalogs.t(group.lang, "email-mode-each")
                if address.mode == "each"
                else self.catalogs.t(group.lang, "email-mode-digest", minutes=address.digest_minutes)
            )
            state = self.catalogs.t(group.lang, f"email-state-{address.state}")
            lines.append(f"✉ {city.city}: {address.address} — {state}, {mode}")
        return "\n".join(lines)

    async def _partner_address(self, actor: Actor, chat_id: int, text: str) -> tuple[Group, EmailAddress]:
        group = await self._managed_group(actor, chat_id)
        found = await self.store.address(_address(text))
        city = await self.repo.group(found.chat_id) if found else None
        if found is None or city is None or city.partnership_id != group.partnership_id:
            raise Refusal("error-email-unknown", address=text)
        return group, found

    async def remove(self, actor: Actor, chat_id: int, args: list[str]) -> EmailAddress:
        """`/email remove <address>`: stop and forget the address (its city keeps its history)."""
        if len(args) != 1:
            raise Refusal("usage-email-remove")
        _, address = await self._partner_address(actor, chat_id, args[0])
        await self.store.remove_address(address.id)
        return address

    async def mode(self, actor: Actor, chat_id: int, args: list[str]) -> tuple[EmailAddress, str, int]:
        """`/email mode <address> each|digest [<minutes>]`."""
        if len(args) not in (2, 3) or args[1].casefold() not in MODES:
            raise Refusal("usage-email-mode")
        mode = args[1].casefold()
        minutes = DEFAULT_DIGEST_MINUTES
        if len(args) == 3:
            if mode != "digest" or not args[2].isdigit() or not 1 <= int(args[2]) <= MAX_DIGEST_MINUTES:
                raise Refusal("usage-email-mode")
            minutes = int(args[2])
        _, address = await self._partner_address(actor, chat_id, args[0])
        await self.store.set_mode(address.id, mode, minutes)
        return address, mode, minutes

    # --- mails read ---------------------------------------------------------------------------

    async def on_mail(self, uidvalidity: int, uid: int, mail: MailRead, raw: bytes) -> None:
        """One mail read from the mailbox: handled once (the raw mail kept), then its UID is done."""
        inbound = await self.store.claim_inbound(mail.message_id, uidvalidity, uid, mail.from_address, mail.kind, raw)
        outcome = inbound.outcome or await self._handle(mail, inbound.id)
        await self.store.finish_inbound(inbound.id, outcome, uidvalidity, uid)
        log.info("mail %s from %s: %s", mail.message_id, mail.from_address or "-", outcome)

    async def _handle(self, mail: MailRead, inbound_id: int) -> str:
        if mail.kind == "bounce":
            await self._bounced(mail.bounced_recipients)
            return "bounce"
        if mail.kind != "human":
            return f"ignored: {mail.kind}"
        address = await self.store.address_by_token(mail.token) if mail.token else None
        if address is None:
            return "ignored: unknown token"
        if address.address.casefold() != mail.from_address.casefold():
            return "ignored: From does not match the token"
        city = await self.repo.group(address.chat_id)
        if city is None or city.partnership_id is None or address.state == "stopped":
            return "ignored: not in a partnership"
        if _unsubscribes(mail):
            await self.store.set_state(address.id, "stopped")
            await self._tell_partners(city, "email-partner-stopped", address)
            return "unsubscribed"
        if address.state == "invited":
            await self.store.set_state(address.id, "active")
            await self._tell_partners(city, "email-partner-joined", address)
            return "confirmed"
        if address.state == "bouncing":
            await self.store.set_state(address.id, "active")  # a human reply shows the address works again
        commands, text = split_commands(mail.reply_text)
        for index, line in enumerate(commands[:MAX_COMMAND_LINES], start=1):
            await self._command(address, city, inbound_id, index, line)
        if text:
            await self.relay.accept(
                Incoming(
                    chat_id=city.chat_id,
                    message_id=inbound_id,
                    sender_id=address.user_id,
                    sender_name=mail.from_name or address.name,
                    kind="text",
                    text=text,
                )
            )
        return "relayed" if text else "commands"

    async def refused_address(self, address: EmailAddress) -> None:
        """The mail server said the address does not exist: it is bouncing, and partners are told once."""
        if address.state == "active":
            await self.store.set_state(address.id, "bouncing")
            city = await self.repo.group(address.chat_id)
            if city is not None and city.partnership_id is not None:
                await self._tell_partners(city, "email-partner-bouncing", address)

    async def _bounced(self, recipients: tuple[str, ...]) -> None:
        for recipient in recipients:
            address = await self.store.address(recipient)
            if address is not None and await self.store.count_bounce(address.id, BOUNCE_LIMIT):
                city = await self.repo.group(address.chat_id)
                if city is not None and city.partnership_id is not None:
                    await self._tell_partners(city, "email-partner-bouncing", address)

    async def _tell_partners(self, city: Group, key: str, address: EmailAddress) -> None:
        """Every Telegram group of the partnership, in its language (an e-mail city reads it by mail
        only where it concerns someone else)."""
        members = await self.repo.partnership_groups(city.partnership_id)
        texts = {
            m.chat_id: self.catalogs.t(m.lang, key, address=address.address, city=city.shown_city)
            for m in members
            if not m.by_email
        }
        await self.announce(city.partnership_id, texts)

    # --- commands by mail ---------------------------------------------------------------------

    async def _command(self, address: EmailAddress, city: Group, inbound_id: int, index: int, line: str) -> None:
        """One command line, run once (keyed by the mail and the line), answered by mail when it is
        refused or asked for a list; a change is announced everywhere, the e-mail city included."""
        name, _, rest = line[1:].partition(" ")
        name = name.split("@")[0].casefold()
        try:
            async with self.repo.command(city.chat_id, inbound_id * 64 + index):
                answer = await self._run(address, city, name, rest.split())
        except CommandAlreadyHandled:
            return
        except Refusal as refusal:
            answer = self.catalogs.t(city.lang, refusal.key, **refusal.args_)
        if answer:
            subject = self.catalogs.t(city.lang, "email-answer-subject", command=line[:60])
            await self.queue_mails([(address.id, "notice", {"subject": subject, "intro": answer})])

    async def _run(self, address: EmailAddress, city: Group, name: str, args: list[str]) -> str | None:
        actor = Actor(address.user_id, is_bot_admin=False, is_chat_admin=False)
        officer = User(address.user_id, None, address.name or address.address)
        if name == "commit":
            change = await self.commitments.record(actor, city.chat_id, officer, None, " ".join(args))
        elif name == "commitments":
            return await self._listing(city, args[0].casefold() if args else "open")
        elif name in ("done", "blocked", "reopen", "due"):
            change = await self.commitments.change(actor, officer.display_name, city.chat_id, name, args)
        else:
            raise Refusal("error-email-command", command=f"/{name}")
        await self._announce(change)
        return None

    async def _announce(self, change: Change) -> None:
        texts = await commitment_announcements(self.repo, self.catalogs, self.commitments, change)
        await self.announce(change.commitment.partnership_id, texts)

    async def _listing(self, city: Group, which: str) -> str:
        if which not in FILTERS:
            raise Refusal("usage-commitments")
        items = await self.commitments.listing(city.chat_id, which)
        if not items:
            return self.catalogs.t(city.lang, "commitments-empty")
        now = self.commitments.clock()
        lines = [
            commitment_line(self.catalogs, city, c, await self.commitments.text_in(c, city.lang), now) for c in items
        ]
        header = self.catalogs.t(city.lang, "commitments-header", count=len(items), page=1, pages=1)
        return "\n".join([header, *lines])


def split_commands(text: str) -> tuple[list[str], str]:
    """The command lines a reply starts with (blank lines between them allowed), and the rest."""
    lines = text.strip().splitlines()
    commands = []
    while lines:
        line = lines[0].strip()
        if not line:
            lines.pop(0)
            continue
        word = line[1:].split(" ", 1)[0].split("@")[0].casefold() if line.startswith("/") else ""
        if word not in MAIL_COMMANDS:
            break
        commands.append(line)
        lines.pop(0)
    return commands, "\n".join(lines).strip()


def _unsubscribes(mail: MailRead) -> bool:
    first = next((line.strip() for line in mail.reply_text.splitlines() if line.strip()), "")
    words = {first.casefold().strip(".!。！"), mail.subject.strip().casefold()}
    return bool(words & UNSUBSCRIBE_WORDS)
