"""The local Bot API server against the real python-telegram-bot: a Bot and an Application that
polls (or takes webhooks) exactly as in production, only with base_url pointing at loopback."""

from __future__ import annotations

import asyncio
import re
import socket
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta

import pytest
from aiohttp import web
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, MessageEntity, ReplyParameters, Update
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Conflict,
    EndPointNotFound,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TimedOut,
)
from telegram.ext import (
    Application,
    ApplicationBuilder,
    BaseHandler,
    CallbackQueryHandler,
    ChatMemberHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bridgebot.localapi import ANONYMOUS_ADMIN, LocalBotApi

TOKEN = "123456:LOCAL-api-test-token-aaaaaaaaaaaa"


@pytest.fixture
async def api() -> AsyncIterator[LocalBotApi]:
    """With the token set, so that a wrong one is refused as Telegram refuses it."""
    async with LocalBotApi(token=TOKEN) as server:
        yield server


@pytest.fixture
async def tg(api: LocalBotApi) -> AsyncIterator[Bot]:
    async with Bot(TOKEN, base_url=api.base_url, base_file_url=api.file_base_url) as bot:
        yield bot


def says(description: str) -> re.Pattern[str]:
    """Telegram's words as python-telegram-bot shows them: "Bad Request: chat not found" becomes
    "Chat not found"."""
    return re.compile(re.escape(description), re.IGNORECASE)


def _application(api: LocalBotApi, handlers: tuple[BaseHandler, ...]) -> Application:
    application = ApplicationBuilder().token(TOKEN).base_url(api.base_url).base_file_url(api.file_base_url).build()
    for handler in handlers:
        application.add_handler(handler)
    return application


@asynccontextmanager
async def polling(api: LocalBotApi, *handlers: BaseHandler) -> AsyncIterator[Application]:
    """A real Application polling in this event loop: initialize, start, start_polling; then stop."""
    async with _application(api, handlers) as application:
        await application.start()
        await application.updater.start_polling(poll_interval=0, timeout=1, allowed_updates=Update.ALL_TYPES)
        try:
            yield application
        finally:
            await application.updater.stop()
            await application.stop()


class Seen:
    """Updates a handler received, awaitable."""

    def __init__(self) -> None:
        self.updates: list[Update] = []
        self.changed = asyncio.Event()

    async def __call__(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        self.updates.append(update)
        self.changed.set()

    async def wait(self, count: int = 1) -> list[Update]:
        async with asyncio.timeout(2):
            while len(self.updates) < count:
                self.changed.clear()
                await self.changed.wait()
        return self.updates


# --- the bot, polling, webhooks -------------------------------------------------------------------


async def test_application_starts_against_the_local_server(api: LocalBotApi) -> None:
    async with polling(api) as application:
        await api.wait_for(lambda: api.calls_of("getUpdates"))
        assert application.bot.username == "bridge_test_bot"
        me = await application.bot.get_me()
        assert me.is_bot and me.can_join_groups and me.can_read_all_group_messages
    methods = [call.method for call in api.calls]
    # initialize() asks getMe; start_polling() deletes any webhook, then long-polls; stop() confirms.
    assert methods[:3] == ["getMe", "deleteWebhook", "getUpdates"]
    assert api.calls[-1].method == "getUpdates" and api.calls[-1].params["timeout"] == 0


async def test_a_handler_answers_a_group_message_with_a_reply(api: LocalBotApi) -> None:
    group, anna = api.add_group("Hamburg"), api.add_user("Anna", "anna_hh")

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.effective_message.reply_text(f"heard: {update.effective_message.text}")

    async with polling(api, MessageHandler(filters.TEXT, echo)):
        said = api.send_text(group["id"], anna, "Moin")
        (reply,) = await api.wait_sent(group["id"], timeout=2)
    assert reply["text"] == "heard: Moin" and reply["reply_to"] == said["message_id"]
    assert reply["from"]["id"] == api.bot["id"] and reply["method"] == "sendMessage"
    assert isinstance(reply["date"], int) and reply["date"] <= time.time() + 1  # seconds, not milliseconds
    assert [m["text"] for m in api.messages(group["id"])] == ["Moin", "heard: Moin"]
    assert [m["message_id"] for m in api.messages(group["id"])] == [1, 2]


async def test_long_poll_answers_as_soon_as_an_update_arrives(api: LocalBotApi, tg: Bot) -> None:
    group, anna = api.add_group("Leeds"), api.add_user("Anna")
    poll = asyncio.create_task(tg.get_updates(timeout=3600))
    await api.wait_for(lambda: api.calls_of("getUpdates"))
    api.send_text(group["id"], anna, "hello")
    (update,) = await asyncio.wait_for(poll, 60)  # far sooner than the hour the poll may last
    assert update.message.text == "hello" and update.message.chat.id == group["id"]
    again = await tg.get_updates(timeout=0)  # not confirmed yet: delivered again
    assert [u.update_id for u in again] == [update.update_id]
    assert await tg.get_updates(offset=update.update_id + 1, timeout=0) == ()


async def test_offset_limit_and_allowed_updates(api: LocalBotApi, tg: Bot) -> None:
    group, anna, olaf, uwe = api.add_group("Dresden"), api.add_user("Anna"), api.add_user("Olaf"), api.add_user("Uwe")
    api.set_admin(group["id"], api.bot["id"])
    for number in range(3):
        api.send_text(group["id"], anna, f"message {number}")
    first, second = await tg.get_updates(limit=2, timeout=0)
    assert second.update_id == first.update_id + 1
    (last,) = await tg.get_updates(offset=-1, timeout=0)  # the last one; the earlier ones are forgotten
    assert last.message.text == "message 2" and await tg.get_updates(timeout=0) == (last,)
    api.add_member(group["id"], olaf)
    (joined,) = await tg.get_updates(offset=last.update_id + 1, timeout=0)  # chat_member is opt-in
    assert joined.message.new_chat_members[0].id == olaf["id"]
    await tg.get_updates(offset=joined.update_id + 1, timeout=0, allowed_updates=["message", "chat_member"])
    api.add_member(group["id"], uwe)
    member, service = await tg.get_updates(timeout=0)
    assert (
        member.chat_member.new_chat_member.user.id == uwe["id"] and member.chat_member.old_chat_member.status == "left"
    )
    assert service.message.new_chat_members[0].id == uwe["id"]


async def test_a_second_bot_instance_ends_the_first_long_poll_with_conflict(api: LocalBotApi, tg: Bot) -> None:
    first = asyncio.create_task(tg.get_updates(timeout=5))
    await api.wait_for(lambda: api.calls_of("getUpdates"))
    async with Bot(TOKEN, base_url=api.base_url) as second_instance:
        assert await second_instance.get_updates(timeout=0) == ()
    with pytest.raises(Conflict, match=says("terminated by other getUpdates request")):
        await asyncio.wait_for(first, 2)


async def test_webhook_of_a_real_application_receives_updates(api: LocalBotApi, tg: Bot) -> None:
    group, anna = api.add_group("Guadalajara"), api.add_user("Ana")

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.effective_message.reply_text("recibido")

    port = _free_port()
    async with _application(api, (MessageHandler(filters.TEXT, echo),)) as application:
        await application.start()
        url = f"http://127.0.0.1:{port}/hook"
        await application.updater.start_webhook("127.0.0.1", port, "hook", webhook_url=url, secret_token="s3cr3t")
        try:
            info = await tg.get_webhook_info()
            assert info.url == url and info.pending_update_count == 0
            with pytest.raises(Conflict, match=says("webhook is active")):
                await tg.get_updates()
            api.send_text(group["id"], anna, "hola")
            (reply,) = await api.wait_sent(group["id"], timeout=2)
            assert reply["text"] == "recibido"
        finally:
            await application.updater.stop()
            await application.stop()


async def test_webhook_delivery_is_retried_with_the_secret_header(api: LocalBotApi, tg: Bot) -> None:
    group, anna = api.add_group("Cali"), api.add_user("Ana")
    received: list[tuple[str | None, dict]] = []

    async def receive(request: web.Request) -> web.Response:
        received.append((request.headers.get("X-Telegram-Bot-Api-Secret-Token"), await request.json()))
        return web.Response(status=500 if len(received) <= 2 else 200)

    app = web.Application()
    app.router.add_post("/hook", receive)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    try:
        url = f"http://127.0.0.1:{runner.addresses[0][1]}/hook"
        assert await tg.set_webhook(url, secret_token="abc_123")
        message = api.send_text(group["id"], anna, "hola")
        await api.wait_for(lambda: len(received) == 3, timeout=10)
        # Updates of one chat go out in order: had the 2xx not confirmed the first, it would come again
        # before this one.
        later = api.send_text(group["id"], anna, "adiós")
        await api.wait_for(lambda: len(received) == 4, timeout=10)
        assert [secret for secret, _ in received] == ["abc_123"] * 4
        delivered = [body["message"]["message_id"] for _, body in received]
        assert delivered == [message["message_id"]] * 3 + [later["message_id"]]
        info = await tg.get_webhook_info()
        assert info.pending_update_count == 0 and "500" in info.last_error_message
        assert await tg.delete_webhook()
        assert (await tg.get_webhook_info()).url == ""
    finally:
        await runner.cleanup()
    assert len(received) == 4


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# --- updates the world sends ------------------------------------------------------------------------


async def test_edits_members_migration_buttons_arrive_as_telegram_sends_them(api: LocalBotApi) -> None:
    group, anna = api.add_group("Belfast", type="group"), api.add_user("Anna")
    seen = Seen()
    handlers = (
        MessageHandler(filters.ALL, seen),
        ChatMemberHandler(seen, ChatMemberHandler.MY_CHAT_MEMBER),
        CallbackQueryHandler(seen),
    )
    async with polling(api, *handlers) as application:
        said = api.send_text(group["id"], anna, "Guten Tag")
        api.edit_text(group["id"], said["message_id"], "Guten Morgen")
        new_id = api.migrate_to_supergroup(group["id"], anna)
        api.remove_bot(new_id, anna)
        await seen.wait(5)
        with pytest.raises(Forbidden, match=says("bot was kicked from the supergroup chat")):
            await application.bot.send_message(new_id, "still here?")
        api.add_bot(new_id, anna)
        buttons = InlineKeyboardMarkup([[InlineKeyboardButton("next", callback_data="page:2")]])
        page = await application.bot.send_message(new_id, "page 1", reply_markup=buttons)
        api.press_button(new_id, page.message_id, anna, "page:2")
        updates = await seen.wait(8)
        assert await updates[-1].callback_query.answer("ok")
        with pytest.raises(BadRequest, match=says("query is too old")):
            await updates[-1].callback_query.answer("twice")
        with pytest.raises(ChatMigrated) as moved:
            await application.bot.send_message(group["id"], "hello?")
    assert moved.value.new_chat_id == new_id
    message, edited, upgraded, created, kicked, added, joined, pressed = updates
    assert edited.edited_message.text == "Guten Morgen" and edited.edited_message.edit_date is not None
    assert upgraded.message.migrate_to_chat_id == new_id and created.message.migrate_from_chat_id == group["id"]
    assert (kicked.my_chat_member.old_chat_member.status, kicked.my_chat_member.new_chat_member.status) == (
        "member",
        "kicked",
    )
    assert added.my_chat_member.new_chat_member.status == "member"
    assert joined.message.new_chat_members[0].id == api.bot["id"]
    assert pressed.callback_query.data == "page:2" and pressed.callback_query.message.message_id == page.message_id
    assert message.message.text == "Guten Tag"


async def test_media_anonymous_admins_and_topics(api: LocalBotApi, tg: Bot) -> None:
    forum, anna = api.add_group("Hangzhou", is_forum=True), api.add_user("Anna")
    thread = api.forum_topic_created(forum["id"], anna, "Budget")
    api.send_photo(forum["id"], anna, caption="Festival")
    api.send_document(forum["id"], anna)
    api.send_voice(forum["id"], anna)
    api.send_sticker(forum["id"], anna, emoji="🎉")
    api.send_location(forum["id"], anna, 53.55, 9.99)
    api.anonymous_admin_text(forum["id"], "from the city")
    api.send_text(forum["id"], anna, "in the topic", message_thread_id=thread)
    topic, photo, document, voice, sticker, location, anonymous, in_topic = [
        u.message for u in await tg.get_updates(timeout=0)
    ]
    assert topic.forum_topic_created.name == "Budget" and topic.message_thread_id == thread
    assert photo.photo[-1].file_id and photo.caption == "Festival"
    assert document.document.file_name == "agenda.pdf" and voice.voice.duration in (3, timedelta(seconds=3))
    assert sticker.sticker.emoji == "🎉" and location.location.latitude == 53.55
    assert anonymous.from_user.id == ANONYMOUS_ADMIN["id"] and anonymous.sender_chat.id == forum["id"]
    assert in_topic.is_topic_message and in_topic.reply_to_message.message_id == thread
    sent = await tg.send_message(forum["id"], "answer", message_thread_id=thread)
    assert sent.message_thread_id == thread and sent.reply_to_message.forum_topic_created.name == "Budget"
    with pytest.raises(BadRequest, match=says("message thread not found")):
        await tg.send_message(forum["id"], "lost", message_thread_id=999)


async def test_privacy_mode_hides_ordinary_group_messages() -> None:
    async with LocalBotApi(privacy_mode=True) as api, Bot(TOKEN, base_url=api.base_url) as tg:
        group, anna = api.add_group("Medellín"), api.add_user("Ana")
        assert not (await tg.get_me()).can_read_all_group_messages
        api.send_text(group["id"], anna, "just chatting")
        api.send_text(group["id"], anna, "/help@bridge_test_bot")
        api.send_text(group["id"], anna, "/help@some_other_bot")
        assert [u.message.text for u in await tg.get_updates(timeout=0)] == ["/help@bridge_test_bot"]


async def test_a_failing_webhook_delivery_holds_back_only_its_own_chat(api: LocalBotApi, tg: Bot) -> None:
    cali, leeds, ana = api.add_group("Cali"), api.add_group("Leeds"), api.add_user("Ana")
    accepted: list[str] = []
    refusals = 2

    async def receive(request: web.Request) -> web.Response:
        nonlocal refusals
        message = (await request.json())["message"]
        if message["chat"]["id"] == cali["id"] and refusals:
            refusals -= 1
            return web.Response(status=500)
        accepted.append(message["text"])
        return web.Response()

    app = web.Application()
    app.router.add_post("/hook", receive)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    try:
        assert await tg.set_webhook(f"http://127.0.0.1:{runner.addresses[0][1]}/hook")
        for chat, text in ((cali, "cali 1"), (cali, "cali 2"), (leeds, "leeds 1")):
            api.send_text(chat["id"], ana, text)
        await api.wait_for(lambda: len(accepted) == 3, timeout=5)
        # Leeds went ahead while Cali waited out its failures; Cali's own order held.
        assert accepted == ["leeds 1", "cali 1", "cali 2"]
    finally:
        await tg.delete_webhook()
        await runner.cleanup()


# --- sending, editing, deleting ------------------------------------------------------------------------


async def test_telegram_errors_for_bad_sends(api: LocalBotApi, tg: Bot) -> None:
    group, anna = api.add_group("Leeds"), api.add_user("Anna")
    said = api.send_text(group["id"], anna, "hi")
    with pytest.raises(BadRequest, match=says("chat not found")):
        await tg.send_message(-42, "nobody")
    with pytest.raises(Forbidden, match=says("can't initiate conversation")):
        await tg.send_message(anna["id"], "hi Anna")
    with pytest.raises(BadRequest, match=says("message to be replied not found")):
        await tg.send_message(group["id"], "re", reply_parameters=ReplyParameters(999))
    alone = await tg.send_message(
        group["id"], "re", reply_parameters=ReplyParameters(999, allow_sending_without_reply=True)
    )
    assert alone.reply_to_message is None
    reply = await tg.send_message(group["id"], "re", reply_to_message_id=said["message_id"])
    assert reply.reply_to_message.text == "hi"
    # Like TDLib (MessageContent.cpp:4664): code points after trimming, not UTF-16 units.
    with pytest.raises(BadRequest, match=says("message is too long")):
        await tg.send_message(group["id"], "👍" * 4097)
    long = await tg.send_message(group["id"], "👍" * 4096 + "\n  ")
    with pytest.raises(BadRequest, match=says("MESSAGE_TOO_LONG")):
        await tg.edit_message_text("x" * 4097, group["id"], long.message_id)
    with pytest.raises(BadRequest, match=says("message text is empty")):
        await tg.send_message(group["id"], "  ")
    with pytest.raises(BadRequest, match=says("message caption is too long")):
        await tg.send_photo(group["id"], b"\xff\xd8 jpeg", caption="x" * 1025)
    with pytest.raises(EndPointNotFound, match=says("sendTelepathy")):
        await tg.do_api_request("sendTelepathy")
    with pytest.raises(InvalidToken, match="rejected by the server"):
        async with Bot("654321:another-token", base_url=api.base_url) as stranger:
            await stranger.get_me()
    assert [c.failed for c in api.calls_of("sendMessage")] == [True, True, True, False, False, True, False, True]
    assert api.calls_of("sendMessage")[0].error == "Bad Request: chat not found"


async def test_edits_follow_telegram_rules(api: LocalBotApi, tg: Bot) -> None:
    group, anna = api.add_group("Hamburg"), api.add_user("Anna")
    said = api.send_text(group["id"], anna, "mine")
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("ok", callback_data="ok")]])
    sent = await tg.send_message(group["id"], "draft", reply_markup=keyboard)
    with pytest.raises(BadRequest, match=says("message is not modified")):
        await tg.edit_message_text("draft", group["id"], sent.message_id, reply_markup=keyboard)
    edited = await tg.edit_message_text("final", group["id"], sent.message_id)
    assert edited.text == "final" and edited.reply_markup is None  # no reply_markup: keyboard gone
    with pytest.raises(BadRequest, match=says("message to edit not found")):
        await tg.edit_message_text("x", group["id"], 999)
    with pytest.raises(BadRequest, match=says("message can't be edited")):
        await tg.edit_message_text("x", group["id"], said["message_id"])
    with pytest.raises(BadRequest, match=says("there is no caption")):
        await tg.edit_message_caption(group["id"], sent.message_id, caption="x")
    html = await tg.edit_message_text(
        '<b>Hi</b> <a href="https://example.org">there</a>', group["id"], sent.message_id, parse_mode="HTML"
    )
    assert html.text == "Hi there"
    assert [(e.type, e.offset, e.length) for e in html.entities] == [("bold", 0, 2), ("text_link", 3, 5)]
    with pytest.raises(BadRequest, match=says("can't parse entities")):
        await tg.send_message(group["id"], "<blink>no</blink>", parse_mode="HTML")
    assert api.sent(group["id"])[0]["text"] == "Hi there"


