"""Delivery that survives Telegram's real behaviour: a 429 in the middle of a long copy, edit storms,
two edits in one second, /unsend after 48 hours, a group upgraded to a supergroup, and a database
that does not grow forever."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bridgebot.localapi import LocalBotApi
from bridgebot.store.db import open_db
from bridgebot.store.repository import Repository
from tests.conftest import City, RunningBot, Scenario
from tests.test_relay import post, trio  # noqa: F401  (trio is a fixture)

SENTENCE, TRANSLATED = "The report is ready.", "Der Bericht ist fertig."


def relayed(api: LocalBotApi, chat_id: int) -> str:
    """Everything the bot posted in a chat, joined: a part sent twice shows up twice."""
    return "\n".join(api.texts(chat_id))


async def settled(bot: RunningBot) -> None:
    """Wait until the outbox has nothing left to do (no retry still waiting)."""
    await bot.services.outbox.idle()


async def test_multi_part_copy_resumes_after_flood_on_second_part(
    bot: RunningBot, api: LocalBotApi, pair: tuple[City, City]
) -> None:
    hamburg, leeds = pair
    calls = len(api.calls_of("sendMessage", hamburg.id))
    api.fail("sendMessage", 429, retry_after=1, chat_id=hamburg.id, after=1)
    api.send_text(leeds.id, api.add_user("Tom"), " ".join([SENTENCE] * 180))
    await api.wait_for(lambda: relayed(api, hamburg.id).count(TRANSLATED) >= 180)
    await settled(bot)
    assert [c.failed for c in api.calls_of("sendMessage", hamburg.id)[calls:]] == [False, True, False]
    parts = [t for t in api.texts(hamburg.id) if TRANSLATED in t or SENTENCE in t]
    assert len(parts) == 2 and parts[0].startswith("Tom · Leeds\n")
    assert relayed(api, hamburg.id).count(TRANSLATED) == relayed(api, hamburg.id).count(SENTENCE) == 180


async def test_growing_edit_resumes_after_flood_on_a_new_part(
    bot: RunningBot, api: LocalBotApi, pair: tuple[City, City]
) -> None:
    hamburg, leeds = pair
    (copy,) = await post(api, leeds, api.add_user("Tom"), SENTENCE, hamburg)
    original = max(api.world.messages[leeds.id])
    api.fail("sendMessage", 429, retry_after=1, chat_id=hamburg.id, after=1)
    api.edit_text(leeds.id, original, " ".join([SENTENCE] * 190))  # ~4000 characters: a copy of three parts
    await api.wait_for(lambda: relayed(api, hamburg.id).count(TRANSLATED) >= 190)
    await settled(bot)
    assert [c.failed for c in api.calls_of("sendMessage", hamburg.id)][-3:] == [False, True, False]
    parts = [t for t in api.texts(hamburg.id) if TRANSLATED in t or SENTENCE in t]
    assert len(parts) == 3 and api.sent(hamburg.id)[-3]["message_id"] == copy["message_id"]
    assert relayed(api, hamburg.id).count(TRANSLATED) == relayed(api, hamburg.id).count(SENTENCE) == 190


async def test_shrinking_edit_after_a_flood_on_the_delete_only_deletes(
    bot: RunningBot, api: LocalBotApi, pair: tuple[City, City]
) -> None:
    hamburg, leeds = pair
    api.send_text(leeds.id, api.add_user("Tom"), " ".join([SENTENCE] * 180))
    await api.wait_for(lambda: relayed(api, hamburg.id).count(TRANSLATED) >= 180)
    await settled(bot)
    original = max(api.world.messages[leeds.id])
    first, second = [m["message_id"] for m in api.sent(hamburg.id) if TRANSLATED in m["text"]]
    edits = len(api.calls_of("editMessageText", hamburg.id))
    api.fail("deleteMessages", 429, retry_after=1, chat_id=hamburg.id)
    api.edit_text(leeds.id, original, SENTENCE)
    await api.wait_for(lambda: second not in api.world.messages[hamburg.id])
    await settled(bot)
    assert api.world.messages[hamburg.id][first]["text"] == f"Tom · Leeds\n{TRANSLATED}\n{SENTENCE}"
    assert len(api.calls_of("editMessageText", hamburg.id)) == edits + 1


async def test_thirty_quick_edits_make_few_edit_calls(
    bot: RunningBot, api: LocalBotApi, pair: tuple[City, City]
) -> None:
    hamburg, leeds = pair
    (copy,) = await post(api, hamburg, api.add_user("Anna"), "Guten Morgen!", leeds)
    original = max(api.world.messages[hamburg.id])
    api.delay("editMessageText", 1.0, chat_id=leeds.id)  # the first edit is still on its way when the rest arrive
    for number in range(1, 31):
        api.edit_text(hamburg.id, original, f"Guten Morgen! {number}")
    shown = lambda: api.world.messages[leeds.id][copy["message_id"]]["text"]  # noqa: E731
    await api.wait_for(lambda: shown() == "Anna · Hamburg\nGood morning! 30\nGuten Morgen! 30")
    await settled(bot)
    assert len(api.calls_of("editMessageText", leeds.id)) <= 3


async def test_two_edits_in_one_second_both_reach_partners(
    bot: RunningBot, api: LocalBotApi, pair: tuple[City, City]
) -> None:
    hamburg, leeds = pair
    (copy,) = await post(api, hamburg, api.add_user("Anna"), "Guten Morgen!", leeds)
    original = max(api.world.messages[hamburg.id])
    first = api.edit_text(hamburg.id, original, "Vielen Dank!")["edit_date"]
    second = api.edit_text(hamburg.id, original, "Der Bericht ist fertig.")["edit_date"]
    assert first == second  # Telegram's edit_date counts whole seconds
    shown = lambda: api.world.messages[leeds.id][copy["message_id"]]["text"]  # noqa: E731
    await api.wait_for(lambda: shown() == "Anna · Hamburg\nThe report is ready.\nDer Bericht ist fertig.")


async def test_an_edit_delivered_twice_is_applied_once(tmp_path: Path) -> None:
    conn, _ = await open_db(tmp_path / "bridgebot.sqlite3")
    repo = Repository(conn)
    try:
        partnership = await repo.create_partnership("Elbe–Aire", None)
        source = await repo.accept_message(
            partnership_id=partnership.id,
            chat_id=-1,
            message_id=7,
            sender_id=1,
            sender_name="Anna",
            city="Hamburg",
            topic=None,
            kind="text",
            lang="de",
            text="Guten Morgen!",
            entities=(),
            reply_to_message_id=None,
            targets=[-2],
        )
        assert await repo.apply_edit(-1, 7, "Vielen Dank!", (), 1000, [-2]) == source
        assert await repo.apply_edit(-1, 7, "Vielen Dank!", (), 1000, [-2]) is None
        assert await repo.apply_edit(-1, 7, "Bis morgen.", (), 1000, [-2]) == source
        assert await repo.apply_edit(-1, 7, "Bis morgen.", (), 1001, [-2]) is None
        assert await repo.apply_edit(-1, 7, "Guten Morgen!", (), 999, [-2]) is None
        assert (await repo.source(source)).revision == 2
    finally:
        await conn.close()


async def test_unsend_after_48_hours_says_what_stayed(
    api: LocalBotApi,
    trio: tuple[City, City, City],  # noqa: F811
) -> None:
    hamburg, leeds, dresden = trio
    anna = api.add_user("Anna")
    in_leeds, in_dresden = await post(api, hamburg, anna, "Guten Morgen!", leeds, dresden)
    mine = max(api.world.messages[hamburg.id])
    api.age(dresden.id, in_dresden["message_id"], hours=49)
    before = len(api.sent(hamburg.id))
    api.send_text(hamburg.id, anna, "/unsend", reply_to=mine)
    report = (await api.wait_sent(hamburg.id, before + 1))[-1]["text"]
    assert report.split("\n") == [
        "🗑 Die Kopien wurden gelöscht in: Leeds.",
        "⚠️ Die Kopien in Dresden konnten nicht gelöscht werden (Telegram erlaubt Bots das Löschen von Nachrichten"
        " nur bis 48 Stunden nach dem Senden). Ein Admin der jeweiligen Gruppe kann sie von Hand löschen.",
    ]
    assert in_leeds["message_id"] not in api.world.messages[leeds.id]
    assert in_dresden["message_id"] in api.world.messages[dresden.id]


async def test_unsend_of_a_long_copy_deletes_the_young_parts_one_by_one(
    bot: RunningBot, api: LocalBotApi, pair: tuple[City, City]
) -> None:
    hamburg, leeds = pair
    tom = api.add_user("Tom")
    api.send_text(leeds.id, tom, " ".join([SENTENCE] * 180))
    await api.wait_for(lambda: relayed(api, hamburg.id).count(TRANSLATED) >= 180)
    await settled(bot)
    first, second = [m for m in api.sent(hamburg.id) if TRANSLATED in m["text"] or SENTENCE in m["text"]]
    api.age(hamburg.id, first["message_id"], hours=49)
    before = len(api.sent(leeds.id))
    api.send_text(leeds.id, tom, "/unsend", reply_to=max(m for m in api.world.messages[leeds.id]))
    report = (await api.wait_sent(leeds.id, before + 1))[-1]["text"]
    assert report.startswith("⚠️ The copies in Hamburg could not be deleted")
    assert first["message_id"] in api.world.messages[hamburg.id]
    assert second["message_id"] not in api.world.messages[hamburg.id]


async def _basic_group_pair(api: LocalBotApi, story: Scenario) -> tuple[City, City]:
    """Hamburg (a supergroup) and Leeds (a basic group, which Telegram may upgrade), linked."""
    hamburg = story.city("Hamburg", "de")
    chat = api.add_group("Leeds partner group", type="group")
    admin = api.add_user("Leeds Admin", username="leeds_admin")
    api.set_admin(chat["id"], admin["id"])
    api.set_admin(chat["id"], story.bot_admin["id"])
    leeds = City(chat, admin, "Leeds", "en")
    await story.setup(hamburg)
    await story.setup(leeds, "Europe/London")
    await story.partnership("Hamburg–Leeds", hamburg, leeds)
    return hamburg, leeds


async def test_edit_after_migration_does_not_touch_old_ids(api: LocalBotApi, story: Scenario, bot: RunningBot) -> None:
    hamburg, leeds = await _basic_group_pair(api, story)
    anna = api.add_user("Anna")
    (old_copy,) = await post(api, hamburg, anna, "Guten Morgen!", leeds)
    original = max(api.world.messages[hamburg.id])
    upgraded = City(api.world.chats[api.migrate_to_supergroup(leeds.id)], leeds.admin, "Leeds", "en")
    # The supergroup numbers its messages afresh: soon one of the bot's copies there has the old copy's id.
    while old_copy["message_id"] not in api.world.bot_messages[upgraded.id]:
        await post(api, hamburg, anna, "Vielen Dank!", upgraded)
    unrelated = dict(api.world.messages[upgraded.id][old_copy["message_id"]])
    api.edit_text(hamburg.id, original, "Der Bericht ist fertig.")
    (answer,) = await post(api, hamburg, anna, "Bis morgen.", upgraded, reply_to=original)  # after the edit's row
    assert api.world.messages[upgraded.id][old_copy["message_id"]]["text"] == unrelated["text"]
    assert api.calls_of("editMessageText", upgraded.id) == []
    assert answer["reply_to"] is None


async def test_messages_in_an_upgraded_group_are_relayed_though_their_ids_were_used_before(
    api: LocalBotApi, story: Scenario, bot: RunningBot
) -> None:
    hamburg, leeds = await _basic_group_pair(api, story)
    tom = api.add_user("Tom")
    await post(api, leeds, tom, "Good morning!", hamburg)
    used = max(api.world.messages[leeds.id])
    upgraded = City(api.world.chats[api.migrate_to_supergroup(leeds.id)], leeds.admin, "Leeds", "en")
    for number in range(1, used + 1):
        await post(api, upgraded, tom, f"Thank you very much! {number}", hamburg)
    assert used in api.world.messages[upgraded.id]  # a new message had the old one's id, and it was relayed


async def test_delivered_rows_and_old_translations_are_pruned(
    bot: RunningBot, api: LocalBotApi, pair: tuple[City, City]
) -> None:
    hamburg, leeds = pair
    (copy,) = await post(api, hamburg, api.add_user("Anna"), "Guten Morgen!", leeds)
    original = max(api.world.messages[hamburg.id])
    shown = lambda: api.world.messages[leeds.id][copy["message_id"]]["text"]  # noqa: E731
    edits = (("Vielen Dank!", "Thank you very much!"), ("Der Bericht ist fertig.", "The report is ready."))
    for text, english in edits:
        api.edit_text(hamburg.id, original, text)
        await api.wait_for(lambda english=english: english in shown())
    await settled(bot)
    with sqlite3.connect(bot.settings.db_path) as db:
        (source,) = db.execute("SELECT id FROM source_messages WHERE message_id = ?", (original,)).fetchone()
        assert db.execute("SELECT revision FROM translations WHERE source_id = ?", (source,)).fetchall() == [(2,)]
        assert db.execute("SELECT COUNT(*) FROM deliveries WHERE state = 'done'").fetchone()[0] >= 3
    bot.clock = lambda: datetime.now(UTC) + timedelta(days=8)
    await bot.restart()
    with sqlite3.connect(bot.settings.db_path) as db:
        assert db.execute("SELECT COUNT(*) FROM deliveries WHERE state = 'done'").fetchone()[0] == 0
