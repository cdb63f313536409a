"""The partnership boundary: nothing reaches or describes a group that is no longer in the partnership
of what it concerns, join codes reach only the person who asked, and names resolve within a partnership.

Updates are handled one at a time, so once the bot has answered a later message, an earlier edit or
command has been handled; `outbox.idle()` then waits until whatever it queued has been delivered.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bridgebot.i18n import catalogs
from bridgebot.localapi import LocalBotApi
from bridgebot.services.delivery import Outbox, Record, unrecorded
from bridgebot.services.relay import Relay, Rendered
from bridgebot.store.db import open_db
from bridgebot.store.repository import Repository
from bridgebot.translation.engine import Engine
from tests.conftest import CODE, City, RunningBot, Scenario

START = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)  # a Monday morning in Hamburg and Leeds


class Clock:
    """The bot's "now", moved by the test."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(START)


def query(bot: RunningBot, sql: str, *params: object) -> list[tuple]:
    with sqlite3.connect(bot.settings.db_path) as db:
        return db.execute(sql, params).fetchall()


async def relayed(api: LocalBotApi, source: City, user: dict, text: str, target: City) -> tuple[dict, dict]:
    """Post `text` and return the original and its copy in `target` once it has arrived."""
    before = api.sent_count(target.id)
    original = api.send_text(source.id, user, text)
    copy = (await api.wait_sent(target.id, before + 1))[-1]
    return original, copy


def text_now(api: LocalBotApi, city: City, message: dict) -> str | None:
    """The message as it is in the chat now; None once it was deleted."""
    current = api.world.messages[city.id].get(message["message_id"])
    return current["text"] if current else None


@pytest.fixture
async def moved(
    bot: RunningBot, api: LocalBotApi, story: Scenario, pair: tuple[City, City]
) -> tuple[City, City, City, dict, dict]:
    """Leeds and Hamburg talked in one partnership; then Leeds left it and joined Dresden in another.

    Returns Hamburg, Leeds, Dresden, Tom's message in Leeds and its copy in Hamburg."""
    hamburg, leeds = pair
    tom = api.add_user("Tom", username="tom_leeds")
    tom_message, copy_in_hamburg = await relayed(api, leeds, tom, "See you tomorrow.", hamburg)
    assert "left" in (await story.say(leeds, leeds.admin, "/partnership leave"))[0]
    dresden = story.city("Dresden", "de")
    await story.setup(dresden)
    await story.partnership("Elbe–Aire", dresden, leeds)
    return hamburg, leeds, dresden, tom_message, copy_in_hamburg


async def test_edit_after_leaving_never_reaches_old_partners(
    bot: RunningBot, api: LocalBotApi, moved: tuple[City, City, City, dict, dict]
) -> None:
    hamburg, leeds, dresden, tom_message, copy_in_hamburg = moved
    anna = api.add_user("Anna")
    anna_message = api.send_text(hamburg.id, anna, "Die Brücke ist offen.")  # Hamburg is alone now: no copy
    api.edit_text(leeds.id, tom_message["message_id"], "The report is ready.")
    api.edit_text(hamburg.id, anna_message["message_id"], "Der Bericht ist fertig.")
    await relayed(api, leeds, tom_message["from"], "Thank you very much!", dresden)  # both edits handled
    await bot.services.outbox.idle()
    assert text_now(api, hamburg, copy_in_hamburg) == "Tom · Leeds\nBis morgen.\nSee you tomorrow."
    assert api.calls_of("editMessageText") == []
    assert not any("Bericht" in t or "report" in t for t in api.texts(dresden.id) + api.texts(leeds.id))


async def test_edit_after_the_bot_was_removed_and_added_back_stays_home(
    bot: RunningBot, api: LocalBotApi, story: Scenario, pair: tuple[City, City]
) -> None:
    hamburg, leeds = pair
    tom = api.add_user("Tom")
    tom_message, copy_in_hamburg = await relayed(api, leeds, tom, "See you tomorrow.", hamburg)
    api.remove_bot(leeds.id, leeds.admin)
    api.add_bot(leeds.id, leeds.admin)
    assert "not in a partnership" in (await story.say(leeds, leeds.admin, "/partnership"))[0]
    assert query(bot, "SELECT partnership_id FROM groups WHERE chat_id = ?", leeds.id) == [(None,)]
    api.edit_text(leeds.id, tom_message["message_id"], "The report is ready.")
    await story.say(leeds, leeds.admin, "/partnership")  # the edit was handled before this answer
    await bot.services.outbox.idle()
    assert text_now(api, hamburg, copy_in_hamburg) == "Tom · Leeds\nBis morgen.\nSee you tomorrow."
    assert api.calls_of("editMessageText") == []