async def test_delete_copy_forward_and_files(api: LocalBotApi, tg: Bot) -> None:
    hamburg, leeds, anna = api.add_group("Hamburg"), api.add_group("Leeds"), api.add_user("Anna")
    photo = api.send_photo(hamburg["id"], anna, caption="Festival")
    copy = await tg.copy_message(leeds["id"], hamburg["id"], photo["message_id"], caption="Festival (en)")
    (stored,) = api.sent(leeds["id"], method="copyMessage")
    assert stored["message_id"] == copy.message_id and stored["caption"] == "Festival (en)"
    assert stored["photo"] == photo["photo"]
    forwarded = await tg.forward_message(leeds["id"], hamburg["id"], photo["message_id"])
    assert forwarded.forward_origin.sender_user.id == anna["id"]
    again = await tg.send_photo(leeds["id"], photo["photo"][-1]["file_id"])
    assert again.photo[-1].file_id == photo["photo"][-1]["file_id"]
    with pytest.raises(BadRequest, match=says("can't use file of type Photo as Document")):
        await tg.send_document(leeds["id"], photo["photo"][-1]["file_id"])
    document = await tg.send_document(leeds["id"], b"minutes of the meeting", filename="minutes.txt")
    assert document.document.file_name == "minutes.txt" and document.document.file_size == 22
    upload = api.calls_of("sendDocument")[-1].params["document"]
    assert upload.filename == "minutes.txt" and upload.data == b"minutes of the meeting"
    file = await tg.get_file(document.document.file_id)
    assert bytes(await file.download_as_bytearray()) == b"minutes of the meeting"
    with pytest.raises(BadRequest, match=says("message can't be deleted")):
        await tg.delete_message(hamburg["id"], photo["message_id"])  # not the bot's, and it is no admin
    assert await tg.delete_message(leeds["id"], copy.message_id)
    assert await tg.delete_messages(leeds["id"], [forwarded.message_id, 999])
    assert [m["method"] for m in api.sent(leeds["id"])] == ["sendPhoto", "sendDocument"]
    with pytest.raises(BadRequest, match=says("message to delete not found")):
        await tg.delete_message(leeds["id"], copy.message_id)


