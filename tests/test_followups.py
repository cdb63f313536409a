"""Follow-ups: nudges in every partner's language and local time, that neither get lost nor repeat.

Time is a controllable clock given to the real bot; a test moves it and asks the scheduler to send
what is due, so nothing here sleeps for minutes.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
import struct
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bridgebot import metrics
from bridgebot.cli import main
from bridgebot.localapi import LocalBotApi
from tests.conftest import City, RunningBot, Scenario

START = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)  # Monday 10:00 in Hamburg, 09:00 in Leeds


class Clock:
    """The bot's "now", moved by the test."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock(START)


async def fire(bot: RunningBot, clock: Clock, to: datetime | None = None) -> int:
    """Move time to `to` (if given), fire what is due and wait until the delivery queue has sent it;
    returns how many nudges fired.

    The bot's own scheduler runs too and may be the one that fires: count in the database.
    """
    sent = "nudges WHERE state = 'sent'"
    before = rows(bot, sent)
    if to is not None:
        clock.now = to
    await bot.services.followups.run_due()
    await bot.services.outbox.idle()
    return rows(bot, sent) - before


def nudges(bot: RunningBot, where: str = "1 = 1") -> list[sqlite3.Row]:
    with sqlite3.connect(bot.settings.db_path) as db:
        db.row_factory = sqlite3.Row
        return db.execute(f"SELECT * FROM nudges WHERE {where} ORDER BY due_at, chat_id").fetchall()


def rows(bot: RunningBot, table: str) -> int:
    with sqlite3.connect(bot.settings.db_path) as db:
        return db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def texts_since(api: LocalBotApi, city: City, start: int) -> list[str]:
    return [m.get("text") or m.get("caption") or "" for m in api.sent(city.id)[start:]]


async def commit(
    api: LocalBotApi, story: Scenario, city: City, user: dict, text: str, *others: City, mark: str = "📌"
) -> None:
    """Post a commitment command and wait until every group has its announcement (starting with `mark`)."""

    def announcements() -> list[int]:
        return [sum(t.startswith(mark) for t in texts_since(api, c, 0)) for c in (city, *others)]

    before = announcements()
    api.send_text(city.id, user, text)
    await api.wait_for(lambda: all(now > then for now, then in zip(announcements(), before, strict=True)))


@pytest.fixture
def anna(api: LocalBotApi) -> dict:
    return api.add_user("Anna", username="anna_hh")


async def test_followup_on_a_commitment_reaches_each_group_in_its_language_and_mentions_the_owner(
    api: LocalBotApi, bot: RunningBot, story: Scenario, pair: tuple[City, City], clock: Clock, anna: dict
) -> None:
    hamburg, leeds = pair
    await commit(api, story, hamburg, anna, "/commit wir schicken das budget bis 2026-12-04", leeds)
    reply = (await story.say(hamburg, hamburg.admin, "/followup #1 morgen 10:00 bitte lesen"))[0]
    assert "F1" in reply and "#1" in reply
    assert "Hamburg:" in reply and "Leeds:" in reply and "09:00" in reply  # Leeds' local time for 10:00 Berlin
    before = {c.id: len(api.sent(c.id)) for c in pair}
    counted = metrics.nudges_sent.value(kind="followup")

    assert await fire(bot, clock, datetime(2026, 11, 24, 8, 59, tzinfo=UTC)) == 0
    assert await fire(bot, clock, datetime(2026, 11, 24, 9, 0, tzinfo=UTC)) == 2
    assert metrics.nudges_sent.value(kind="followup") == counted + 2

    (in_hamburg,) = api.sent(hamburg.id)[before[hamburg.id] :]
    (in_leeds,) = api.sent(leeds.id)[before[leeds.id] :]
    assert in_hamburg["text"].startswith("⏰ Wiedervorlage zu #1: @anna_hh (Hamburg) — wir schicken das budget")
    assert "bitte lesen" in in_hamburg["text"]
    assert in_leeds["text"].startswith("⏰ Follow-up on #1: @anna_hh (Hamburg) — we will send the budget")
    assert "please read" in in_leeds["text"]  # the note, machine translated once for English
    for sent in (in_hamburg, in_leeds):
        (mention,) = [e for e in sent.get("entities", []) if e["type"] == "mention"]
        assert sent["text"][mention["offset"] : mention["offset"] + mention["length"]] == "@anna_hh"
    assert await fire(bot, clock) == 0  # sent once
    assert [row["state"] for row in nudges(bot, "kind = 'followup'")] == ["sent", "sent"]