async def test_copies_still_queued_for_a_group_that_left_are_not_delivered(
    bot: RunningBot, api: LocalBotApi, story: Scenario, pair: tuple[City, City]
) -> None:
    hamburg, leeds = pair
    anna = api.add_user("Anna")
    api.fail("sendMessage", 429, retry_after=2, chat_id=leeds.id)  # the copy waits out flood control
    api.send_text(hamburg.id, anna, "Guten Morgen!")
    await api.wait_for(lambda: any(c.failed for c in api.calls_of("sendMessage", leeds.id)))
    before = api.sent_count(leeds.id)
    await story.say(leeds, leeds.admin, "/partnership leave")
    await bot.services.outbox.idle()
    assert api.sent_count(leeds.id) == before + 1  # only the answer to /partnership leave
    assert not any("Anna" in t for t in api.texts(leeds.id))
    assert query(bot, "SELECT state FROM deliveries WHERE target_chat_id = ?", leeds.id) == [("failed",)]


async def test_messages_still_queued_from_a_group_that_left_are_not_delivered(
    bot: RunningBot, api: LocalBotApi, story: Scenario, pair: tuple[City, City]
) -> None:
    hamburg, leeds = pair
    tom = api.add_user("Tom")
    api.fail("sendMessage", 429, retry_after=2, chat_id=hamburg.id)  # the copy waits out flood control
    api.send_text(leeds.id, tom, "Good morning!")
    await api.wait_for(lambda: any(c.failed for c in api.calls_of("sendMessage", hamburg.id)))
    await story.say(leeds, leeds.admin, "/partnership leave")
    await bot.services.outbox.idle()
    assert not any("Tom" in t for t in api.texts(hamburg.id))


async def test_unsend_after_leaving_deletes_nothing_in_the_old_partnership(
    bot: RunningBot, api: LocalBotApi, story: Scenario, moved: tuple[City, City, City, dict, dict]
) -> None:
    hamburg, leeds, _, tom_message, copy_in_hamburg = moved
    refused = await story.say(leeds, leeds.admin, "/unsend", reply_to=tom_message["message_id"])
    assert "no longer part of" in refused[0]
    await bot.services.outbox.idle()
    assert text_now(api, hamburg, copy_in_hamburg) is not None
    assert api.calls_of("deleteMessage") == api.calls_of("deleteMessages") == []


async def test_a_partner_citys_admin_cannot_unsend_another_citys_message(
    bot: RunningBot, api: LocalBotApi, story: Scenario, pair: tuple[City, City]
) -> None:
    hamburg, leeds = pair
    tom = api.add_user("Tom")
    _, copy_in_hamburg = await relayed(api, leeds, tom, "See you tomorrow.", hamburg)
    refused = await story.say(hamburg, hamburg.admin, "/unsend", reply_to=copy_in_hamburg["message_id"])
    assert "Leeds" in refused[0] and "löschen Sie die Kopie hier" in refused[0]
    leeds_message = max(m for m in api.world.messages[leeds.id] if api.world.messages[leeds.id][m]["from"] == tom)
    before = len(api.sent(leeds.id))
    await story.say(leeds, leeds.admin, "/unsend", reply_to=leeds_message, replies=0)
    report = (await api.wait_sent(leeds.id, before + 1))[-1]["text"]
    assert report == "🗑 The copies were deleted in: Hamburg."
    assert text_now(api, hamburg, copy_in_hamburg) is None