async def test_chat_members_commands_and_profile(api: LocalBotApi, tg: Bot) -> None:
    group = api.add_group("Dresden")
    owner, admin, member, stranger = (api.add_user(n) for n in ("Olga", "Ada", "Max", "Eve"))
    api.set_admin(group["id"], owner["id"], creator=True)
    api.set_admin(group["id"], admin["id"])
    api.set_admin(group["id"], api.bot["id"])
    api.send_text(group["id"], member, "hi")
    statuses = [(await tg.get_chat_member(group["id"], u["id"])).status for u in (owner, admin, member, stranger)]
    assert statuses == ["creator", "administrator", "member", "left"]
    assert (await tg.get_chat_member(group["id"], api.bot["id"])).status == "administrator"
    assert [m.user.id for m in await tg.get_chat_administrators(group["id"])] == [owner["id"], admin["id"]]
    with pytest.raises(BadRequest, match=says("user not found")):
        await tg.get_chat_member(group["id"], 999)
    chat = await tg.get_chat(group["id"])
    assert chat.title == "Dresden" and chat.type == "supergroup"
    assert await tg.send_chat_action(group["id"], "typing")
    assert await tg.set_my_commands([("help", "How to use the bot")], language_code="de")
    assert [c.command for c in await tg.get_my_commands(language_code="de")] == ["help"]
    assert await tg.get_my_commands() == ()
    assert api.commands[("default", "de")] == [{"command": "help", "description": "How to use the bot"}]
    assert await tg.delete_my_commands(language_code="de") and api.commands == {}
    with pytest.raises(BadRequest, match=says("BOT_COMMAND_INVALID")):
        await tg.set_my_commands([("Help!", "no")])
    assert await tg.set_my_description("Bridges partner cities", language_code="en")
    assert (await tg.get_my_description("en")).description == "Bridges partner cities"
    assert await tg.set_my_short_description("Partner-city bridge")
    poll = await tg.send_poll(group["id"], "Meet on Friday?", ["yes", "no"])
    location = await tg.send_location(group["id"], 53.8, -1.55)
    assert poll.poll.options[1].text == "no" and location.location.longitude == -1.55
    assert await tg.leave_chat(group["id"])
    with pytest.raises(Forbidden, match=says("bot is not a member")):
        await tg.send_message(group["id"], "hello?")