async def test_a_nudge_mentions_an_owner_without_username_where_they_are_a_member(
    api: LocalBotApi, bot: RunningBot, story: Scenario, pair: tuple[City, City], clock: Clock
) -> None:
    """The follow-up service asks for a mention of a person; the Telegram adapter makes it a
    text_mention of that user in the group they are in, and elsewhere the name stays plain text."""
    hamburg, leeds = pair
    bernd = api.add_user("Bernd")
    await commit(api, story, hamburg, bernd, "/commit wir schicken das budget bis 2026-12-04", leeds)
    await story.say(hamburg, hamburg.admin, "/followup #1 morgen 10:00")
    before = {c.id: len(api.sent(c.id)) for c in pair}
    assert await fire(bot, clock, datetime(2026, 11, 24, 9, 0, tzinfo=UTC)) == 2
    (in_hamburg,) = api.sent(hamburg.id)[before[hamburg.id] :]
    (in_leeds,) = api.sent(leeds.id)[before[leeds.id] :]
    (mention,) = [e for e in in_hamburg.get("entities", []) if e["type"] == "text_mention"]
    assert mention["user"]["id"] == bernd["id"]
    assert in_hamburg["text"][mention["offset"] : mention["offset"] + mention["length"]] == "Bernd"
    assert "Bernd" in in_leeds["text"] and not in_leeds.get("entities")


async def test_recurring_followup_is_local_to_each_partner_across_dst_changes(
    api: LocalBotApi, bot: RunningBot, story: Scenario, clock: Clock
) -> None:
    """Europe and North America change clocks on different Sundays (2027-03-14 and 2027-03-28)."""
    clock.now = datetime(2027, 3, 5, 12, 0, tzinfo=UTC)
    hamburg, boston = story.city("Hamburg", "de"), story.city("Boston", "en")
    await story.setup(hamburg)
    await story.setup(boston, "America/New_York")
    await story.partnership("Hamburg–Boston", hamburg, boston)
    reply = (await story.say(boston, boston.admin, "/followup all every monday 09:00 status round"))[0]
    assert "every Monday at 09:00" in reply

    sent_at: dict[int, list[datetime]] = {hamburg.id: [], boston.id: []}
    for _ in range(10):  # five Mondays, Hamburg's nudge and Boston's
        upcoming = min(
            datetime.fromisoformat(row["due_at"]) for row in nudges(bot, "state = 'pending' AND kind = 'followup'")
        )
        assert await fire(bot, clock, upcoming) >= 1
        for row in nudges(bot, f"state = 'sent' AND due_at = '{upcoming.isoformat()}'"):
            sent_at[row["chat_id"]].append(upcoming)
    for city, zone in ((hamburg, "Europe/Berlin"), (boston, "America/New_York")):
        local = [moment.astimezone(ZoneInfo(zone)) for moment in sent_at[city.id]]
        assert len(local) >= 4
        assert all(moment.strftime("%a %H:%M") == "Mon 09:00" for moment in local), local
        assert len({moment.date() for moment in local}) == len(local)  # one nudge per Monday
    utc_hours = {m.strftime("%m-%d %H:%M") for m in sent_at[boston.id]}
    assert {"03-08 14:00", "03-15 13:00"} <= utc_hours  # EST, then EDT
    utc_hours = {m.strftime("%m-%d %H:%M") for m in sent_at[hamburg.id]}
    assert {"03-22 08:00", "03-29 07:00"} <= utc_hours  # CET, then CEST
    assert texts_since(api, boston, 0)[-1].startswith("⏰ Follow-up for everyone in “Hamburg–Boston”")
    assert texts_since(api, hamburg, 0)[-1].startswith("⏰ Wiedervorlage an alle in „Hamburg–Boston“")


