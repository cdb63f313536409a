"""LocalBotApi: the HTTP server, the test-facing helpers, and the faults a test can inject."""

from __future__ import annotations

import asyncio
import ipaddress
import itertools
import time
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

from aiohttp import web

from ._errors import ApiError
from ._markup import utf16_len
from ._methods import BotApiMethods
from ._params import read_params
from ._updates import Changes, UpdateFeed
from ._world import ANONYMOUS_ADMIN, MEDIA_FIELDS, World

_CONTENT = ("text", "caption", "photo", "document", "video", "audio", "voice", "sticker", "location", "poll")
# Telegram's nginx front answers these itself, with an HTML page rather than the Bot API's JSON.
_GATEWAY = {502, 503, 504}


@dataclass
class Call:
    """One request the bot made: what it asked for, when (time.monotonic()), and whether it failed."""

    method: str
    params: dict[str, Any]
    at: float
    failed: bool = False
    error: str | None = None


@dataclass
class _Rule:
    """Applies to the next `times` calls of `method` ("*": any method), optionally only those to one
    chat or (copyMessage, forwardMessage) from one chat, after the first `skip` of them;
    `times=None`: all of them."""

    method: str
    times: int | None
    chat_id: int | None = None
    from_chat_id: int | None = None
    skip: int = 0

    def take(self, method: str, params: dict) -> bool:
        if self.times == 0 or self.method.lower() not in ("*", method.lower()):
            return False
        if self.chat_id is not None and params.get("chat_id") != self.chat_id:
            return False
        if self.from_chat_id is not None and params.get("from_chat_id") != self.from_chat_id:
            return False
        if self.skip:
            self.skip -= 1
            return False
        if self.times is not None:
            self.times -= 1
        return True


@dataclass
class _Fault(_Rule):
    status: int = 429
    retry_after: int | None = None
    description: str | None = None
    parameters: dict[str, Any] | None = None

    def response(self) -> web.Response:
        if self.status == 429:
            seconds = self.retry_after or 1
            description = self.description or f"Too Many Requests: retry after {seconds}"
            return _error(ApiError(429, description, {"retry_after": seconds}))
        phrase = HTTPStatus(self.status).phrase
        if self.status in _GATEWAY:
            title = f"{self.status} {phrase}"
            page = f"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1></center>\r\n"
            page += "<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
            return web.Response(status=self.status, text=page, content_type="text/html")
        return _error(ApiError(self.status, self.description or phrase, self.parameters))


@dataclass
class _Delay(_Rule):
    seconds: float = 0.0
    answer_late: bool = False  # carry the call out first, then hold the answer


def _error(error: ApiError) -> web.Response:
    return web.json_response(error.body(), status=error.code)


