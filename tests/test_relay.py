"""Officers write in their own language; every partner group reads it in its own, nothing lost."""

from __future__ import annotations

import pytest

from bridgebot.localapi import LocalBotApi
from tests.conftest import City, RunningBot, Scenario


@pytest.fixture
async def trio(bot: RunningBot, story: Scenario) -> tuple[City, City, City]:
    """Two German groups and an English one: one translation must serve both German groups."""
    hamburg, leeds, dresden = story.city("Hamburg", "de"), story.city("Leeds", "en"), story.city("Dresden", "de")
    await story.setup(hamburg)
    await story.setup(leeds, "Europe/London")
    await story.setup(dresden)
    await story.partnership("Elbe–Aire", hamburg, leeds, dresden)
    return hamburg, leeds, dresden


async def post(api: LocalBotApi, source: City, user: dict, text: str, *targets: City, **kwargs) -> list[dict]:
    """Post in `source` and return the newest bot message in each target once it has arrived."""
    before = {t.id: len(api.sent(t.id)) for t in targets}
    api.send_text(source.id, user, text, **kwargs)
    return [(await api.wait_sent(t.id, before[t.id] + 1))[-1] for t in targets]


def entity(message: dict, kind: str) -> dict:
    return next(e for e in message.get("entities") or message.get("caption_entities") or [] if e["type"] == kind)


def cut(message: dict, e: dict) -> str:
    data = (message.get("text") or message.get("caption")).encode("utf-16-le")
    return data[2 * e["offset"] : 2 * (e["offset"] + e["length"])].decode("utf-16-le")


async def test_message_is_translated_both_ways_with_attribution_and_original(
    api: LocalBotApi, pair: tuple[City, City]
) -> None:
    hamburg, leeds = pair
    anna, tom = api.add_user("Anna", username="anna_hh"), api.add_user("Tom", username="tom_leeds")
    (copy,) = await post(api, hamburg, anna, "Die Brücke ist offen.", leeds)
    assert copy["text"] == "Anna · Hamburg\nThe bridge is open.\nDie Brücke ist offen."
    assert cut(copy, entity(copy, "bold")) == "Anna · Hamburg"
    assert cut(copy, entity(copy, "expandable_blockquote")) == "Die Brücke ist offen."
    (back,) = await post(api, leeds, tom, "See you tomorrow.", hamburg)
    assert back["text"] == "Tom · Leeds\nBis morgen.\nSee you tomorrow."


async def test_one_translation_per_language_and_same_language_untranslated(
    bot: RunningBot, api: LocalBotApi, trio: tuple[City, City, City]
) -> None:
    hamburg, leeds, dresden = trio
    tom, uwe = api.add_user("Tom"), api.add_user("Uwe")
    engine = bot.services.engine
    before = engine.messages_translated[("en", "de")]
    in_hamburg, in_dresden = await post(api, leeds, tom, "The report is ready.", hamburg, dresden)
    assert in_hamburg["text"] == in_dresden["text"] == "Tom · Leeds\nDer Bericht ist fertig.\nThe report is ready."
    assert engine.messages_translated[("en", "de")] == before + 1
    (same,) = await post(api, dresden, uwe, "Der Bericht ist fertig.", hamburg)
    assert same["text"] == "Uwe · Dresden\nDer Bericht ist fertig."
    assert not any(e["type"].endswith("blockquote") for e in same["entities"])


async def test_an_officer_writing_the_partners_language_is_understood(
    api: LocalBotApi, pair: tuple[City, City]
) -> None:
    hamburg, leeds = pair
    anna = api.add_user("Anna")
    (copy,) = await post(api, hamburg, anna, "See you tomorrow.", leeds)
    assert copy["text"] == "Anna · Hamburg\nSee you tomorrow."


async def test_relay_keeps_urls_mentions_hashtags_numbers_and_emoji(api: LocalBotApi, pair: tuple[City, City]) -> None:
    hamburg, leeds = pair
    tom = api.add_user("Tom")
    text = "Please read https://example.org/agenda?id=7 #elbe 👍"
    (copy,) = await post(api, leeds, tom, text, hamburg)
    assert copy["text"].split("\n")[1] == "Bitte lesen https://example.org/agenda?id=7 #elbe 👍"
    (copy,) = await post(api, leeds, tom, "@anna_hh We need 40 chairs 🪑", hamburg)
    assert copy["text"].split("\n")[1] == "@anna_hh Wir brauchen 40 stühle 🪑"