async def test_typed_time_is_honoured_everywhere_and_warns_outside_working_hours(
    api: LocalBotApi, bot: RunningBot, story: Scenario, pair: tuple[City, City], clock: Clock
) -> None:
    _, leeds = pair
    reply = (await story.say(leeds, leeds.admin, "/followup all tomorrow 06:30 early call"))[0]
    assert "Hamburg: " in reply and "07:30" in reply and "06:30" in reply
    assert reply.count("outside working hours") == 2
    (row_hh, row_leeds) = nudges(bot, "kind = 'followup'")
    assert row_hh["due_at"] == row_leeds["due_at"] == "2026-11-24T06:30:00+00:00"  # not held back


async def test_automatic_reminder_waits_for_working_hours_in_each_city(
    api: LocalBotApi, bot: RunningBot, story: Scenario, pair: tuple[City, City], clock: Clock, anna: dict
) -> None:
    hamburg, leeds = pair
    # Due Monday 2026-11-30 at 09:00 in Hamburg: 48 hours before is Saturday morning.
    await commit(api, story, hamburg, anna, "/commit wir schicken das budget bis 2026-11-30 09:00", leeds)
    reminders = {row["chat_id"]: row["due_at"] for row in nudges(bot, "kind = 'reminder'")}
    assert reminders[hamburg.id] == "2026-11-30T07:00:00+00:00"  # Monday 08:00 Berlin
    assert reminders[leeds.id] == "2026-11-30T08:00:00+00:00"  # Monday 08:00 London
    overdue = {row["chat_id"]: row["due_at"] for row in nudges(bot, "kind = 'overdue'")}
    assert overdue[hamburg.id] == "2026-11-30T08:00:00+00:00"  # at the due moment, inside working hours
    assert overdue[leeds.id] == "2026-11-30T08:00:00+00:00"

    start = {c.id: len(api.sent(c.id)) for c in pair}
    await fire(bot, clock, datetime(2026, 11, 30, 7, 0, tzinfo=UTC))
    assert texts_since(api, hamburg, start[hamburg.id])[0].startswith("⏳ Erinnerung: #1 ist am ")
    assert texts_since(api, leeds, start[leeds.id]) == []
    await fire(bot, clock, datetime(2026, 11, 30, 8, 0, tzinfo=UTC))
    leeds_texts = texts_since(api, leeds, start[leeds.id])
    assert leeds_texts[0].startswith("⏳ Reminder: #1 is due")
    assert leeds_texts[1].startswith("⚠️ #1 has been overdue since")


async def test_restart_between_scheduling_and_firing_sends_once(
    api: LocalBotApi, bot: RunningBot, story: Scenario, pair: tuple[City, City], clock: Clock
) -> None:
    _, leeds = pair
    await story.say(leeds, leeds.admin, "/followup all in 2h")
    await bot.restart()
    start = {c.id: len(api.sent(c.id)) for c in pair}
    clock.advance(hours=2)
    await bot.services.followups.run_due()
    await bot.restart()
    assert await fire(bot, clock) == 0
    for city in pair:
        (text,) = texts_since(api, city, start[city.id])
        assert "late" not in text and "Verspätet" not in text
    assert rows(bot, "nudges WHERE kind = 'followup' AND state = 'sent'") == 2


async def test_a_nudge_due_while_the_bot_was_down_is_sent_once_at_start_marked_late(
    api: LocalBotApi, bot: RunningBot, story: Scenario, pair: tuple[City, City], clock: Clock
) -> None:
    hamburg, leeds = pair
    await story.say(hamburg, hamburg.admin, "/followup all morgen 10:00 bitte lesen")
    await bot.stop()
    start = {c.id: len(api.sent(c.id)) for c in pair}
    clock.now = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)  # a day and a half later
    await bot.start()  # the scheduler sends what it missed on its own, without a nudge from the test
    await api.wait_sent(leeds.id, start[leeds.id] + 1)
    await api.wait_sent(hamburg.id, start[hamburg.id] + 1)
    (in_leeds,) = texts_since(api, leeds, start[leeds.id])
    assert "Sent late: it was planned for" in in_leeds and "09:00" in in_leeds and "please read" in in_leeds
    (in_hamburg,) = texts_since(api, hamburg, start[hamburg.id])
    assert "Verspätet gesendet" in in_hamburg
    await bot.restart()
    assert await fire(bot, clock) == 0
    assert [row["late"] for row in nudges(bot, "kind = 'followup'")] == [1, 1]


