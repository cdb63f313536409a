"""Telegram's errors, each blamed on what it is about: one refused copy never silences a group, a
refused token loses nothing, and a send that may have arrived is not posted again and again.

The error texts are the real server's (see the review of 2026-12-06 and the citations in
bridgebot/localapi and bridgebot/adapters/telegram.py)."""

from __future__ import annotations

import aiohttp
import httpx
import pytest
from telegram.error import BadRequest, Forbidden, InvalidToken, NetworkError, TelegramError, TimedOut

from bridgebot import metrics
from bridgebot.adapters.telegram import _classify
from bridgebot.localapi import LocalBotApi
from bridgebot.services.delivery import (
    MAX_UNCERTAIN,
    AlreadyDone,
    Permanent,
    Refused,
    Rejected,
    Transient,
    Unauthorized,
    Uncertain,
)
from tests.conftest import TOKEN, City, RunningBot, replace
from tests.ports import free_port
from tests.test_relay import entity, post

NEW_TOKEN = "123456:NEW-token-bbbbbbbbbbbbbbbbbbbbbbbb"


def _copies_of(api: LocalBotApi, chat_id: int, words: str) -> int:
    return sum(1 for text in api.texts(chat_id) if words in text)


async def _still_relaying(api: LocalBotApi, bot: RunningBot, source: City, target: City) -> None:
    """The target is not marked broken and a later text from the source reaches it."""
    (copy,) = await post(api, source, api.add_user("Uwe"), "Der Bericht ist fertig.", target)
    assert "The report is ready." in copy["text"]
    assert await bot.services.repo.relay_broken(target.id) is None


@pytest.mark.parametrize(
    "refuse",
    [
        lambda api, leeds: api.set_permissions(leeds.id, can_send_other_messages=False),
        lambda api, leeds: api.fail(
            "copyMessage", 403, description="Forbidden: CHAT_SEND_STICKERS_FORBIDDEN", chat_id=leeds.id, times=None
        ),
    ],
    ids=["not enough rights to send stickers", "CHAT_SEND_STICKERS_FORBIDDEN"],
)
async def test_a_group_that_refuses_stickers_loses_only_the_sticker(
    bot: RunningBot, api: LocalBotApi, pair: tuple[City, City], refuse
) -> None:
    hamburg, leeds = pair
    refuse(api, leeds)
    anna = api.add_user("Anna")
    for refused in (1, 2):  # the partners are told once per kind, not per sticker
        api.send_sticker(hamburg.id, anna)
        await api.wait_for(lambda n=refused: sum(c.failed for c in api.calls_of("copyMessage", leeds.id)) == n)
        await _still_relaying(api, bot, hamburg, leeds)
    told = [t for t in api.texts(hamburg.id) if t.startswith("ℹ️")]
    assert told == [
        "ℹ️ Leeds erlaubt keine Sticker; solche Inhalte werden deshalb nicht dorthin übertragen."
        " Ein Admin dieser Gruppe kann sie in den Gruppenberechtigungen erlauben."
    ]


async def test_a_group_where_the_bot_cannot_write_at_all_stops_receiving(
    bot: RunningBot, api: LocalBotApi, pair: tuple[City, City]
) -> None:
    hamburg, leeds = pair
    api.fail("sendMessage", 403, description="Forbidden: CHAT_WRITE_FORBIDDEN", chat_id=leeds.id)
    told = len(api.sent(hamburg.id))
    api.send_text(hamburg.id, api.add_user("Anna"), "Die Brücke ist offen.")
    (notice,) = (await api.wait_sent(hamburg.id, told + 1))[told:]  # the partners are told
    assert "Leeds" in notice["text"]
    assert "CHAT_WRITE_FORBIDDEN" in await bot.services.repo.relay_broken(leeds.id)


@pytest.mark.parametrize(
    "status, description, parameters",
    [
        (403, "Forbidden: bot was kicked from the supergroup chat", None),
        (400, "Bad Request: chat not found", None),
        (400, "Bad Request: group chat was upgraded to a supergroup chat", {"migrate_to_chat_id": -100999}),
    ],
    ids=["kicked from the source", "source gone", "source upgraded"],
)
async def test_an_error_about_the_copys_source_never_breaks_the_target(
    bot: RunningBot, api: LocalBotApi, pair: tuple[City, City], status: int, description: str, parameters
) -> None:
    """copyMessage checks from_chat_id first and answers in the same words as for chat_id."""
    hamburg, leeds = pair
    api.fail("copyMessage", status, description=description, parameters=parameters, from_chat_id=hamburg.id)
    api.send_sticker(hamburg.id, api.add_user("Anna"))
    await api.wait_for(lambda: any(c.failed for c in api.calls_of("copyMessage", leeds.id)))
    await _still_relaying(api, bot, hamburg, leeds)
    assert await bot.services.repo.group(leeds.id) is not None  # not "moved" to the source's new id