async def test_join_codes_are_sent_privately_and_the_group_sees_none(
    bot: RunningBot, api: LocalBotApi, story: Scenario
) -> None:
    hamburg, leeds = story.city("Hamburg", "de"), story.city("Leeds", "en")
    await story.setup(hamburg)
    await story.setup(leeds, "Europe/London")
    ada = story.bot_admin
    # Ada never opened a private chat with the bot: it cannot write to her, so no code and no partnership.
    refused = (await story.say(hamburg, ada, "/partnership new Elbe–Aire"))[0]
    assert f"https://t.me/{api.bot['username']}?start=joincode" in refused and not CODE.search(refused)
    assert query(bot, "SELECT COUNT(*) FROM join_codes") == query(bot, "SELECT COUNT(*) FROM partnerships") == [(0,)]
    assert "keiner Partnerschaft" in (await story.say(hamburg, ada, "/partnership"))[0]
    # She follows the link and presses Start; the welcome tells her what to do next.
    started = api.press_start(ada, "joincode")
    await api.wait_for(lambda: len(story.replies_to(ada["id"], started["message_id"])) == 3)
    assert "join codes" in story.replies_to(ada["id"], started["message_id"])[1]
    code = await story.code(hamburg, ada, "/partnership new Elbe–Aire")
    assert "Ada" in api.texts(hamburg.id)[-1] and "privaten Chat" in api.texts(hamburg.id)[-1]
    assert "joined" in (await story.say(leeds, leeds.admin, f"/partnership join {code}"))[0]
    assert not any(CODE.search(t) for chat in (hamburg.id, leeds.id) for t in api.texts(chat))


async def test_invite_needs_a_private_chat_and_stores_nothing_without_one(
    bot: RunningBot, api: LocalBotApi, story: Scenario, pair: tuple[City, City]
) -> None:
    hamburg, _ = pair
    refused = (await story.say(hamburg, hamburg.admin, "/partnership invite"))[0]
    assert "?start=joincode" in refused and not CODE.search(refused)
    assert query(bot, "SELECT COUNT(*) FROM join_codes WHERE used_at IS NULL") == [(0,)]


async def test_an_anonymous_admin_gets_no_code(
    bot: RunningBot, api: LocalBotApi, story: Scenario, pair: tuple[City, City]
) -> None:
    hamburg, _ = pair
    asked = api.anonymous_admin_text(hamburg.id, "/partnership invite")
    await api.wait_for(lambda: story.replies_to(hamburg.id, asked["message_id"]))
    (answer,) = story.replies_to(hamburg.id, asked["message_id"])
    assert "anonymen Admin" in answer and not CODE.search(answer)
    assert query(bot, "SELECT COUNT(*) FROM join_codes WHERE used_at IS NULL") == [(0,)]


async def test_an_outstanding_code_dies_when_its_group_leaves(
    bot: RunningBot, api: LocalBotApi, story: Scenario, pair: tuple[City, City]
) -> None:
    hamburg, leeds = pair
    code = await story.code(leeds, leeds.admin, "/partnership invite")
    await story.say(leeds, leeds.admin, "/partnership leave")
    dresden = story.city("Dresden", "de")
    await story.setup(dresden)
    assert "ungültig" in (await story.say(dresden, dresden.admin, f"/partnership join {code}"))[0]
    assert "1 Stadt" in (await story.say(hamburg, hamburg.admin, "/partnership"))[0]


async def test_report_shows_only_what_a_city_did_in_this_partnership(
    bot: RunningBot, api: LocalBotApi, story: Scenario, moved: tuple[City, City, City, dict, dict]
) -> None:
    _, _, dresden, _, _ = moved
    report = (await story.say(dresden, dresden.admin, "/report", replies=2))[0]
    (leeds_line,) = [line for line in report.split("\n") if line.startswith("• Leeds")]
    assert "0 Nachrichten" in leeds_line and leeds_line.endswith("nie")


async def test_a_refused_focal_stores_nobody(
    bot: RunningBot, api: LocalBotApi, story: Scenario, pair: tuple[City, City]
) -> None:
    hamburg, _ = pair
    officer, stranger = api.add_user("Olaf"), api.add_user("Mallory", username="mallory")
    command = {"type": "bot_command", "offset": 0, "length": 6}
    mention = {"type": "text_mention", "offset": 7, "length": 7, "user": stranger}
    refused = await story.say(hamburg, officer, "/focal Mallory", entities=[command, mention])
    assert "nur ein Admin" in refused[0]
    assert query(bot, "SELECT COUNT(*) FROM users WHERE id = ?", stranger["id"]) == [(0,)]