async def test_cancel_and_done_stop_pending_nudges(
    api: LocalBotApi, bot: RunningBot, story: Scenario, pair: tuple[City, City], clock: Clock, anna: dict
) -> None:
    hamburg, leeds = pair
    await commit(api, story, hamburg, anna, "/commit wir schicken das budget bis 2026-12-04", leeds)
    await story.say(hamburg, hamburg.admin, "/followup #1 every day 10:00")
    await story.say(hamburg, hamburg.admin, "/followup all in 3d")
    listing = (await story.say(leeds, leeds.admin, "/followups"))[0]
    assert "F1 · commitment #1 · every day at 10:00" in listing and "F2 · everyone" in listing
    assert "Hamburg " in listing and "Leeds " in listing

    assert "F2 cancelled" in (await story.say(leeds, leeds.admin, "/followup cancel F2"))[0]
    assert "no scheduled follow-up F2" in (await story.say(leeds, leeds.admin, "/followup cancel 2"))[0]
    await commit(api, story, hamburg, anna, "/done 1", leeds, mark="✅")
    assert nudges(bot, "state = 'pending' AND kind IN ('followup', 'reminder', 'overdue')") == []
    start = {c.id: len(api.sent(c.id)) for c in pair}
    assert await fire(bot, clock, datetime(2026, 11, 28, 10, 0, tzinfo=UTC)) == 0
    assert all(texts_since(api, c, start[c.id]) == [] for c in pair)
    assert "No follow-ups scheduled" in (await story.say(leeds, leeds.admin, "/followups"))[0]


async def test_weekly_digest_and_dormancy_alert(
    api: LocalBotApi, bot: RunningBot, story: Scenario, pair: tuple[City, City], clock: Clock, anna: dict
) -> None:
    hamburg, leeds = pair
    await commit(api, story, hamburg, anna, "/commit wir schicken das budget bis 2026-12-04", leeds)
    start = {c.id: len(api.sent(c.id)) for c in pair}
    # Next Monday 09:00 local: the digest lists what is open.
    await fire(bot, clock, datetime(2026, 11, 30, 9, 0, tzinfo=UTC))
    (digest,) = [t for t in texts_since(api, leeds, start[leeds.id]) if t.startswith("📋")]
    assert digest.startswith("📋 Weekly digest of “Hamburg–Leeds”: 1 open, 0 overdue\n\n#1 · Anna (Hamburg) · ")
    assert "we will send the budget" in digest
    assert any(t.startswith("📋 Wochenübersicht") for t in texts_since(api, hamburg, start[hamburg.id]))
    await story.say(leeds, leeds.admin, "/followup settings digest off")
    hamburg_pid = (await bot.services.repo.group(hamburg.id)).partnership_id

    # Nobody writes for three weeks after the commitment (made at START).
    await bot.services.followups.plan(hamburg_pid)
    quiet = nudges(bot, "kind = 'dormancy' AND state = 'pending'")
    assert {row["due_at"] for row in quiet} == {(START + timedelta(days=21)).isoformat()}  # Monday, working hours
    start = {c.id: len(api.sent(c.id)) for c in pair}
    await fire(bot, clock, START + timedelta(days=21))
    (alert,) = [t for t in texts_since(api, leeds, start[leeds.id]) if t.startswith("💤")]
    assert alert.startswith("💤 “Hamburg–Leeds” has been quiet for 21 days")
    assert await fire(bot, clock, START + timedelta(days=30)) == 0  # once per silence

    # Someone speaks: the next silence is measured from then.
    await story.say(leeds, leeds.admin, "hello", replies=0)
    await api.wait_sent(hamburg.id, len(api.sent(hamburg.id)) + 1)
    await bot.services.followups.plan(hamburg_pid)
    (upcoming,) = {row["due_at"] for row in nudges(bot, "kind = 'dormancy' AND state = 'pending'")}
    assert datetime.fromisoformat(upcoming) >= clock.now + timedelta(days=21)


