"""Admins register city groups and link them into partnerships, through the real bot."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import aiosqlite

from bridgebot.localapi import LocalBotApi
from tests.conftest import City, RunningBot, Scenario


async def test_two_cities_onboard_and_see_each_other(bot: RunningBot, api: LocalBotApi, story: Scenario) -> None:
    hamburg, leeds = story.city("Hamburg", "de"), story.city("Leeds", "en")
    assert "Hamburg" in (await story.say(hamburg, hamburg.admin, "/setup Hamburg de Europe/Berlin"))[0]
    reply = (await story.say(leeds, leeds.admin, "/setup Leeds English Europe/London"))[0]
    assert "Leeds" in reply and "English" in reply and "Europe/London" in reply
    await story.partnership("Hamburg–Leeds", hamburg, leeds)
    shown = (await story.say(leeds, leeds.admin, "/partnership"))[0]
    assert "Hamburg–Leeds" in shown and "2 cities" in shown
    assert "Hamburg — German" in shown and "Leeds — English" in shown
    german = (await story.say(hamburg, hamburg.admin, "/partnership"))[0]
    assert "2 Städte" in german and "Leeds — Englisch" in german
    assert any("Leeds" in t and "beigetreten" in t for t in api.texts(hamburg.id))


async def test_three_cities_join_with_single_use_codes(bot: RunningBot, api: LocalBotApi, story: Scenario) -> None:
    cali, medellin, belfast = story.city("Cali", "es"), story.city("Medellin", "es"), story.city("Belfast", "en")
    for city in (cali, medellin, belfast):
        await story.setup(city, "America/Bogota" if city.lang == "es" else "Europe/London")
    await story.partnership("Cali+Medellín+Belfast", cali, medellin, belfast)
    shown = (await story.say(belfast, belfast.admin, "/partnership"))[0]
    assert "3 cities" in shown
    for name in ("Cali", "Medellin", "Belfast"):
        assert name in shown


async def test_join_code_misuse_is_refused_and_stores_nothing(
    bot: RunningBot, api: LocalBotApi, story: Scenario
) -> None:
    hamburg, leeds, dresden = story.city("Hamburg", "de"), story.city("Leeds", "en"), story.city("Dresden", "de")
    for city in (hamburg, leeds, dresden):
        await story.setup(city)
    code = await story.code(hamburg, story.bot_admin, "/partnership new Elbe–Aire")
    assert "not valid" in (await story.say(leeds, leeds.admin, "/partnership join ZZZZ-ZZZZ"))[0]
    assert "joined" in (await story.say(leeds, leeds.admin, f"/partnership join {code.lower()}"))[0]
    assert "bereits verwendet" in (await story.say(dresden, dresden.admin, f"/partnership join {code}"))[0]
    # An expired code: issue one, then move its expiry into the past in the database.
    fresh = await story.code(hamburg, hamburg.admin, "/partnership invite")
    async with aiosqlite.connect(bot.settings.db_path) as db:
        past = (datetime.now(UTC) - timedelta(days=1)).isoformat(timespec="seconds")
        await db.execute("UPDATE join_codes SET expires_at = ? WHERE used_at IS NULL", (past,))
        await db.commit()
    assert "abgelaufen" in (await story.say(dresden, dresden.admin, f"/partnership join {fresh}"))[0]
    assert "keiner Partnerschaft" in (await story.say(dresden, dresden.admin, "/partnership"))[0]


async def test_permissions_are_checked(bot: RunningBot, api: LocalBotApi, story: Scenario) -> None:
    hamburg = story.city("Hamburg", "de")
    officer = api.add_user("Olaf", username="olaf")
    assert "Only an admin" in (await story.say(hamburg, officer, "/setup Hamburg de"))[0]
    await story.setup(hamburg)
    assert "nur ein Bot-Admin" in (await story.say(hamburg, hamburg.admin, "/partnership new X"))[0]
    assert "nur ein Admin" in (await story.say(hamburg, officer, "/lang en"))[0]
    assert "nur ein Admin" in (await story.say(hamburg, officer, "/partnership leave"))[0]


async def test_invalid_language_time_zone_and_names_are_refused(
    bot: RunningBot, api: LocalBotApi, story: Scenario
) -> None:
    hamburg = story.city("Hamburg", "de")
    assert "“xx” is not a language" in (await story.say(hamburg, hamburg.admin, "/setup Hamburg xx"))[0]
    assert "Mars/Olympus" in (await story.say(hamburg, hamburg.admin, "/setup Hamburg de Mars/Olympus"))[0]
    assert "too long" in (await story.say(hamburg, hamburg.admin, f"/setup {'A' * 80} de"))[0]
    assert "at least one letter" in (await story.say(hamburg, hamburg.admin, "/setup \u200b\u200f 🎉 de"))[0]
    assert "Usage: /setup" in (await story.say(hamburg, hamburg.admin, "/setup"))[0]
    assert "not registered" in (await story.say(hamburg, hamburg.admin, "/partnership"))[0]
    # Right-to-left names and stray zero-width characters are fine once cleaned.
    reply = (await story.say(hamburg, hamburg.admin, "/setup القا\u200bهرة ar Africa/Cairo"))[0]
    assert "القاهرة" in reply
    assert "I don't know the command /frobnicate" in (await story.say(hamburg, hamburg.admin, "/frobnicate"))[0]


async def test_group_migration_keeps_the_registration(bot: RunningBot, api: LocalBotApi, story: Scenario) -> None:
    hamburg, leeds = story.city("Hamburg", "de"), story.city("Leeds", "en")
    hamburg.chat["type"] = "group"
    await story.setup(hamburg)
    await story.setup(leeds, "Europe/London")
    await story.partnership("Hamburg–Leeds", hamburg, leeds)
    new_id = api.migrate_to_supergroup(hamburg.id, hamburg.admin)
    moved = type(hamburg)(api.world.chats[new_id], hamburg.admin, "Hamburg", "de")
    shown = await story.say(moved, hamburg.admin, "/partnership")
    assert "Hamburg–Leeds" in shown[0]


async def test_bot_removed_from_a_group_unlinks_it(
    bot: RunningBot, api: LocalBotApi, story: Scenario, pair: tuple[City, City]
) -> None:
    hamburg, leeds = pair
    api.remove_bot(hamburg.id, hamburg.admin)
    await _until_unlinked(bot, hamburg.id)
    assert "1 city" in (await story.say(leeds, leeds.admin, "/partnership"))[0]


async def _until_unlinked(bot: RunningBot, chat_id: int) -> None:
    import asyncio

    for _ in range(100):
        async with aiosqlite.connect(bot.settings.db_path) as db:
            row = await (await db.execute("SELECT partnership_id FROM groups WHERE chat_id = ?", (chat_id,))).fetchone()
        if row and row[0] is None:
            return
        await asyncio.sleep(0.05)
    raise AssertionError("group was not unlinked")


async def test_restart_keeps_every_registration(
    bot: RunningBot, api: LocalBotApi, story: Scenario, pair: tuple[City, City]
) -> None:
    hamburg, leeds = pair
    anna = api.add_user("Anna", username="anna_hh")
    await story.say(hamburg, anna, "hallo", replies=0)
    await story.say(hamburg, hamburg.admin, "/focal @anna_hh")
    await bot.restart()
    shown = (await story.say(leeds, leeds.admin, "/contacts"))[0]
    assert "Anna (@anna_hh)" in shown and "Leeds" in shown


async def test_help_is_in_the_group_language(bot: RunningBot, api: LocalBotApi, story: Scenario) -> None:
    hangzhou = story.city("Hangzhou", "zh")
    await story.setup(hangzhou, "Asia/Shanghai")
    assert "合作城市" in (await story.say(hangzhou, hangzhou.admin, "/help"))[0]
    assert api.commands[("all_group_chats", "de")][0]["description"] == "So benutzen Sie bridgebot"
    admin_menu = [c["command"] for c in api.commands[("all_chat_administrators", "")]]
    assert "setup" in admin_menu and "setup" not in [c["command"] for c in api.commands[("all_group_chats", "")]]


async def test_check_reports_a_missing_language_model(
    bot: RunningBot, api: LocalBotApi, story: Scenario, monkeypatch, capsys
) -> None:
    import asyncio

    from bridgebot.cli import main

    hamburg, kyoto = story.city("Hamburg", "de"), story.city("Kyoto", "ja")
    await story.setup(hamburg)
    await story.setup(kyoto, "Asia/Tokyo")
    await story.partnership("Elbe–Kamo", hamburg, kyoto)
    await bot.stop()
    monkeypatch.setenv("BRIDGEBOT_DB", str(bot.settings.db_path))
    monkeypatch.setenv("BRIDGEBOT_MODELS_DIR", str(bot.settings.models_path))
    monkeypatch.setenv("BRIDGEBOT_TOKEN", "123456:abcdefghijklmnopqrstuvwxyz")
    assert await asyncio.to_thread(main, ["check"]) == 1
    out = capsys.readouterr().out
    assert "token: ok" in out
    assert "models for Elbe–Kamo (de, ja): missing de->ja, ja->de" in out
