"""Who promised what, by when: recorded from the chat, announced in every partner's language."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from datetime import UTC, datetime

import pytest

from bridgebot.cli import main
from bridgebot.localapi import LocalBotApi
from bridgebot.services.dates import extract_due
from bridgebot.services.refusal import Refusal
from tests.conftest import City, RunningBot, Scenario

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)  # a Sunday


@pytest.fixture
def clock():
    return lambda: NOW


async def announced(api: LocalBotApi, story: Scenario, city: City, user: dict, text: str, *others: City, **kw):
    """Run a command; return its announcement in the issuing group and in each other group."""
    before = {c.id: len(api.sent(c.id)) for c in others}
    here_before = len(api.sent(city.id))
    api.send_text(city.id, user, text, **kw)
    here = (await api.wait_sent(city.id, here_before + 1))[-1]["text"]
    there = [(await api.wait_sent(c.id, before[c.id] + 1))[-1]["text"] for c in others]
    return here, there


def count_commitments(bot: RunningBot) -> int:
    with sqlite3.connect(bot.settings.db_path) as db:
        return db.execute("SELECT COUNT(*) FROM commitments").fetchone()[0]


@pytest.mark.parametrize(
    ("lang", "tz", "text", "promise", "local_day"),
    [
        ("en", "Europe/London", "send the budget by 2026-12-04", "send the budget", "2026-12-04"),
        ("en", "Europe/London", "send the budget by friday", "send the budget", "2026-11-27"),
        ("en", "Europe/London", "book the room by tomorrow", "book the room", "2026-11-23"),
        ("en", "Europe/London", "draft the MoU in 2 weeks", "draft the MoU", "2026-12-06"),
        ("de", "Europe/Berlin", "Budget schicken bis Freitag", "Budget schicken", "2026-11-27"),
        ("zh", "Asia/Shanghai", "提交报告下周五之前", "提交报告", "2026-11-27"),
        ("es", "America/Mexico_City", "enviar las fotos antes del viernes", "enviar las fotos", "2026-11-27"),
        ("fr", "Europe/Paris", "envoyer le rapport d'ici vendredi", "envoyer le rapport", "2026-11-27"),
        ("pt", "America/Sao_Paulo", "enviar a ata até sexta-feira", "enviar a ata", "2026-11-27"),
        ("ja", "Asia/Tokyo", "報告書を金曜日までに", "報告書を", "2026-11-27"),
        ("id", "Asia/Jakarta", "kirim notulen sebelum Jumat", "kirim notulen", "2026-11-27"),
    ],
)
def test_due_dates_in_the_officers_language(lang: str, tz: str, text: str, promise: str, local_day: str) -> None:
    from zoneinfo import ZoneInfo

    rest, due = extract_due(text, lang, tz, NOW)
    assert rest == promise
    assert due.tzinfo is UTC
    assert due.astimezone(ZoneInfo(tz)).date().isoformat() == local_day


@pytest.mark.parametrize(
    ("text", "key"), [("ship it by yesterday", "error-date-past"), ("ship it by blorp", "error-date-unreadable")]
)
def test_past_and_unreadable_dates_are_refused(text: str, key: str) -> None:
    with pytest.raises(Refusal) as refused:
        extract_due(text, "en", "Europe/London", NOW)
    assert refused.value.key == key


async def test_commitment_is_announced_in_each_language_and_local_time(
    api: LocalBotApi, story: Scenario, pair: tuple[City, City]
) -> None:
    hamburg, leeds = pair
    tom = api.add_user("Tom", username="tom_leeds")
    here, (there,) = await announced(api, story, leeds, tom, "/commit we will send the budget by friday", hamburg)
    assert here == "📌 #1 Tom (Leeds) will: we will send the budget — due: Nov 27, 2026, 23:59"
    assert there == "📌 #1 Tom (Leeds) übernimmt: wir schicken das budget — Frist: 28. Nov. 2026, 00:59"


async def test_commitment_from_a_reply_takes_that_messages_text(
    api: LocalBotApi, story: Scenario, pair: tuple[City, City]
) -> None:
    hamburg, leeds = pair
    anna = api.add_user("Anna", username="anna_hh")
    message = api.send_text(hamburg.id, anna, "Der Bericht ist fertig.")
    await api.wait_sent(leeds.id, len(api.sent(leeds.id)) + 1)
    _, (there,) = await announced(
        api, story, hamburg, anna, "/commit bis Freitag", leeds, reply_to=message["message_id"]
    )
    assert there == "📌 #1 Anna (Hamburg) will: The report is ready. — due: Nov 27, 2026, 22:59"


async def test_refused_commands_store_nothing(
    bot: RunningBot, api: LocalBotApi, story: Scenario, pair: tuple[City, City]
) -> None:
    _, leeds = pair
    tom = api.add_user("Tom", username="tom_leeds")
    assert "past" in (await story.say(leeds, tom, "/commit ship it by yesterday"))[0]
    assert "“blorp”" in (await story.say(leeds, tom, "/commit ship it by blorp"))[0]
    assert "Usage: /commit" in (await story.say(leeds, tom, "/commit"))[0]
    assert "I don't know @nobody" in (await story.say(leeds, tom, "/commit @nobody write the report"))[0]
    assert count_commitments(bot) == 0


async def test_owner_and_coordinators_change_a_commitment_others_cannot(
    api: LocalBotApi, story: Scenario, pair: tuple[City, City]
) -> None:
    hamburg, leeds = pair
    tom, olaf = api.add_user("Tom", username="tom_leeds"), api.add_user("Olaf", username="olaf")
    await announced(api, story, leeds, tom, "/commit the report is ready by friday", hamburg)
    assert "Nur wer die Zusage" in (await story.say(hamburg, olaf, "/done #1"))[0]
    here, (there,) = await announced(api, story, leeds, tom, "/done 1", hamburg)
    assert here.startswith("✅ #1 done: the report is ready") and there.startswith(
        "✅ #1 erledigt: der bericht ist fertig"
    )
    assert "already done" in (await story.say(leeds, tom, "/done #1"))[0]
    here, _ = await announced(api, story, hamburg, hamburg.admin, "/reopen #1", leeds)
    assert here.startswith("🔄 #1 wieder offen")
    here, _ = await announced(api, story, leeds, tom, "/blocked #1 waiting for the venue", hamburg)
    assert "waiting for the venue" in here
    here, _ = await announced(api, story, leeds, tom, "/due #1 2026-12-10", hamburg)
    assert "Dec 10, 2026, 23:59" in here
    assert "no commitment #99" in (await story.say(leeds, tom, "/done #99"))[0]
    assert "not a commitment number" in (await story.say(leeds, tom, "/done abc"))[0]


async def test_assigning_others_needs_a_coordinator(api: LocalBotApi, story: Scenario, pair: tuple[City, City]) -> None:
    hamburg, leeds = pair
    tom, olaf = api.add_user("Tom", username="tom_leeds"), api.add_user("Olaf", username="olaf")
    await story.say(leeds, tom, "hello", replies=0)
    await story.say(hamburg, olaf, "hallo", replies=0)
    # Both copies arrive first, so none of them is taken for the commitment's announcement below.
    await api.wait_for(lambda: any("hallo" in m.get("text", "") for m in api.sent(leeds.id)))
    await api.wait_for(lambda: any("hello" in m.get("text", "") for m in api.sent(hamburg.id)))
    assert "Only a coordinator" in (await story.say(leeds, tom, "/commit @olaf book the room by friday"))[0]
    assert "coordinator" in (await story.say(leeds, leeds.admin, "/role @tom_leeds coordinator"))[0]
    here, _ = await announced(api, story, leeds, tom, "/commit @olaf the room is booked by friday", hamburg)
    assert here.startswith("📌 #1 Olaf (Leeds) will: the room is booked")


async def test_filters_and_paging(api: LocalBotApi, story: Scenario, pair: tuple[City, City]) -> None:
    hamburg, leeds = pair
    tom = api.add_user("Tom", username="tom_leeds")
    for number in range(1, 11):
        await announced(api, story, leeds, tom, f"/commit the report is ready by 2026-12-{number:02d}", hamburg)
    await announced(api, story, leeds, tom, "/done #2", hamburg)
    listing = api.send_text(hamburg.id, hamburg.admin, "/commitments")
    page = (await api.wait_sent(hamburg.id, len(api.sent(hamburg.id)) + 1))[-1]
    assert page["reply_to_message"]["message_id"] == listing["message_id"]
    assert page["text"].startswith("Zusagen (9) — Seite 1/2")
    assert "#2 " not in page["text"] and "der bericht ist fertig" in page["text"]
    api.press_button(
        hamburg.id, page["message_id"], hamburg.admin, page["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    )
    await api.wait_for(lambda: "Seite 2/2" in api.world.messages[hamburg.id][page["message_id"]]["text"])
    done = (await story.say(leeds, tom, "/commitments done"))[0]
    assert done.startswith("Commitments (1)") and "#2 " in done and "· done" in done
    mine = (await story.say(leeds, tom, "/commitments @tom_leeds"))[0]
    assert mine.startswith("Commitments (9)")


async def test_a_guessed_id_from_another_partnership_finds_nothing(
    api: LocalBotApi, story: Scenario, pair: tuple[City, City]
) -> None:
    hamburg, leeds = pair
    tom = api.add_user("Tom", username="tom_leeds")
    await announced(api, story, leeds, tom, "/commit the report is ready by friday", hamburg)
    cali, belfast = story.city("Cali", "es"), story.city("Belfast", "en")
    await story.setup(cali, "America/Bogota")
    await story.setup(belfast, "Europe/London")
    await story.partnership("Cali–Belfast", cali, belfast)
    assert "no commitment #1" in (await story.say(belfast, belfast.admin, "/done #1"))[0]
    assert "No commitments" in (await story.say(belfast, belfast.admin, "/commitments all"))[0]


async def test_restart_keeps_commitments_and_export_has_the_history(
    bot: RunningBot, api: LocalBotApi, story: Scenario, pair: tuple[City, City], capsys
) -> None:
    hamburg, leeds = pair
    tom = api.add_user("Tom", username="tom_leeds")
    await announced(api, story, leeds, tom, "/commit the report is ready by friday", hamburg)
    await announced(api, story, leeds, tom, "/done #1", hamburg)
    await bot.restart()
    assert "#1 " in (await story.say(hamburg, hamburg.admin, "/commitments all"))[0]
    await bot.stop()
    import os

    os.environ["BRIDGEBOT_DB"] = str(bot.settings.db_path)
    try:
        assert await asyncio.to_thread(main, ["db", "export", "--format", "json"]) == 0
        exported = json.loads(capsys.readouterr().out)
        assert await asyncio.to_thread(main, ["db", "export", "--format", "csv"]) == 0
        csv_text = capsys.readouterr().out
    finally:
        del os.environ["BRIDGEBOT_DB"]
    (commitment,) = exported["commitments"]
    assert commitment["status"] == "done" and [e["action"] for e in commitment["history"]] == ["created", "done"]
    assert csv_text.splitlines()[0].startswith("partnership,number,owner_name")
    assert len(csv_text.splitlines()) == 3


async def test_dates_beyond_ten_years_are_refused_and_store_nothing(
    bot: RunningBot, api: LocalBotApi, story: Scenario, pair: tuple[City, City]
) -> None:
    """`/commit … by 9999-12-31 23:00` was stored, crashed the command and, after a restart, the
    scheduler of every partnership; now it is a reply, in the group's language."""
    hamburg, leeds = pair
    tom = api.add_user("Tom", username="tom_leeds")
    answer = (await story.say(leeds, tom, "/commit poison by 9999-12-31 23:00"))[0]
    assert answer == "“9999-12-31 23:00” is too far away. Please give a date within the next 10 years."
    answer = (await story.say(hamburg, hamburg.admin, "/commit Gift bis 9999-12-31 23:00"))[0]
    assert answer.startswith("„9999-12-31 23:00“ liegt zu weit in der Zukunft")
    assert count_commitments(bot) == 0
    await announced(api, story, leeds, tom, "/commit the report is ready by friday", hamburg)
    assert "too far away" in (await story.say(leeds, tom, "/due #1 9999-12-31 23:00"))[0]
    assert "too far away" in (await story.say(leeds, leeds.admin, "/followup all 9999-12-31 23:00 poison"))[0]
    with sqlite3.connect(bot.settings.db_path) as db:
        assert db.execute("SELECT due_at FROM commitments").fetchall() == [("2026-11-27T23:59:00+00:00",)]
        assert db.execute("SELECT COUNT(*) FROM followups").fetchone() == (0,)


async def test_an_over_long_commit_is_refused_for_its_length_before_its_date_is_read(
    bot: RunningBot, api: LocalBotApi, story: Scenario, pair: tuple[City, City]
) -> None:
    _, leeds = pair
    tom = api.add_user("Tom", username="tom_leeds")
    answer = (await story.say(leeds, tom, "/commit " + "send the budget " * 40 + "by blorp"))[0]
    assert answer == "That is too long for a commitment: at most 500 characters."
    assert count_commitments(bot) == 0