async def test_followup_settings_change_the_automatic_nudges(
    api: LocalBotApi, bot: RunningBot, story: Scenario, pair: tuple[City, City], clock: Clock, anna: dict
) -> None:
    hamburg, leeds = pair
    shown = (await story.say(leeds, leeds.admin, "/followup settings"))[0]
    assert "reminder before a due date: 48 hours" in shown and "weekly digest: every Monday at 09:00" in shown
    assert "working hours: 08:00–20:00, Mon, Tue, Wed, Thu, Fri" in shown
    saved = (await story.say(leeds, leeds.admin, "/followup settings reminder 3d"))[0]
    assert saved.startswith("✅ Saved.") and "72 hours" in saved
    assert "does not work for hours" in (await story.say(leeds, leeds.admin, "/followup settings hours 21:00-09:00"))[0]
    assert "There is no setting" in (await story.say(leeds, leeds.admin, "/followup settings colour blue"))[0]
    assert "off" in (await story.say(leeds, leeds.admin, "/followup settings digest off"))[0]
    officer = api.add_user("Olga")
    assert "Only a coordinator" in (await story.say(leeds, officer, "/followup settings digest off"))[0]
    await commit(api, story, hamburg, anna, "/commit wir schicken das budget bis 2026-12-04 12:00", leeds)
    reminders = {row["due_at"] for row in nudges(bot, "kind = 'reminder'")}
    assert reminders == {"2026-12-01T11:00:00+00:00"}  # 72 hours before, a Tuesday, inside working hours
    assert nudges(bot, "kind = 'digest' AND state = 'pending'") == []


async def test_bad_when_and_permissions_store_nothing(
    api: LocalBotApi, bot: RunningBot, story: Scenario, pair: tuple[City, City], clock: Clock, anna: dict
) -> None:
    hamburg, leeds = pair
    await commit(api, story, hamburg, anna, "/commit wir schicken das budget bis 2026-12-04", leeds)
    officer = api.add_user("Olga", username="olga_leeds")
    refusals = [
        (leeds.admin, "/followup #1 banana", "could not read the time"),
        (leeds.admin, "/followup #1 yesterday", "in the past"),
        (leeds.admin, "/followup #1 every banana", "could not read the time"),
        (leeds.admin, "/followup #9 tomorrow 10:00", "no commitment #9"),
        (leeds.admin, "/followup @nobody tomorrow 10:00", "I don't know @nobody"),
        (leeds.admin, "/followup #abc tomorrow", "not a commitment number"),
        (leeds.admin, "/followup", "Usage: /followup"),
        (leeds.admin, "/followup all", "Usage: /followup"),
        (leeds.admin, "/followup cancel F7", "no scheduled follow-up F7"),
        (leeds.admin, "/followup cancel xyz", "not a follow-up number"),
        (officer, "/followup all tomorrow 10:00", "Only a coordinator"),
        (leeds.admin, "/followup all tomorrow 10:00 " + "x" * 600, "too long"),
    ]
    for user, command, expected in refusals:
        answer = (await story.say(leeds, user, command))[0]
        assert expected in answer, (command, answer)
    assert rows(bot, "followups") == 0
    assert rows(bot, "nudges WHERE kind = 'followup'") == 0
    # A coordinator by role may, and @user targets work once the person is known.
    await story.say(leeds, leeds.admin, "/role @olga_leeds coordinator")
    reply = (await story.say(leeds, officer, "/followup @anna_hh friday 15:00 the budget?"))[0]
    assert "F1" in reply and "@anna_hh" in reply
    start = len(api.sent(hamburg.id))
    await fire(bot, clock, datetime(2026, 11, 27, 15, 0, tzinfo=UTC))
    (nudge,) = api.sent(hamburg.id)[start:]
    assert nudge["text"].startswith("⏰ Wiedervorlage für @anna_hh")
    assert "#1 · Anna (Hamburg)" in nudge["text"]


