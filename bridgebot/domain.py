"""Plain records shared by the store, the services and the handlers (no Telegram, no SQL)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from bridgebot.richtext import Span


@dataclass(frozen=True, slots=True)
class User:
    id: int
    username: str | None
    first_name: str
    last_name: str | None = None

    @property
    def display_name(self) -> str:
        name = " ".join(part for part in (self.first_name, self.last_name) if part)
        return name or (f"@{self.username}" if self.username else str(self.id))

    @property
    def handle(self) -> str:
        """How the bot names someone in a reply: the @username when there is one."""
        return f"{self.display_name} (@{self.username})" if self.username else self.display_name


@dataclass(frozen=True, slots=True)
class Group:
    chat_id: int
    title: str
    city: str
    lang: str
    tz: str
    focal_user_id: int | None
    partnership_id: int | None
    relay_broken: str | None = None  # why the relay stopped delivering here, if it did
    channel: str = "telegram"  # or "email": a city whose officers take part by e-mail

    @property
    def by_email(self) -> bool:
        return self.channel == "email"

    @property
    def shown_city(self) -> str:
        """The city as partners see it: an e-mail city is marked ✉."""
        return f"{self.city} ✉" if self.by_email else self.city


# E-mail cities and their officers get chat and user ids from 2^53 on: Telegram's ids have at most 52
# significant bits, so the two never meet, and everything keyed by chat or user id works for both.
EMAIL_ID_BASE = 2**53


@dataclass(frozen=True, slots=True)
class EmailAddress:
    """One officer of an e-mail city: what they receive, and whether they confirmed."""

    id: int
    chat_id: int  # the e-mail city (a `Group` with channel "email")
    address: str
    name: str
    token: str
    state: str  # invited | active | bouncing | stopped
    mode: str  # each | digest
    digest_minutes: int
    bounces: int
    invited_by: int | None

    @property
    def user_id(self) -> int:
        """The officer as a user of the partnership (owner of commitments)."""
        return EMAIL_ID_BASE + self.id


@dataclass(frozen=True, slots=True)
class Partnership:
    id: int
    name: str
    original_mode: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class JoinCode:
    partnership_id: int
    expires_at: datetime
    used_at: datetime | None


@dataclass(frozen=True, slots=True)
class SourceMessage:
    """A message accepted for relaying, as stored: the router's own type, not Telegram's."""

    id: int
    partnership_id: int
    chat_id: int
    message_id: int
    sender_id: int | None
    sender_name: str
    city: str
    topic: str | None
    kind: str
    lang: str
    text: str
    spans: tuple[Span, ...]
    reply_to_message_id: int | None
    revision: int
    deleted: bool


class DeliveryKind(StrEnum):
    """What a row of the delivery queue carries to its destination."""

    COPY = "copy"  # a relayed message, rendered (and translated) when delivered
    EDIT = "edit"  # an edited source message: its copy is rewritten
    DELETE = "delete"  # an unsent source message: its copy is deleted
    ANNOUNCE = "announce"  # the bot's own words, composed when queued
    NUDGE = "nudge"  # a fired nudge, composed when it fired

    @property
    def relayed(self) -> bool:
        """Rows about a source message (rendered at delivery) rather than carrying their own text."""
        return self in (DeliveryKind.COPY, DeliveryKind.EDIT, DeliveryKind.DELETE)


class DeliveryState(StrEnum):
    PENDING = "pending"
    DONE = "done"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class DeliveryRow:
    """One row of the delivery queue (see `services/delivery.py`)."""

    id: int
    kind: DeliveryKind
    source_id: int | None
    target_chat_id: int
    attempts: int
    partnership_id: int | None = None
    payload: str | None = None  # announce/nudge: the composed text as JSON
    sent: tuple[int, ...] = ()  # announce/nudge: message ids of the parts already sent


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    term: str
    lang: str  # '' means the term stays verbatim in every language
    translation: str


class CommitmentStatus(StrEnum):
    """Values are the strings stored in `commitments.status`."""

    OPEN = "open"
    DONE = "done"
    BLOCKED = "blocked"


class FollowupTarget(StrEnum):
    """Whom a follow-up nudges; stored in `followups.target`."""

    COMMITMENT = "commitment"
    USER = "user"
    ALL = "all"


class FollowupStatus(StrEnum):
    ACTIVE = "active"
    FINISHED = "finished"
    CANCELLED = "cancelled"


class NudgeKind(StrEnum):
    """What a nudge row is; stored in `nudges.kind`."""

    FOLLOWUP = "followup"  # one a coordinator scheduled
    REMINDER = "reminder"  # before a commitment's due date
    OVERDUE = "overdue"  # at a commitment's due date
    DIGEST = "digest"  # the weekly list of open commitments
    DORMANCY = "dormancy"  # the partnership has been quiet for a while
    NOTICE = "notice"  # an announcement queued before migration 0008; now sent by the delivery queue


# The nudges the planner makes itself (the others are typed by coordinators).
AUTOMATIC_NUDGES = (NudgeKind.REMINDER, NudgeKind.OVERDUE, NudgeKind.DIGEST, NudgeKind.DORMANCY)


@dataclass(frozen=True, slots=True)
class Commitment:
    id: int
    partnership_id: int
    number: int
    owner_id: int | None
    owner_name: str
    city: str
    chat_id: int
    text: str
    lang: str
    due_at: datetime | None
    status: CommitmentStatus
    blocked_reason: str | None
    created_at: datetime
    done_at: datetime | None

    def overdue(self, now: datetime) -> bool:
        return self.status != CommitmentStatus.DONE and self.due_at is not None and self.due_at < now


@dataclass(frozen=True, slots=True)
class Followup:
    """A nudge a coordinator scheduled: about a commitment, a person or everyone; once or recurring."""

    id: int
    partnership_id: int
    number: int  # shown as F<number>
    target: FollowupTarget
    commitment_id: int | None
    user_id: int | None
    user_name: str | None
    note: str
    note_lang: str
    at: datetime | None  # a one-off moment
    rule: str | None  # a recurrence (schedule.Rule as JSON)
    status: FollowupStatus
    chat_id: int
    created_at: datetime
    commitment_number: int | None = None  # the #number of `commitment_id`


@dataclass(frozen=True, slots=True)
class Occurrence:
    """Which moment of what a nudge stands for; one row per group and occurrence, so planning twice
    stores nothing twice. Stored as the text `<subject>@<moment>` (`to_key`), read back by `from_key`.

    `subject` is `F<followup id>`, `C<commitment id>`, `digest` or `quiet`; `moment` is an ISO date or
    time: the follow-up's local day (or its one-off moment), the commitment's due date, the digest's
    local day, or the last activity a dormancy alert is about.
    """

    subject: str
    moment: str

    @classmethod
    def followup(cls, followup_id: int, moment: date | datetime) -> Occurrence:
        return cls(f"F{followup_id}", moment.isoformat())

    @classmethod
    def due_date(cls, commitment_id: int, due_at: datetime) -> Occurrence:
        """The reminder and the overdue notice of one due date: a moved due date is a new occurrence."""
        return cls(f"C{commitment_id}", due_at.isoformat())

    @classmethod
    def digest(cls, day: date) -> Occurrence:
        return cls("digest", day.isoformat())

    @classmethod
    def quiet(cls, last_activity: datetime) -> Occurrence:
        """The silence since `last_activity`; anyone speaking ends it, and the alert with it."""
        return cls("quiet", last_activity.isoformat())

    def to_key(self) -> str:
        return f"{self.subject}@{self.moment}"

    @classmethod
    def from_key(cls, key: str) -> Occurrence:
        subject, _, moment = key.partition("@")
        return cls(subject, moment)


@dataclass(frozen=True, slots=True)
class Nudge:
    """One nudge to one group at one moment; `occurrence` makes planning it twice impossible."""

    id: int
    partnership_id: int
    kind: NudgeKind
    followup_id: int | None
    commitment_id: int | None
    chat_id: int
    occurrence: Occurrence
    due_at: datetime
    attempts: int = 0


@dataclass(frozen=True, slots=True)
class PlannedNudge:
    """A nudge to store if it is not stored yet."""

    kind: NudgeKind
    chat_id: int
    occurrence: Occurrence
    due_at: datetime
    followup_id: int | None = None
    commitment_id: int | None = None


@dataclass(frozen=True, slots=True)
class FollowupSettings:
    """A partnership's automatic nudges; working hours hold them back, typed follow-ups are not."""

    reminder_hours: int = 48  # 0: no reminder before a due date
    overdue_notice: bool = True
    digest_day: int | None = 0  # Monday; None: no weekly digest
    digest_time: str = "09:00"
    dormancy_days: int = 21  # 0: no alert
    hours_start: str = "08:00"
    hours_end: str = "20:00"
    work_days: str = "0,1,2,3,4"  # Monday = 0


@dataclass(frozen=True, slots=True)
class CityActivity:
    """One city's figures for /report."""

    chat_id: int
    city: str
    messages: int
    last_activity: datetime | None