async def test_a_name_seen_only_in_another_partnership_is_not_found(
    bot: RunningBot, api: LocalBotApi, story: Scenario, pair: tuple[City, City]
) -> None:
    hamburg, leeds = pair
    dresden = story.city("Dresden", "de")
    await story.setup(dresden)
    mallory, tom = api.add_user("Mallory", username="mallory"), api.add_user("Tom", username="tom_leeds")
    api.send_text(dresden.id, mallory, "Hallo")
    await relayed(api, leeds, tom, "See you tomorrow.", hamburg)  # Tom is seen in a partner group
    assert "mallory" in (await story.say(hamburg, hamburg.admin, "/focal @mallory"))[0].casefold()
    assert query(bot, "SELECT focal_user_id FROM groups WHERE chat_id = ?", hamburg.id) == [(None,)]
    assert "Tom" in (await story.say(hamburg, hamburg.admin, "/focal @tom_leeds"))[0]


async def test_a_nudge_for_a_group_that_left_is_not_delivered_even_after_it_rejoins(
    bot: RunningBot, api: LocalBotApi, story: Scenario, pair: tuple[City, City], clock: Clock
) -> None:
    hamburg, leeds = pair
    await story.say(hamburg, hamburg.admin, "/followup all in 2h bitte lesen")
    await story.say(leeds, leeds.admin, "/partnership leave")
    code = await story.code(hamburg, hamburg.admin, "/partnership invite")
    await story.say(leeds, leeds.admin, f"/partnership join {code}")
    clock.now = START + timedelta(hours=2)
    await bot.services.nudges.run_due()
    await bot.services.outbox.idle()
    assert sum("bitte lesen" in t for t in api.texts(hamburg.id)) == 1
    assert not any("please read" in t or "bitte lesen" in t for t in api.texts(leeds.id))
    assert query(bot, "SELECT state FROM nudges WHERE kind = 'followup' AND chat_id = ?", leeds.id) == [("cancelled",)]


class RecordingChannel:
    """A channel adapter that delivers nowhere and records where it was asked to send."""

    def __init__(self) -> None:
        self.sent: list[int] = []

    async def send(
        self, chat_id: int, rendered: Rendered, sent: Sequence[int] = (), record: Record = unrecorded
    ) -> list[int]:
        self.sent.append(chat_id)
        await record(0, len(self.sent))
        return [len(self.sent)]

    async def edit(
        self,
        chat_id: int,
        message_ids: Sequence[int],
        rendered: Rendered,
        fresh: Collection[int] = (),
        record: Record = unrecorded,
    ) -> list[int]:
        return list(message_ids)

    async def delete(self, chat_id: int, message_ids: list[int]) -> list[int]:
        return []


async def test_the_outbox_checks_the_partnership_at_delivery_time(tmp_path: Path, models_dir: Path) -> None:
    """The rule lives in the outbox itself: a row is dropped if its target is in another partnership by
    the time it is delivered, however it got there."""
    conn, _ = await open_db(tmp_path / "bot.sqlite3")
    repo = Repository(conn)
    try:
        first, second = await repo.create_partnership("P1", None), await repo.create_partnership("P2", None)
        for chat_id, city in ((-1, "Hamburg"), (-2, "Leeds"), (-3, "Bremen")):
            await repo.save_group(chat_id, city, city, "de", "Europe/Berlin")
            await repo.set_group_partnership(chat_id, first.id)
        await repo.accept_message(
            partnership_id=first.id,
            chat_id=-1,
            message_id=1,
            sender_id=None,
            sender_name="Anna",
            city="Hamburg",
            topic=None,
            kind="text",
            lang="de",
            text="Guten Morgen!",
            entities=(),
            reply_to_message_id=None,
            targets=[-2, -3],
        )
        await repo.set_group_partnership(-2, second.id)  # in another partnership before its copy went out
        channel = RecordingChannel()
        engine = Engine(models_dir)
        outbox = Outbox(repo, Relay(repo, engine, catalogs()), channel, catalogs())
        await outbox.start()
        await outbox.idle()
        await outbox.stop()
        engine.close()
        assert channel.sent == [-3]
        rows = await conn.execute_fetchall("SELECT target_chat_id, state FROM deliveries ORDER BY target_chat_id")
        assert [tuple(row) for row in rows] == [(-3, "done"), (-2, "failed")]
    finally:
        await conn.close()