async def test_report_counts_the_partnership_and_draws_a_chart(
    api: LocalBotApi, bot: RunningBot, story: Scenario, pair: tuple[City, City], clock: Clock, anna: dict
) -> None:
    hamburg, leeds = pair
    tom = api.add_user("Tom", username="tom_leeds")
    for text in ("hello", "thank you", "good morning"):
        await story.say(leeds, tom, text, replies=0)
    await story.say(hamburg, anna, "hallo", replies=0)
    await api.wait_sent(hamburg.id, 3)
    await commit(api, story, hamburg, anna, "/commit wir schicken das budget bis 2026-11-25", leeds)
    await commit(api, story, leeds, tom, "/commit send the photos by 2026-11-24", hamburg)
    await commit(api, story, leeds, tom, "/commit the report is ready by 2026-12-10", hamburg)
    clock.advance(days=1)
    await commit(api, story, leeds, tom, "/done 2", hamburg, mark="✅")  # done after 1 day, on time
    clock.now = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)  # #1 is now overdue
    await commit(api, story, leeds, leeds.admin, "/done 3", hamburg, mark="✅")  # after 4 days, on time
    asked = api.send_text(leeds.id, tom, "/report")

    def answers() -> list[dict]:
        return [m for m in api.sent(leeds.id) if m["reply_to"] == asked["message_id"]]

    await api.wait_for(lambda: len(answers()) == 2)
    text, photo = answers()
    lines = text["text"].splitlines()
    assert lines[0].startswith("📊 “Hamburg–Leeds” — partnership activity, last 30 days")
    assert lines[1].startswith(
        "• Hamburg: 1 message · commitments: 1 made, 0 done (0 on time), 1 overdue · last activity:"
    )
    assert lines[2].startswith(
        "• Leeds: 3 messages · commitments: 2 made, 2 done (2 on time), 0 overdue · last activity:"
    )
    assert lines[3] == "Median time to completion: 2.5 days"
    assert photo["caption"] == "📊 “Hamburg–Leeds” at a glance"
    png = api.world.files[photo["photo"][-1]["file_id"]].data
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert struct.unpack(">II", png[16:24]) == (1000, 400)  # width, height from the IHDR chunk

    asked = api.send_text(hamburg.id, anna, "/report")
    await api.wait_for(lambda: any(m["reply_to"] == asked["message_id"] for m in api.sent(hamburg.id)))
    german = next(m for m in api.sent(hamburg.id) if m["reply_to"] == asked["message_id"])
    assert german["text"].splitlines()[3] == "Median bis zur Erledigung: 2,5 Tage", "numbers in the group's locale"


async def test_export_includes_followups_and_nudges(
    api: LocalBotApi, bot: RunningBot, story: Scenario, pair: tuple[City, City], clock: Clock, capsys, monkeypatch
) -> None:
    hamburg, leeds = pair
    await story.say(leeds, leeds.admin, "/followup all every monday 09:00 weekly call")
    await bot.stop()
    monkeypatch.setenv("BRIDGEBOT_DB", str(bot.settings.db_path))
    assert await asyncio.to_thread(main, ["db", "export", "--format", "json"]) == 0
    exported = json.loads(capsys.readouterr().out)
    (followup,) = exported["followups"]
    assert followup["note"] == "weekly call" and json.loads(followup["rule"])["weekday"] == 0
    assert {row["chat_id"] for row in exported["nudges"] if row["kind"] == "followup"} == {hamburg.id, leeds.id}


async def test_flood_control_and_server_errors_delay_a_nudge_without_dropping_or_doubling_it(
    api: LocalBotApi, bot: RunningBot, story: Scenario, pair: tuple[City, City], clock: Clock
) -> None:
    hamburg, leeds = pair
    await story.say(leeds, leeds.admin, "/followup all in 1h call at 3")
    start = {c.id: len(api.sent(c.id)) for c in pair}
    api.fail("sendMessage", 429, retry_after=1, chat_id=hamburg.id)
    api.fail("sendMessage", 502, chat_id=leeds.id)
    # Fired into the delivery queue, which waits out the 429 (Hamburg) and retries the 502 (Leeds).
    assert await fire(bot, clock, START + timedelta(hours=1)) == 2
    assert await fire(bot, clock, START + timedelta(hours=2)) == 0
    assert [len(texts_since(api, c, start[c.id])) for c in pair] == [1, 1]


async def test_a_nudge_telegram_deleted_right_after_sending_is_not_sent_again(
    api: LocalBotApi, bot: RunningBot, story: Scenario, pair: tuple[City, City], clock: Clock
) -> None:
    leeds = pair[1]
    await story.say(leeds, leeds.admin, "/followup all in 1h call at 3")
    tries = len(api.calls_of("sendMessage", leeds.id))
    api.fail(
        "sendMessage", 500, chat_id=leeds.id, description="Internal Server Error: sent message was immediately deleted"
    )
    assert await fire(bot, clock, START + timedelta(hours=1)) == 2  # Telegram did send it
    assert await fire(bot, clock, START + timedelta(hours=2)) == 0
    assert len(api.calls_of("sendMessage", leeds.id)) == tries + 1