async def test_private_chats_other_media_and_the_rest_of_the_methods(api: LocalBotApi, tg: Bot) -> None:
    hamburg, leeds, anna = api.add_group("Hamburg"), api.add_group("Leeds"), api.add_user("Anna")
    api.send_text(anna["id"], anna, "/start")  # a private chat exists once the person writes to the bot
    (start,) = await tg.get_updates(timeout=0)
    assert start.message.chat.type == "private" and start.message.entities[0].type == "bot_command"
    assert (await tg.send_message(anna["id"], "Welcome")).chat.id == anna["id"]
    there = api.send_text(leeds["id"], anna, "over there")
    cross = await tg.send_message(
        hamburg["id"], "re", reply_parameters=ReplyParameters(there["message_id"], leeds["id"])
    )
    assert cross.reply_to_message is None and cross.external_reply.message_id == there["message_id"]
    video = await tg.send_video(hamburg["id"], b"mp4", caption="clip", width=1280, height=720)
    audio = await tg.send_audio(hamburg["id"], b"mp3", title="Anthem")
    assert (video.video.width, video.caption, audio.audio.title) == (1280, "clip", "Anthem")
    recaptioned = await tg.edit_message_caption(
        hamburg["id"], video.message_id, caption="<i>clip</i>", parse_mode="HTML"
    )
    assert recaptioned.caption == "clip" and recaptioned.caption_entities[0].type == "italic"
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("go", url="https://example.org")]])
    with_keys = await tg.edit_message_reply_markup(hamburg["id"], audio.message_id, reply_markup=keyboard)
    assert with_keys.reply_markup.inline_keyboard[0][0].url == "https://example.org"
    with pytest.raises(BadRequest, match=says("not emulated")):
        await tg.send_message(hamburg["id"], "*bold*", parse_mode="MarkdownV2")
    assert (await tg.get_my_short_description()).short_description == ""
    assert await tg.log_out() and await tg.close()
    with pytest.raises(ValueError, match="loopback only"):
        await LocalBotApi().start(host="0.0.0.0")