async def test_bold_text_stays_bold_on_the_translated_words(api: LocalBotApi, pair: tuple[City, City]) -> None:
    hamburg, leeds = pair
    tom = api.add_user("Tom")
    text = "The report is ready. The room is booked."
    bold = {"type": "bold", "offset": 21, "length": len("The room is booked.")}
    (copy,) = await post(api, leeds, tom, text, hamburg, entities=[bold])
    bolds = [cut(copy, e) for e in copy["entities"] if e["type"] == "bold"]
    assert "Der Raum ist gebucht." in bolds
    assert copy["text"].split("\n")[1] == "Der Bericht ist fertig. Der Raum ist gebucht."


async def test_edits_and_replies_follow_the_copies_also_after_a_restart(
    bot: RunningBot, api: LocalBotApi, story: Scenario, pair: tuple[City, City]
) -> None:
    hamburg, leeds = pair
    anna, tom = api.add_user("Anna"), api.add_user("Tom")
    api.send_text(hamburg.id, anna, "Das Treffen ist am Freitag.")
    original = api.world.messages[hamburg.id][max(api.world.messages[hamburg.id])]
    copy = (await api.wait_sent(leeds.id, len(api.sent(leeds.id)) + 1))[-1]
    await bot.restart()
    (answer,) = await post(api, leeds, tom, "Thank you very much!", hamburg, reply_to=copy["message_id"])
    assert answer["reply_to_message"]["message_id"] == original["message_id"]
    api.edit_text(hamburg.id, original["message_id"], "Der Bericht ist fertig.")
    await api.wait_for(lambda: "The report is ready." in api.world.messages[leeds.id][copy["message_id"]]["text"])
    (reply,) = await post(api, hamburg, anna, "Vielen Dank!", leeds, reply_to=answer["message_id"])
    (toms,) = [m for m in api.world.messages[leeds.id].values() if m.get("from", {}).get("id") == tom["id"]]
    assert reply["reply_to_message"]["message_id"] == toms["message_id"]


async def test_unsend_deletes_the_copies(api: LocalBotApi, story: Scenario, pair: tuple[City, City]) -> None:
    hamburg, leeds = pair
    anna, olaf = api.add_user("Anna"), api.add_user("Olaf")
    (copy,) = await post(api, hamburg, anna, "Guten Morgen!", leeds)
    mine = max(api.world.messages[hamburg.id])
    refused = await story.say(hamburg, olaf, "/unsend", reply_to=mine)
    assert "Nur wer die Nachricht geschrieben hat" in refused[0]
    before = len(api.sent(hamburg.id))
    api.send_text(hamburg.id, anna, "/unsend", reply_to=mine)
    report = (await api.wait_sent(hamburg.id, before + 1))[-1]
    assert report["text"] == "🗑 Die Kopien wurden gelöscht in: Leeds."
    assert copy["message_id"] not in api.world.messages[leeds.id]


async def test_captions_are_translated_and_stickers_copied_with_attribution(
    api: LocalBotApi, pair: tuple[City, City]
) -> None:
    hamburg, leeds = pair
    anna = api.add_user("Anna")
    before = len(api.sent(leeds.id))
    api.send_photo(hamburg.id, anna, caption="Das Festival beginnt heute.")
    photo = (await api.wait_sent(leeds.id, before + 1))[-1]
    assert "photo" in photo
    assert photo["caption"] == "Anna · Hamburg\nThe festival starts today.\nDas Festival beginnt heute."
    api.send_sticker(hamburg.id, anna)
    header, sticker = (await api.wait_sent(leeds.id, before + 3))[-2:]
    assert header["text"] == "Anna · Hamburg" and "sticker" in sticker