async def test_announcements_wait_out_flood_control_instead_of_being_lost(
    api: LocalBotApi, bot: RunningBot, story: Scenario, pair: tuple[City, City], clock: Clock, anna: dict
) -> None:
    hamburg, leeds = pair
    api.fail("sendMessage", 429, retry_after=1, chat_id=leeds.id)
    api.send_text(hamburg.id, anna, "/commit wir schicken das budget bis 2026-12-04")
    await api.wait_for(lambda: any(t.startswith("📌 #1") for t in texts_since(api, hamburg, 0)))
    await api.wait_for(lambda: any(t.startswith("📌 #1") for t in texts_since(api, leeds, 0)), 5)
    assert sum(t.startswith("📌 #1") for t in texts_since(api, leeds, 0)) == 1


def plant_year_9999_commitment(bot: RunningBot, city: City, due_now: datetime) -> int:
    """What an older version left for `/commit poison by 9999-12-31 23:00`: the commitment, written
    straight into the SQLite file, and its overdue notice for `city`, due at `due_now`; and a
    corrupted commitment whose due date is no date at all, which makes its partnership unplannable."""
    with sqlite3.connect(bot.settings.db_path) as db:
        (partnership_id,) = db.execute("SELECT partnership_id FROM groups WHERE chat_id = ?", (city.id,)).fetchone()
        due = "9999-12-31T23:00:00+00:00"
        (commitment_id,) = db.execute(
            "INSERT INTO commitments (partnership_id, number, owner_name, city, chat_id, text, lang, due_at,"
            " created_at, updated_at) VALUES (?, 1, 'Mallory', ?, ?, 'poison', 'en', ?, ?, ?) RETURNING id",
            (partnership_id, city.name, city.id, due, START.isoformat(), START.isoformat()),
        ).fetchone()
        db.execute(
            "INSERT INTO nudges (partnership_id, kind, commitment_id, chat_id, occurrence, due_at)"
            " VALUES (?, 'overdue', ?, ?, ?, ?)",
            (partnership_id, commitment_id, city.id, f"C{commitment_id}@{due}", due_now.isoformat()),
        )
        db.execute(
            "INSERT INTO commitments (partnership_id, number, owner_name, city, chat_id, text, lang, due_at,"
            " created_at, updated_at) VALUES (?, 2, 'Mallory', ?, ?, 'garbled', 'en', '31/12/9999', ?, ?)",
            (partnership_id, city.name, city.id, START.isoformat(), START.isoformat()),
        )
    return commitment_id


async def test_a_year_9999_row_from_an_older_version_does_not_stop_other_partnerships_nudges(
    api: LocalBotApi, bot: RunningBot, story: Scenario, pair: tuple[City, City], clock: Clock, anna: dict, caplog
) -> None:
    hamburg, leeds = pair
    cali, boston = story.city("Cali", "es"), story.city("Boston", "en")
    await story.setup(cali, "America/Bogota")
    await story.setup(boston, "America/New_York")
    await story.partnership("Cali–Boston", cali, boston)
    await story.say(boston, boston.admin, "/followup all in 2h status round")
    await bot.stop()
    plant_year_9999_commitment(bot, hamburg, due_now=START + timedelta(hours=1))
    start = {c.id: len(api.sent(c.id)) for c in (cali, boston)}
    clock.now = START + timedelta(hours=3)
    await bot.start()  # the scheduler plans everything, then sends what is due, on its own
    await api.wait_sent(boston.id, start[boston.id] + 1)
    await api.wait_sent(cali.id, start[cali.id] + 1)
    assert "status round" in texts_since(api, boston, start[boston.id])[0]
    (poisoned,) = nudges(bot, "kind = 'overdue' AND commitment_id IS NOT NULL AND last_error IS NOT NULL")
    assert poisoned["state"] == "pending" and poisoned["not_before"] is not None  # tried again later, not in a loop
    logged = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert any(m.startswith("cannot plan the nudges of partnership") for m in logged), logged
    assert any(m.startswith(f"nudge {poisoned['id']} (overdue)") for m in logged), logged
    # In the partnership with the bad rows, a new commitment is still stored and announced.
    await commit(api, story, hamburg, anna, "/commit wir schicken das budget bis 2026-12-04", leeds)