class LocalBotApi:
    """A Telegram Bot API server on loopback, with a world a test can set up and act in.

    Point python-telegram-bot at `base_url` (it appends the token). The bot sees users and groups
    added here, receives the updates injected here (by getUpdates or a webhook), and everything it
    does is recorded in `calls` and in the chats' messages for the test to read or await.
    """

    def __init__(
        self,
        bot_username: str = "bridge_test_bot",
        bot_id: int = 7000000001,
        bot_name: str = "bridgebot",
        token: str | None = None,
        privacy_mode: bool = False,
    ) -> None:
        """`token`: when given, other tokens get 401 like a revoked one. `privacy_mode`: group
        messages reach the bot only when they are commands, replies to it or service messages."""
        self.world = World(
            {
                "id": bot_id,
                "is_bot": True,
                "first_name": bot_name,
                "username": bot_username,
                "can_join_groups": True,
                "can_read_all_group_messages": not privacy_mode,
                "supports_inline_queries": False,
                "can_connect_to_business": False,
                "has_main_web_app": False,
            }
        )
        self.calls: list[Call] = []
        self._changes = Changes()
        self._feed = UpdateFeed(self._changes)
        self._methods = BotApiMethods(self.world, self._feed)
        self._token = token
        self._revoked: set[str] = set()
        self._privacy = privacy_mode
        self._faults: list[_Fault] = []
        self._delays: list[_Delay] = []
        self._user_ids = itertools.count(100001)
        self._chat_numbers = itertools.count(1001)
        self._query_ids = itertools.count(4000000000000000001)
        self._runner: web.AppRunner | None = None
        self._origin = ""
        self.port = 0

    # --- lifecycle ---------------------------------------------------------------------------------

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> LocalBotApi:
        """Listen on loopback only (port 0: any free port); a test server must not face a network."""
        if not (host == "localhost" or ipaddress.ip_address(host).is_loopback):
            raise ValueError(f"LocalBotApi listens on loopback only, not on {host}")
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_get("/file/bot{token}/{path:.+}", self._download)
        # A short shutdown_timeout: slow answers injected with delay() must not hold up stop().
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        await web.TCPSite(self._runner, host, port).start()
        bound_host, self.port = self._runner.addresses[0][:2]
        self._origin = f"http://[{bound_host}]:{self.port}" if ":" in bound_host else f"http://{bound_host}:{self.port}"
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._feed.close()
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> LocalBotApi:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        """For ApplicationBuilder.base_url / Bot(base_url=...): the token is appended to it."""
        return f"{self._origin}/bot"

    @property
    def file_base_url(self) -> str:
        """For ApplicationBuilder.base_file_url: where getFile's file_path is downloaded from."""
        return f"{self._origin}/file/bot"

    @property
    def bot(self) -> dict:
        return self.world.bot

    @property
    def commands(self) -> dict[tuple[str, str], list[dict]]:
        """setMyCommands lists by (scope, language_code); scope is its type, plus ":<chat_id>" if any."""
        return self._methods.commands

    # --- the world -----------------------------------------------------------------------------------

    def add_user(
        self, first_name: str, username: str | None = None, id: int | None = None, language_code: str = "en"
    ) -> dict:
        """A person (a User object); `id` is chosen when not given. They join chats by posting there."""
        if id is None:
            id = next(i for i in self._user_ids if i not in self.world.users)
        user = {"id": id, "is_bot": False, "first_name": first_name, "language_code": language_code}
        if username:
            user["username"] = username
        self.world.users[id] = user
        return user

    def add_group(self, title: str, type: str = "supergroup", is_forum: bool = False) -> dict:
        """A group the bot is a member of; ids are negative (-100… for supergroups) as in Telegram."""
        if type not in ("group", "supergroup") or (is_forum and type != "supergroup"):
            raise ValueError(f"no such group: type={type!r}, is_forum={is_forum}")
        number = next(self._chat_numbers)
        chat: dict[str, Any] = {"id": -(1000000000000 + number) if type == "supergroup" else -number}
        chat.update(type=type, title=title)
        if is_forum:
            chat["is_forum"] = True
        self.world.chats[chat["id"]] = chat
        return chat

    def set_admin(self, chat_id: int, user_id: int, creator: bool = False) -> None:
        """Make a user (or the bot, by its id) an administrator, or the chat's creator."""
        if creator:
            self.world.creators[chat_id] = user_id
        else:
            self.world.admins[chat_id].add(user_id)

    # --- injected updates ----------------------------------------------------------------------------

    def _sees(self, message: dict) -> bool:
        """Whether the bot receives a message: privacy mode hides ordinary group chatter from it."""
        chat_id = message["chat"]["id"]
        if not self.world.bot_is_in(chat_id):
            return False
        if not self._privacy or message["chat"]["type"] == "private":
            return True
        if self.world.status(chat_id, self.bot["id"]) in ("administrator", "creator"):
            return True
        if not any(key in message for key in _CONTENT):
            return True  # service messages
        replied = message.get("reply_to_message") or {}
        if replied.get("from", {}).get("id") == self.bot["id"]:
            return True
        words = (message.get("text") or "").split(maxsplit=1)
        command = words[0] if words else ""
        return command.startswith("/") and ("@" not in command or command.endswith("@" + self.bot["username"]))

    def _deliver(self, kind: str, message: dict) -> None:
        if self._sees(message):
            self._feed.push({kind: message})
        self._changes.notify()

    def _inject(
        self, chat_id: int, user: dict, content: dict[str, Any], reply_to: int | None = None, thread: int | None = None
    ) -> dict:
        """Store a message a person sent (opening their private chat if needed) and deliver it."""
        self.world.users.setdefault(user["id"], user)
        if chat_id not in self.world.chats and chat_id == user["id"]:
            self.world.chats[chat_id] = {"id": chat_id, "type": "private", "first_name": user["first_name"]}
            if "username" in user:
                self.world.chats[chat_id]["username"] = user["username"]
        if chat_id in self.world.migrated or chat_id not in self.world.chats:
            raise ValueError(f"chat {chat_id} does not exist (or was upgraded to a supergroup)")
        if thread is not None and self.world.chats[chat_id].get("is_forum"):
            content.update(message_thread_id=thread, is_topic_message=True)
        replied = reply_to if reply_to is not None else thread
        if replied is not None:
            content["reply_to_message"] = self.world.snapshot(chat_id, replied)
        message = self.world.store(chat_id, user, content)
        self._deliver("message", message)
        return message

    def send_text(
        self,
        chat_id: int,
        user: dict,
        text: str,
        entities: list[dict] | None = None,
        reply_to: int | None = None,
        message_thread_id: int | None = None,
        sender_chat: dict | None = None,
    ) -> dict:
        """A person's text message; a leading /command gets its bot_command entity as in Telegram."""
        if entities is None and text.startswith("/"):
            entities = [{"type": "bot_command", "offset": 0, "length": utf16_len(text.split(maxsplit=1)[0])}]
        content = {"text": text, "entities": entities or None, "sender_chat": sender_chat}
        return self._inject(chat_id, user, content, reply_to, message_thread_id)

    def press_start(self, user: dict, payload: str | None = None) -> dict:
        """The person opens their private chat with the bot and presses Start (from a t.me deep link
        when `payload` is given): /start arrives in the chat whose id is theirs. Until then the bot
        cannot write to them, as on Telegram: sendMessage to their id answers 403 "Forbidden: bot
        can't initiate conversation with a user"."""
        return self.send_text(user["id"], user, f"/start {payload}" if payload else "/start")

    def redeliver(self, message: dict) -> dict:
        """Deliver again the update that carried `message`, under its update_id, as Telegram does
        when a bot stopped after handling an update but before confirming it. (Such a bot has also
        lost the confirmation: a test puts its stored offset back, as the crash would have left it.)"""
        return self._feed.redeliver(message["chat"]["id"], message["message_id"])

    def anonymous_admin_text(self, chat_id: int, text: str) -> dict:
        """A message of an anonymous admin: from GroupAnonymousBot, with the group as sender_chat."""
        return self.send_text(chat_id, ANONYMOUS_ADMIN, text, sender_chat=self.world.chats[chat_id])

    def edit_text(self, chat_id: int, message_id: int, text: str, entities: list[dict] | None = None) -> dict:
        """A person edits their text (or caption): the bot gets an edited_message update."""
        message = self.world.messages[chat_id][message_id]
        key, entities_key = ("text", "entities") if "text" in message else ("caption", "caption_entities")
        message[key] = text
        message.pop(entities_key, None)
        if entities:
            message[entities_key] = entities
        # Whole seconds, as on Telegram: two edits within one second carry the same edit_date.
        message["edit_date"] = int(time.time())
        self._deliver("edited_message", message)
        return message

    def _send_file(self, chat_id: int, user: dict, kind: str, caption: str | None = None, **fields: Any) -> dict:
        name = fields.pop("file_name", None)
        stored = self.world.add_file(kind, f"{kind} from {user['first_name']}".encode(), name, **fields)
        return self._inject(chat_id, user, {kind: stored.shape, "caption": caption})

    def send_photo(self, chat_id: int, user: dict, caption: str | None = None) -> dict:
        return self._send_file(chat_id, user, "photo", caption)

    def send_document(
        self, chat_id: int, user: dict, caption: str | None = None, file_name: str = "agenda.pdf"
    ) -> dict:
        return self._send_file(chat_id, user, "document", caption, file_name=file_name, mime_type="application/pdf")

    def send_voice(self, chat_id: int, user: dict, caption: str | None = None, duration: int = 3) -> dict:
        return self._send_file(chat_id, user, "voice", caption, **{**MEDIA_FIELDS["voice"], "duration": duration})

    def send_sticker(self, chat_id: int, user: dict, emoji: str = "👍") -> dict:
        return self._send_file(chat_id, user, "sticker", **MEDIA_FIELDS["sticker"], emoji=emoji)

    def send_location(self, chat_id: int, user: dict, latitude: float, longitude: float) -> dict:
        return self._inject(chat_id, user, {"location": {"latitude": latitude, "longitude": longitude}})

    def forum_topic_created(self, chat_id: int, user: dict, name: str) -> int:
        """A new topic in a forum supergroup; returns its message_thread_id (the service message's id)."""
        if not self.world.chats[chat_id].get("is_forum"):
            raise ValueError(f"chat {chat_id} is not a forum")
        content = {"forum_topic_created": {"name": name, "icon_color": 7322096}, "is_topic_message": True}
        message = self.world.store(chat_id, user, content)
        message["message_thread_id"] = message["message_id"]
        self.world.topics[chat_id][message["message_id"]] = name
        self._deliver("message", message)
        return message["message_id"]

    def close_topic(self, chat_id: int, thread: int) -> None:
        """An admin closes a forum topic: sends into it, and replies to its messages, answer TOPIC_CLOSED."""
        self.world.closed_topics[chat_id].add(thread)

    def delete_group(self, chat_id: int) -> None:
        """The creator deletes a basic group: every call about it answers 403 "the group chat was deleted"."""
        if self.world.chats[chat_id]["type"] != "group":
            raise ValueError(f"chat {chat_id} is not a basic group")
        self.world.deleted.add(chat_id)

    def press_button(self, chat_id: int, message_id: int, user: dict, data: str) -> dict:
        """A person presses an inline button: a callback_query update the bot must answer."""
        query_id = str(next(self._query_ids))
        self._methods.callback_queries.add(query_id)
        query = {
            "id": query_id,
            "from": user,
            "chat_instance": str(-chat_id),
            "data": data,
            "message": self.world.messages[chat_id][message_id],
        }
        update = self._feed.push({"callback_query": query})
        self._changes.notify()
        return update

    def add_member(self, chat_id: int, user: dict, by: dict | None = None) -> dict:
        """A person joins (or `by` adds them): the new_chat_members service message, and a chat_member
        update, which Telegram sends only to admin bots that asked for it in allowed_updates."""
        self.world.users.setdefault(user["id"], user)
        old = self.world.member(chat_id, user["id"])
        self.world.members[chat_id].add(user["id"])
        if self.world.status(chat_id, self.bot["id"]) in ("administrator", "creator"):
            change = {"chat": self.world.chats[chat_id], "from": by or user, "date": int(time.time())}
            change.update(old_chat_member=old, new_chat_member=self.world.member(chat_id, user["id"]))
            self._feed.push({"chat_member": change})
        return self._inject(chat_id, by or user, {"new_chat_members": [user]})

    def add_bot(self, chat_id: int, by: dict) -> dict:
        """`by` adds the bot back (left/kicked -> member): a my_chat_member update and the service message."""

        def join() -> None:
            self.world.kicked.discard(chat_id)
            self.world.left.discard(chat_id)

        update = self._methods.bot_status_change(chat_id, by, join)
        self._inject(chat_id, by, {"new_chat_members": [self.bot]})
        return update

    def remove_bot(self, chat_id: int, by: dict) -> dict:
        """`by` removes the bot: my_chat_member -> kicked; later calls in that chat answer 403."""

        def kick() -> None:
            self.world.kicked.add(chat_id)
            self.world.admins[chat_id].discard(self.bot["id"])

        update = self._methods.bot_status_change(chat_id, by, kick)
        self._changes.notify()
        return update

    def migrate_to_supergroup(self, chat_id: int, by: dict | None = None) -> int:
        """Telegram's upgrade of a basic group: a new chat id, the members and admins move along, a
        service message in each chat, and the old id answers 400 with migrate_to_chat_id."""
        old = self.world.chats[chat_id]
        if old["type"] != "group":
            raise ValueError(f"chat {chat_id} is a {old['type']}, only basic groups are upgraded")
        new_id = self.add_group(old["title"])["id"]
        for table in (self.world.members, self.world.admins):
            table[new_id] = set(table[chat_id])
        if chat_id in self.world.creators:
            self.world.creators[new_id] = self.world.creators[chat_id]
        self._inject(chat_id, by or ANONYMOUS_ADMIN, {"migrate_to_chat_id": new_id})
        self.world.migrated[chat_id] = new_id
        upgraded = {"migrate_from_chat_id": chat_id, "sender_chat": self.world.chats[new_id]}
        self._inject(new_id, ANONYMOUS_ADMIN, upgraded)
        return new_id

    # --- faults --------------------------------------------------------------------------------------

    def fail(
        self,
        method: str,
        status: int = 429,
        retry_after: int | None = None,
        chat_id: int | None = None,
        times: int | None = 1,
        description: str | None = None,
        parameters: dict[str, Any] | None = None,
        from_chat_id: int | None = None,
        after: int = 0,
    ) -> None:
        """The next `times` calls of `method` ("*": any) fail, in `chat_id` only (or, for copyMessage,
        from `from_chat_id` only) if given, once the first `after` of them succeeded: 429 with
        retry_after, 502/503/504 as the HTML page of Telegram's front, anything else as a Bot API JSON
        error with `description` (Telegram's words, e.g. "Forbidden: CHAT_WRITE_FORBIDDEN") and
        `parameters` (ResponseParameters)."""
        self._faults.append(
            _Fault(
                method,
                times,
                chat_id,
                from_chat_id,
                after,
                status=status,
                retry_after=retry_after,
                description=description,
                parameters=parameters,
            )
        )

    def delay(
        self, method: str, seconds: float, times: int | None = 1, chat_id: int | None = None, after: bool = False
    ) -> None:
        """The next `times` calls of `method` are answered `seconds` late (and still carried out, as on
        Telegram, even when the client gave up waiting). `after=True` carries the call out at once and
        holds only the answer: a client that times out has still caused what it asked for."""
        self._delays.append(_Delay(method, times, chat_id, seconds=seconds, answer_late=after))

    def set_permissions(self, chat_id: int, **permissions: bool) -> None:
        """ChatPermissions of a group (can_send_messages, can_send_photos, can_send_other_messages for
        stickers...): a kind they forbid is refused to the bot unless it is an administrator."""
        self.world.permissions.setdefault(chat_id, {}).update(permissions)

    def revoke_token(self, token: str) -> None:
        """The owner revoked `token` (or logged the bot out): every call with it answers 401
        "Unauthorized" (Client.cpp:16291). Any other token keeps working, like a newly issued one."""
        self._revoked.add(token)

    def age(self, chat_id: int, message_id: int, hours: float) -> dict:
        """Move a message's date `hours` into the past, e.g. beyond the 48 hours in which a bot may
        still delete it."""
        message = self.world.messages[chat_id][message_id]
        message["date"] -= int(hours * 3600)
        return message

    # --- reading what the bot did --------------------------------------------------------------------

    def sent(self, chat_id: int | None = None, method: str | None = None) -> list[dict]:
        """The bot's messages that still exist, in the order it sent them, as they are now. Each is a
        copy of the message with two more keys: "method" (e.g. "copyMessage") and "reply_to" (the
        replied message_id or None)."""
        out = []
        for cid, message_id, via in self.world.sent_log:
            if (chat_id is not None and cid != chat_id) or (method is not None and via != method):
                continue
            message = self.world.messages[cid].get(message_id)
            if message is not None:
                replied = message.get("reply_to_message")
                out.append({**message, "method": via, "reply_to": replied["message_id"] if replied else None})
        return out

    def messages(self, chat_id: int) -> list[dict]:
        """Every message still in the chat, people's and the bot's, by message_id."""
        return list(self.world.messages[chat_id].values())

    def texts(self, chat_id: int) -> list[str]:
        return [m.get("text") or m.get("caption") or "" for m in self.sent(chat_id)]

    def calls_of(self, method: str, chat_id: int | None = None) -> list[Call]:
        return [c for c in self.calls if c.method == method and (chat_id is None or c.params.get("chat_id") == chat_id)]

    async def wait_for(self, predicate: Callable[[], object], timeout: float = 10) -> None:
        """Return once `predicate()` is true; it is re-checked after every call and every injection."""
        try:
            await self._changes.wait_for(predicate, timeout)
        except TimeoutError:
            raise TimeoutError(f"the local Bot API server waited {timeout}s for {predicate}") from None

    async def wait_sent(self, chat_id: int, count: int = 1, timeout: float = 10) -> list[dict]:
        """Wait until the bot has `count` messages in the chat; returns them (see `sent`)."""
        await self.wait_for(lambda: self.sent_count(chat_id) >= count, timeout)
        return self.sent(chat_id)

    def sent_count(self, chat_id: int) -> int:
        """`len(self.sent(chat_id))` in O(1): predicates re-check it after every call, and under a
        benchmark's burst a scan of every message would cost the bot under test its CPU."""
        return len(self.world.bot_messages[chat_id])

    # --- HTTP ----------------------------------------------------------------------------------------

    def _refuses(self, token: str) -> bool:
        return token in self._revoked or (self._token is not None and token != self._token)

    async def _handle(self, request: web.Request) -> web.Response:
        call = Call(request.match_info["method"], {}, time.monotonic())
        self.calls.append(call)
        try:
            call.params = await read_params(request)
            if self._refuses(request.match_info["token"]):
                raise ApiError(401, "Unauthorized")
            self._changes.notify()
            delay = next((d for d in self._delays if d.take(call.method, call.params)), None)
            if delay is not None and not delay.answer_late:
                await asyncio.sleep(delay.seconds)
            fault = next((f for f in self._faults if f.take(call.method, call.params)), None)
            if fault is not None:
                call.failed, call.error = True, f"injected {fault.status}"
                return fault.response()
            result = await self._methods.call(call.method, call.params)
            if delay is not None and delay.answer_late:
                self._changes.notify()
                await asyncio.sleep(delay.seconds)
        except ApiError as error:
            call.failed, call.error = True, error.description
            return _error(error)
        finally:
            self._changes.notify()
        return web.json_response({"ok": True, "result": result})

    async def _download(self, request: web.Request) -> web.Response:
        if self._refuses(request.match_info["token"]):
            return _error(ApiError(401, "Unauthorized"))
        path = request.match_info["path"]
        stored = next((f for f in self.world.files.values() if f.path == path), None)
        if stored is None:
            return _error(ApiError(404, "Not Found"))
        return web.Response(body=stored.data, content_type="application/octet-stream")