async def test_long_translation_is_split_not_cut(api: LocalBotApi, pair: tuple[City, City]) -> None:
    hamburg, leeds = pair
    tom = api.add_user("Tom")
    text = " ".join(["The report is ready."] * 180)  # ~3800 characters; the copy adds translation + original
    before = len(api.sent(leeds.id))
    api.send_text(leeds.id, tom, text)

    def copy_parts() -> list[dict]:
        return [m for m in api.sent(hamburg.id) if "Tom · Leeds" in m["text"] or "Bericht" in m["text"]]

    await api.wait_for(lambda: "\n".join(p["text"] for p in copy_parts()).count("The report is ready.") >= 180, 60)
    parts = copy_parts()
    assert len(parts) >= 2 and all(len(p["text"].encode("utf-16-le")) // 2 <= 4096 for p in parts)
    joined = "\n".join(p["text"] for p in parts)
    assert joined.count("Der Bericht ist fertig.") == 180
    assert joined.count("The report is ready.") == 180
    assert before == len(api.sent(leeds.id))


async def test_flood_control_in_one_group_does_not_hold_back_the_others(
    api: LocalBotApi, trio: tuple[City, City, City]
) -> None:
    hamburg, leeds, dresden = trio
    tom = api.add_user("Tom")
    api.fail("sendMessage", 429, retry_after=1, chat_id=hamburg.id, times=None)  # Hamburg stays flooded
    before = {c.id: len(api.sent(c.id)) for c in (hamburg, dresden)}
    tried = len(api.calls_of("sendMessage", hamburg.id))
    api.send_text(leeds.id, tom, "Good morning!")
    await api.wait_sent(dresden.id, before[dresden.id] + 1)
    await api.wait_for(lambda: len(api.calls_of("sendMessage", hamburg.id)) >= tried + 2)  # refused, retried
    assert api.texts(dresden.id)[-1] == "Tom · Leeds\nGuten Morgen!\nGood morning!"
    assert len(api.sent(hamburg.id)) == before[hamburg.id]


async def test_server_errors_are_retried_until_the_copy_arrives(api: LocalBotApi, pair: tuple[City, City]) -> None:
    hamburg, leeds = pair
    tom = api.add_user("Tom")
    api.fail("sendMessage", 502, chat_id=hamburg.id, times=2)
    (copy,) = await post(api, leeds, tom, "Thank you very much!", hamburg)
    assert copy["text"] == "Tom · Leeds\nVielen Dank!\nThank you very much!"
    assert sum(1 for t in api.texts(hamburg.id) if t.startswith("Tom · Leeds")) == 1


async def test_bots_commands_and_service_messages_are_never_relayed(
    api: LocalBotApi, story: Scenario, pair: tuple[City, City]
) -> None:
    hamburg, leeds = pair
    other_bot = {"id": 555, "is_bot": True, "first_name": "Weather", "username": "weather_bot"}
    before = len(api.sent(leeds.id))
    api.send_text(hamburg.id, other_bot, "Sonnig, 20 Grad")
    await story.say(hamburg, hamburg.admin, "/contacts")
    api.send_text(hamburg.id, hamburg.admin, "/unknown_to_us@some_other_bot hallo")
    (marker,) = await post(api, hamburg, api.add_user("Anna"), "Danke", leeds)
    assert len(api.sent(leeds.id)) == before + 1 and "Danke" in marker["text"]


async def test_anonymous_admin_is_relayed_as_the_city(api: LocalBotApi, pair: tuple[City, City]) -> None:
    hamburg, leeds = pair
    before = len(api.sent(leeds.id))
    api.anonymous_admin_text(hamburg.id, "Guten Morgen!")
    copy = (await api.wait_sent(leeds.id, before + 1))[-1]
    assert copy["text"].startswith("Hamburg partner group · Hamburg\nGood morning!")


@pytest.mark.parametrize(
    "text",
    [
        "x" * 5000,
        "👍🎉🇩🇪",
        "https://example.org/only-a-link",
        "مرحبا بكم في هامبورغ",
        "Guten\u200b Morgen\u200f!",
        "'; DROP TABLE groups; --",
    ],
)
async def test_odd_input_keeps_the_bot_relaying(api: LocalBotApi, pair: tuple[City, City], text: str) -> None:
    hamburg, leeds = pair
    anna = api.add_user("Anna")
    before = len(api.sent(leeds.id))
    api.send_text(hamburg.id, anna, text)
    api.send_text(hamburg.id, anna, "Guten Morgen!")
    await api.wait_for(lambda: api.texts(leeds.id)[-1:] == ["Anna · Hamburg\nGood morning!\nGuten Morgen!"])
    relayed = "\n".join(api.texts(leeds.id)[before:-1])
    assert relayed.startswith("Anna · Hamburg")
    if any(c.isalpha() for c in text):
        assert text.replace("\u200b", "").replace("\u200f", "")[:20] in relayed.replace("\u200b", "").replace(
            "\u200f", ""
        )


async def test_glossary_terms_pass_through_or_take_their_translation(
    api: LocalBotApi, story: Scenario, pair: tuple[City, City]
) -> None:
    hamburg, leeds = pair
    tom = api.add_user("Tom")
    added = await story.say(leeds, leeds.admin, "/glossary add the port project de=HafenCity")
    assert "HafenCity" in added[0]
    (copy,) = await post(api, leeds, tom, "the port project is late", hamburg)
    assert copy["text"].split("\n")[1].startswith("HafenCity")
    listing = await story.say(hamburg, hamburg.admin, "/glossary")
    assert "the port project (de=HafenCity)" in listing[0]
    refused = await story.say(leeds, tom, "/glossary remove the port project")
    assert "Only a coordinator" in refused[0]
    assert "removed" in (await story.say(leeds, leeds.admin, "/glossary remove the port project"))[0]


async def test_forum_topic_name_is_in_the_attribution(api: LocalBotApi, story: Scenario, bot: RunningBot) -> None:
    hamburg, leeds = story.city("Hamburg", "de"), story.city("Leeds", "en")
    hamburg.chat["is_forum"] = True
    await story.setup(hamburg)
    await story.setup(leeds, "Europe/London")
    await story.partnership("Hamburg–Leeds", hamburg, leeds)
    anna = api.add_user("Anna")
    thread = api.forum_topic_created(hamburg.id, anna, "Budget")
    (copy,) = await post(api, hamburg, anna, "Guten Morgen!", leeds, message_thread_id=thread)
    assert copy["text"].startswith("Anna · Hamburg › Budget\nGood morning!")
    assert "message_thread_id" not in copy


async def test_a_group_that_removed_the_bot_stops_receiving_and_partners_are_told_once(
    bot: RunningBot, api: LocalBotApi, trio: tuple[City, City, City]
) -> None:
    hamburg, leeds, dresden = trio
    tom = api.add_user("Tom")
    api.world.kicked.add(dresden.id)  # removed without the bot noticing (no update arrived)
    before = {c.id: len(api.sent(c.id)) for c in (hamburg, leeds)}
    api.send_text(leeds.id, tom, "Good morning!")
    api.send_text(leeds.id, tom, "Thank you very much!")
    await api.wait_for(lambda: any("Dresden" in t for t in api.texts(hamburg.id)[before[hamburg.id] :]))
    await api.wait_sent(hamburg.id, before[hamburg.id] + 3)
    await bot.services.outbox.idle()  # both messages tried in Dresden: a second warning would be sent by now
    warnings = [t for t in api.texts(hamburg.id) if t.startswith("⚠️")]
    assert len(warnings) == 1 and "Dresden" in warnings[0]
    assert len([t for t in api.texts(leeds.id) if t.startswith("⚠️")]) == 1


async def test_pairs_without_a_direct_model_pivot_through_english_and_say_so(
    api: LocalBotApi, story: Scenario, bot: RunningBot
) -> None:
    hamburg, guadalajara = story.city("Hamburg", "de"), story.city("Guadalajara", "es")
    await story.setup(hamburg)
    await story.setup(guadalajara, "America/Mexico_City")
    await story.partnership("Hamburg–Guadalajara", hamburg, guadalajara)
    (copy,) = await post(api, hamburg, api.add_user("Anna"), "Guten Morgen!", guadalajara)
    lines = copy["text"].split("\n")
    assert lines[1] == "¡Buenos días!"
    assert "inglés" in lines[2].lower() or "english" in lines[2].lower()
    assert lines[3] == "Guten Morgen!"