async def test_the_bot_may_write_to_a_person_only_after_they_pressed_start(api: LocalBotApi, tg: Bot) -> None:
    ada = api.add_user("Ada")
    with pytest.raises(Forbidden, match=says("bot can't initiate conversation with a user")):
        await tg.send_message(ada["id"], "Your join code")
    started = api.press_start(ada, "joincode")  # from a t.me/<bot>?start=joincode link
    assert started["chat"] == {"id": ada["id"], "type": "private", "first_name": "Ada"}
    (update,) = await tg.get_updates(timeout=0)
    assert update.message.text == "/start joincode" and update.message.entities[0].type == "bot_command"
    assert (await tg.send_message(ada["id"], "Your join code")).chat.id == ada["id"]
    assert api.texts(ada["id"]) == ["Your join code"]


# --- faults -----------------------------------------------------------------------------------------


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
async def test_flood_control_surfaces_as_retry_after(api: LocalBotApi, tg: Bot) -> None:
    group, other = api.add_group("Hamburg"), api.add_group("Leeds")
    api.fail("sendMessage", 429, retry_after=7, chat_id=group["id"])
    assert await tg.send_message(other["id"], "other chats are not affected")
    with pytest.raises(RetryAfter) as flood:
        await tg.send_message(group["id"], "too fast")
    assert flood.value.retry_after in (7, timedelta(seconds=7))
    assert (await tg.send_message(group["id"], "later")).text == "later"
    assert [c.failed for c in api.calls_of("sendMessage", group["id"])] == [True, False]
    assert [m["text"] for m in api.sent()] == ["other chats are not affected", "later"]