async def test_a_refused_token_loses_nothing_and_delivery_resumes_with_a_new_one(
    bot: RunningBot, api: LocalBotApi, pair: tuple[City, City]
) -> None:
    hamburg, leeds = pair
    bot.settings = replace(bot.settings, health_port=free_port())
    await bot.restart()
    refused_before = metrics.telegram_unauthorized.value()
    api.fail("sendMessage", 429, retry_after=2, chat_id=leeds.id)  # holds the copy back a moment
    api.send_text(hamburg.id, api.add_user("Anna"), "Die Brücke ist offen.")
    await api.wait_for(lambda: api.calls_of("sendMessage", leeds.id)[-1].failed)
    api.revoke_token(TOKEN)  # the owner revoked it in @BotFather
    await api.wait_for(lambda: api.calls_of("sendMessage", leeds.id)[-1].error == "Unauthorized", timeout=15)
    # Re-checked at each of the bot's calls: its polling keeps asking (and being refused) too.
    await api.wait_for(lambda: metrics.telegram_unauthorized.value() == refused_before + 1)
    assert await bot.services.repo.outbox_depth() >= 1  # still pending, not dropped
    url = f"http://127.0.0.1:{bot.settings.health_port}/readyz"
    async with aiohttp.ClientSession() as session, session.get(url) as response:
        assert response.status == 503 and "token refused" in (await response.json())["checks"]["telegram"]
    before = len(api.sent(leeds.id))
    bot.settings = replace(bot.settings, token=NEW_TOKEN)
    await bot.restart()
    await api.wait_sent(leeds.id, before + 1, timeout=15)
    assert _copies_of(api, leeds.id, "The bridge is open.") == 1


async def test_a_send_that_times_out_after_arriving_is_tried_only_a_few_times(
    bot: RunningBot, api: LocalBotApi, pair: tuple[City, City]
) -> None:
    hamburg, leeds = pair
    bot.settings = replace(bot.settings, telegram_timeout=1)
    await bot.restart()
    dropped_before = metrics.copies_dropped.value(reason="uncertain")
    # Telegram posts each try, but its answer comes after the bot stopped waiting for it.
    api.delay("sendMessage", 3, chat_id=leeds.id, times=MAX_UNCERTAIN, after=True)
    api.send_text(hamburg.id, api.add_user("Anna"), "Die Brücke ist offen.")
    await api.wait_for(lambda: _copies_of(api, leeds.id, "The bridge is open.") == MAX_UNCERTAIN, timeout=30)
    (later,) = await post(api, hamburg, api.add_user("Uwe"), "Der Bericht ist fertig.", leeds)
    assert "The report is ready." in later["text"]  # the group's queue moved on
    assert _copies_of(api, leeds.id, "The bridge is open.") == MAX_UNCERTAIN
    assert metrics.copies_dropped.value(reason="uncertain") == dropped_before + 1


async def test_a_message_telegram_deleted_right_after_sending_counts_as_sent(
    api: LocalBotApi, pair: tuple[City, City]
) -> None:
    hamburg, leeds = pair
    api.fail(
        "sendMessage", 500, description="Internal Server Error: sent message was immediately deleted", chat_id=leeds.id
    )
    api.send_text(hamburg.id, api.add_user("Anna"), "Die Brücke ist offen.")
    await api.wait_for(lambda: any(c.failed for c in api.calls_of("sendMessage", leeds.id)))
    (later,) = await post(api, hamburg, api.add_user("Uwe"), "Der Bericht ist fertig.", leeds)
    assert "The report is ready." in later["text"]
    tries = [c for c in api.calls_of("sendMessage", leeds.id) if "The bridge is open." in c.params.get("text", "")]
    assert len(tries) == 1  # never posted again


async def test_a_date_time_entity_arrives_with_its_time(api: LocalBotApi, pair: tuple[City, City]) -> None:
    """The real server refuses a date_time entity without unix_time; so does the local one."""
    hamburg, leeds = pair
    text = "Der Bericht ist fertig."
    dated = {"type": "date_time", "offset": 0, "length": len(text), "unix_time": 1767261600, "date_time_format": "t"}
    (copy,) = await post(api, hamburg, api.add_user("Anna"), text, leeds, entities=[dated])
    relayed = entity(copy, "date_time")
    assert (relayed["unix_time"], relayed["date_time_format"]) == (1767261600, "t")


@pytest.mark.parametrize(
    "error, outcome",
    [
        (BadRequest("Bad Request: not enough rights to send text messages to the chat"), Permanent),
        (BadRequest("Bad Request: have no write access to the chat"), Permanent),
        (BadRequest("Bad Request: USER_BANNED_IN_CHANNEL"), Permanent),
        (BadRequest("Bad Request: CHAT_SEND_PLAIN_FORBIDDEN"), Permanent),
        (Forbidden("Forbidden: the group chat was deleted"), Permanent),
        (BadRequest("Bad Request: not enough rights to send polls to the chat"), Refused),
        (BadRequest("Bad Request: not enough rights to send voice notes to the chat"), Refused),
        (Forbidden("Forbidden: CHAT_SEND_MEDIA_FORBIDDEN"), Refused),
        (BadRequest("Bad Request: TOPIC_CLOSED"), Rejected),
        (NetworkError("Bad Gateway (502). Parsing the server response failed"), Transient),
        (NetworkError("Gateway Timeout (504). Parsing the server response failed"), Uncertain),
        (NetworkError("Internal Server Error: restart"), Uncertain),
        (NetworkError("Internal Server Error: sent message was immediately deleted"), AlreadyDone),
        (InvalidToken("Unauthorized"), Unauthorized),
    ],
    ids=str,
)
def test_each_telegram_error_means_what_telegram_means(error: TelegramError, outcome: type) -> None:
    assert type(_classify(error)) is outcome


def test_a_timeout_before_telegram_saw_the_request_is_safe_to_repeat() -> None:
    def timed_out(cause: Exception) -> TimedOut:
        try:
            raise TimedOut from cause
        except TimedOut as error:
            return error

    assert type(_classify(timed_out(httpx.ConnectTimeout("no route")))) is Transient
    assert type(_classify(timed_out(httpx.ReadTimeout("no answer")))) is Uncertain
