"""A command delivered twice is applied once: the bot may stop after handling an update and before
confirming it (polling's next offset, the webhook's answer), and Telegram then delivers it again."""

from __future__ import annotations

import sqlite3

from bridgebot.adapters.polling import OFFSET_KEY
from bridgebot.localapi import LocalBotApi
from tests.conftest import City, RunningBot, Scenario


def count(bot: RunningBot, sql: str) -> int:
    with sqlite3.connect(bot.settings.db_path) as db:
        return db.execute(f"SELECT COUNT(*) FROM {sql}").fetchone()[0]


def announcements(api: LocalBotApi, city: City) -> int:
    return sum(text.startswith("📌") for text in api.texts(city.id))


async def crash_before_confirming(bot: RunningBot, api: LocalBotApi, message: dict) -> None:
    """Restart the bot as a crash right after handling `message` would have left it: the offset in its
    database still names that update, and Telegram delivers the update again. Returns once the bot has
    handled it (asked for the updates after it) and has delivered what it queued."""
    await bot.stop()
    update = api.redeliver(message)
    with sqlite3.connect(bot.settings.db_path) as db:
        db.execute("INSERT OR REPLACE INTO bot_state VALUES (?, ?)", (OFFSET_KEY, str(update["update_id"])))
    polls = len(api.calls_of("getUpdates"))
    await bot.start()
    await api.wait_for(
        lambda: any(int(c.params.get("offset") or 0) > update["update_id"] for c in api.calls_of("getUpdates")[polls:])
    )
    await api.wait_for(lambda: count(bot, "deliveries WHERE state = 'pending'") == 0)


async def test_a_redelivered_commit_is_recorded_and_announced_once(
    bot: RunningBot, api: LocalBotApi, story: Scenario, pair: tuple[City, City]
) -> None:
    hamburg, leeds = pair
    tom = api.add_user("Tom", username="tom_leeds")
    command = api.send_text(leeds.id, tom, "/commit send the budget by friday")
    await api.wait_for(lambda: announcements(api, leeds) == announcements(api, hamburg) == 1)
    await crash_before_confirming(bot, api, command)
    assert count(bot, "commitments") == 1
    assert count(bot, "deliveries WHERE kind = 'announce' AND payload LIKE '%📌%'") == 2  # one per group, ever queued
    assert (announcements(api, leeds), announcements(api, hamburg)) == (1, 1)
    # The bot still takes new commands from that group.
    api.send_text(leeds.id, tom, "/commit book the room by friday")
    await api.wait_for(lambda: announcements(api, leeds) == announcements(api, hamburg) == 2)
    assert count(bot, "commitments") == 2


async def test_a_redelivered_followup_and_partnership_are_created_and_answered_once(
    bot: RunningBot, api: LocalBotApi, story: Scenario, pair: tuple[City, City]
) -> None:
    _, leeds = pair
    command = api.send_text(leeds.id, leeds.admin, "/followup all in 2h status round")
    await api.wait_for(lambda: story.replies_to(leeds.id, command["message_id"]))
    await crash_before_confirming(bot, api, command)
    assert count(bot, "followups") == 1
    assert count(bot, "nudges WHERE kind = 'followup'") == 2
    assert len(story.replies_to(leeds.id, command["message_id"])) == 1

    dresden = story.city("Dresden", "de")
    await story.setup(dresden)
    partnerships = count(bot, "partnerships")
    command = api.send_text(dresden.id, story.bot_admin, "/partnership new Elbe")
    await api.wait_for(lambda: count(bot, "partnerships") > partnerships)
    await api.wait_for(lambda: story.replies_to(dresden.id, command["message_id"]))
    sent = len(api.sent())
    await crash_before_confirming(bot, api, command)
    assert count(bot, "partnerships") == partnerships + 1
    assert len(api.sent()) == sent, "no second reply, no second join code"