async def test_server_errors_surface_as_network_errors(api: LocalBotApi, tg: Bot) -> None:
    group = api.add_group("Hamburg")
    api.fail("sendMessage", 500)
    api.fail("sendMessage", 502, times=2)
    with pytest.raises(NetworkError, match=says("Internal Server Error")) as json_error:
        await tg.send_message(group["id"], "one")
    for _ in range(2):
        with pytest.raises(NetworkError, match=says("Bad Gateway")) as gateway_error:
            await tg.send_message(group["id"], "two")
    assert type(json_error.value) is NetworkError and type(gateway_error.value) is NetworkError
    assert (await tg.send_message(group["id"], "three")).text == "three"
    assert api.texts(group["id"]) == ["three"]


async def test_slow_answers_are_still_carried_out(api: LocalBotApi, tg: Bot) -> None:
    group = api.add_group("Hamburg")
    api.delay("sendMessage", 2)
    with pytest.raises(TimedOut):
        await tg.send_message(group["id"], "slow", read_timeout=0.1)
    # Like Telegram: the client gave up, the message was sent anyway (sends are not idempotent).
    (sent,) = await api.wait_sent(group["id"], timeout=10)
    assert sent["text"] == "slow"
    # The delay was for the next call only: this one is answered, not held for another 2 s.
    fast = await tg.send_message(group["id"], "fast", read_timeout=1)
    assert fast.text == "fast"


async def test_bots_delete_only_within_48_hours_and_one_refusal_fails_the_whole_batch(
    api: LocalBotApi, tg: Bot
) -> None:
    leeds = api.add_group("Leeds")
    young, old, older = [(await tg.send_message(leeds["id"], text)).message_id for text in ("a", "b", "c")]
    api.age(leeds["id"], old, hours=48)
    api.age(leeds["id"], older, hours=49)
    with pytest.raises(BadRequest, match=says("message can't be deleted for everyone")):
        await tg.delete_messages(leeds["id"], [young, old])
    assert young in api.world.messages[leeds["id"]] and old in api.world.messages[leeds["id"]]
    with pytest.raises(BadRequest, match=says("message can't be deleted for everyone")):
        await tg.delete_message(leeds["id"], older)
    assert await tg.delete_messages(leeds["id"], [young, 999])
    assert young not in api.world.messages[leeds["id"]]


async def test_answers_that_come_after_the_call_was_carried_out(api: LocalBotApi, tg: Bot) -> None:
    group = api.add_group("Hamburg")
    api.delay("sendMessage", 2, after=True)
    with pytest.raises(TimedOut):
        await tg.send_message(group["id"], "done, but late", read_timeout=0.1)
    # Already in the chat when the client gave up: the reply, not the work, was late.
    assert api.texts(group["id"]) == ["done, but late"]


async def test_any_error_for_any_method_and_chat_including_a_copys_source(api: LocalBotApi, tg: Bot) -> None:
    hamburg, leeds, anna = api.add_group("Hamburg"), api.add_group("Leeds"), api.add_user("Anna")
    said = api.send_text(hamburg["id"], anna, "hi")
    api.fail("*", 403, description="Forbidden: CHAT_WRITE_FORBIDDEN", chat_id=leeds["id"], times=None)
    api.fail("copyMessage", 403, description="Forbidden: bot was kicked from the supergroup chat", from_chat_id=-5)
    api.fail("sendMessage", 400, description="Bad Request: moved", parameters={"migrate_to_chat_id": -100777})
    with pytest.raises(ChatMigrated) as moved:
        await tg.send_message(hamburg["id"], "first")
    assert moved.value.new_chat_id == -100777
    for call in (tg.send_message(leeds["id"], "x"), tg.copy_message(leeds["id"], hamburg["id"], said["message_id"])):
        with pytest.raises(Forbidden, match=says("CHAT_WRITE_FORBIDDEN")):
            await call
    # The source rule waits for a copy from its chat; copies from elsewhere go through.
    assert await tg.copy_message(hamburg["id"], hamburg["id"], said["message_id"])
    assert [c.failed for c in api.calls_of("copyMessage")] == [True, False]


async def test_a_chats_permissions_refuse_one_kind_of_message_at_a_time(api: LocalBotApi, tg: Bot) -> None:
    group, anna = api.add_group("Cali"), api.add_user("Ana")
    sticker = api.send_sticker(group["id"], anna)
    voice = api.send_voice(group["id"], anna)
    api.set_permissions(group["id"], can_send_other_messages=False, can_send_voice_notes=False)
    # MessageContent.cpp:5929-6083: one text per kind of content.
    for message, words in ((sticker, "stickers"), (voice, "voice notes")):
        with pytest.raises(BadRequest, match=says(f"not enough rights to send {words} to the chat")):
            await tg.copy_message(group["id"], group["id"], message["message_id"])
    with pytest.raises(BadRequest, match=says("not enough rights to send stickers to the chat")):
        await tg.send_sticker(group["id"], sticker["sticker"]["file_id"])
    assert await tg.send_message(group["id"], "text is still allowed")
    assert (await tg.get_chat(group["id"])).permissions.can_send_other_messages is False
    api.set_permissions(group["id"], can_send_messages=False)
    with pytest.raises(BadRequest, match=says("not enough rights to send text messages to the chat")):
        await tg.send_message(group["id"], "no longer")
    api.set_admin(group["id"], api.bot["id"])
    assert await tg.send_sticker(group["id"], sticker["sticker"]["file_id"])  # admins are not restricted


async def test_a_revoked_token_answers_unauthorized(api: LocalBotApi, tg: Bot) -> None:
    api.revoke_token(TOKEN)
    with pytest.raises(InvalidToken, match=says("Unauthorized")):
        await tg.get_me()
    assert api.calls_of("getMe")[-1].error == "Unauthorized"


async def test_explicit_entities_are_checked_like_telegram(api: LocalBotApi, tg: Bot) -> None:
    group = api.add_group("Leeds")
    refused = {
        "entity beginning at UTF-16 offset 2 ends after the end of the text at UTF-16 offset 5": {
            "type": "bold",
            "offset": 2,
            "length": 3,
        },  # "👍x" is 3 UTF-16 units
        "entity begins after the end of the text at UTF-16 offset 4": {"type": "bold", "offset": 4, "length": 0},
        "can't parse MessageEntity: Can't find field \"unix_time\"": {"type": "date_time", "offset": 0, "length": 1},
        "can't parse MessageEntity: Can't find field \"url\"": {"type": "text_link", "offset": 0, "length": 1},
        "can't parse MessageEntity: Unsupported type specified": {"type": "sparkle", "offset": 0, "length": 1},
    }
    for words, entity in refused.items():
        with pytest.raises(BadRequest, match=says(words)):
            await tg.send_message(group["id"], "👍x", entities=[MessageEntity.de_json(entity, tg)])
    dated = {"type": "date_time", "offset": 0, "length": 3, "unix_time": 1767225600, "date_time_format": "wDT"}
    sent = await tg.send_message(group["id"], "👍x", entities=[MessageEntity.de_json(dated, tg)])
    assert sent.entities[0].to_dict() == dated


async def test_closed_topics_and_deleted_groups_answer_as_telegram_does(api: LocalBotApi, tg: Bot) -> None:
    forum, anna = api.add_group("Hangzhou", is_forum=True), api.add_user("Anna")
    thread = api.forum_topic_created(forum["id"], anna, "Budget")
    inside = api.send_text(forum["id"], anna, "in the topic", message_thread_id=thread)
    api.close_topic(forum["id"], thread)
    with pytest.raises(BadRequest, match=says("TOPIC_CLOSED")):
        await tg.send_message(forum["id"], "late", message_thread_id=thread)
    with pytest.raises(BadRequest, match=says("TOPIC_CLOSED")):
        await tg.send_message(forum["id"], "re", reply_parameters=ReplyParameters(inside["message_id"]))
    assert await tg.send_message(forum["id"], "General is open")
    basic = api.add_group("Dresden", type="group")
    api.delete_group(basic["id"])
    with pytest.raises(Forbidden, match=says("the group chat was deleted")):
        await tg.send_message(basic["id"], "anyone?")
