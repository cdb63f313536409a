"""A local Telegram Bot API server: the real bot talks HTTP to it instead of api.telegram.org.

Used by the end-to-end tests and by the offline demo. It keeps a small world (users, groups, chat
admins, every message), implements the methods bridgebot calls with Telegram's response shapes and
error texts, records every call, lets a test inject updates (messages, edits, photos, member
changes, group upgrades) and faults (429 with retry_after, 5xx, slow answers). Loopback only.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

ANONYMOUS_ADMIN = {"id": 1087968824, "is_bot": True, "first_name": "Group", "username": "GroupAnonymousBot"}
_JSON_FIELDS = {
    "entities",
    "caption_entities",
    "reply_parameters",
    "reply_markup",
    "commands",
    "scope",
    "allowed_updates",
    "message_ids",
    "link_preview_options",
    "options",
}
_INT_FIELDS = {"chat_id", "from_chat_id", "message_id", "user_id", "offset", "limit", "message_thread_id"}
_MEDIA = (
    "photo",
    "document",
    "video",
    "audio",
    "voice",
    "animation",
    "sticker",
    "video_note",
    "location",
    "poll",
)
_ADMIN_RIGHTS = {
    key: True
    for key in (
        "can_be_edited",
        "can_manage_chat",
        "can_delete_messages",
        "can_manage_video_chats",
        "can_restrict_members",
        "can_promote_members",
        "can_change_info",
        "can_invite_users",
        "can_post_stories",
        "can_edit_stories",
        "can_delete_stories",
    )
}


class ApiError(Exception):
    def __init__(self, code: int, description: str, parameters: dict | None = None) -> None:
        super().__init__(description)
        self.code, self.description, self.parameters = code, description, parameters


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    at: float
    failed: bool = False


@dataclass
class _Fault:
    method: str
    status: int
    retry_after: int | None
    chat_id: int | None
    times: int
    description: str | None


@dataclass
class _World:
    users: dict[int, dict] = field(default_factory=dict)
    chats: dict[int, dict] = field(default_factory=dict)
    admins: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))
    kicked: set[int] = field(default_factory=set)
    migrated: dict[int, int] = field(default_factory=dict)
    messages: dict[int, dict[int, dict]] = field(default_factory=lambda: defaultdict(dict))
    next_id: dict[int, itertools.count] = field(default_factory=lambda: defaultdict(lambda: itertools.count(1)))


class LocalBotApi:
    def __init__(self, bot_username: str = "bridge_test_bot", bot_id: int = 7000000001) -> None:
        self.bot = {
            "id": bot_id,
            "is_bot": True,
            "first_name": "bridgebot",
            "username": bot_username,
            "can_join_groups": True,
            "can_read_all_group_messages": True,
            "supports_inline_queries": False,
        }
        self.world = _World()
        self.calls: list[Call] = []
        self.commands: dict[tuple[str, str], list[dict]] = {}
        self._updates: list[dict] = []
        self._update_ids = itertools.count(1)
        self._user_ids = itertools.count(100001)
        self._chat_ids = itertools.count(1001)
        self._faults: list[_Fault] = []
        self._delays: list[list] = []
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self.port = 0

    # --- lifecycle ---------------------------------------------------------------------------

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> LocalBotApi:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> LocalBotApi:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    # --- the world -----------------------------------------------------------------------------

    def add_user(self, first_name: str, username: str | None = None, language_code: str = "en") -> dict:
        user = {
            "id": next(self._user_ids),
            "is_bot": False,
            "first_name": first_name,
            "language_code": language_code,
        }
        if username:
            user["username"] = username
        self.world.users[user["id"]] = user
        return user

    def add_group(self, title: str, kind: str = "supergroup", is_forum: bool = False) -> dict:
        number = next(self._chat_ids)
        chat_id = -(1000000000000 + number) if kind == "supergroup" else -number
        chat = {"id": chat_id, "type": kind, "title": title}
        if is_forum:
            chat["is_forum"] = True
        self.world.chats[chat_id] = chat
        return chat

    def set_admin(self, chat_id: int, user_id: int) -> None:
        self.world.admins[chat_id].add(user_id)

    # --- injected updates --------------------------------------------------------------------

    def _push(self, update: dict) -> dict:
        update["update_id"] = next(self._update_ids)
        self._updates.append(update)
        asyncio.get_event_loop().create_task(self._notify())
        return update

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    def _store(self, chat_id: int, sender: dict | None, **content: Any) -> dict:
        message = {
            "message_id": next(self.world.next_id[chat_id]),
            "date": int(time.time()),
            "chat": self.world.chats[chat_id],
        }
        if sender is not None:
            message["from"] = sender
        message.update({k: v for k, v in content.items() if v is not None})
        self.world.messages[chat_id][message["message_id"]] = message
        return message

    def _reply_of(self, chat_id: int, message_id: int | None) -> dict | None:
        if message_id is None:
            return None
        replied = self.world.messages[chat_id].get(message_id)
        return {k: v for k, v in replied.items() if k != "reply_to_message"} if replied else None

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
        if entities is None and text.startswith("/"):
            command = text.split()[0]
            entities = [{"type": "bot_command", "offset": 0, "length": len(command.encode("utf-16-le")) // 2}]
        reply = self._reply_of(chat_id, reply_to if reply_to is not None else message_thread_id)
        message = self._store(
            chat_id,
            user,
            text=text,
            entities=entities or None,
            reply_to_message=reply,
            message_thread_id=message_thread_id,
            is_topic_message=True if message_thread_id else None,
            sender_chat=sender_chat,
        )
        self._push({"message": message})
        return message

    def anonymous_admin_text(self, chat_id: int, text: str) -> dict:
        return self.send_text(chat_id, ANONYMOUS_ADMIN, text, sender_chat=self.world.chats[chat_id])

    def edit_text(self, chat_id: int, message_id: int, text: str, entities: list[dict] | None = None) -> dict:
        message = self.world.messages[chat_id][message_id]
        key = "text" if "text" in message else "caption"
        message[key] = text
        message["entities" if key == "text" else "caption_entities"] = entities or []
        message["edit_date"] = max(int(time.time()), message.get("edit_date", 0) + 1)
        self._push({"edited_message": dict(message)})
        return message

    def _send_media(self, chat_id: int, user: dict, kind: str, value: Any, caption: str | None = None) -> dict:
        message = self._store(chat_id, user, caption=caption, **{kind: value})
        self._push({"message": message})
        return message

    def send_photo(self, chat_id: int, user: dict, caption: str | None = None) -> dict:
        return self._send_media(chat_id, user, "photo", _photo(f"photo-{time.time_ns()}"), caption)

    def send_document(self, chat_id: int, user: dict, caption: str | None = None) -> dict:
        return self._send_media(chat_id, user, "document", _file("document", "agenda.pdf"), caption)

    def send_voice(self, chat_id: int, user: dict, caption: str | None = None) -> dict:
        return self._send_media(chat_id, user, "voice", {**_file("voice"), "duration": 3}, caption)

    def send_sticker(self, chat_id: int, user: dict, emoji: str = "👍") -> dict:
        sticker = {**_file("sticker"), "type": "regular", "width": 512, "height": 512, "emoji": emoji}
        sticker.update(is_animated=False, is_video=False)
        return self._send_media(chat_id, user, "sticker", sticker)

    def send_location(self, chat_id: int, user: dict, latitude: float, longitude: float) -> dict:
        return self._send_media(chat_id, user, "location", {"latitude": latitude, "longitude": longitude})

    def forum_topic_created(self, chat_id: int, user: dict, name: str) -> int:
        message = self._store(chat_id, user, forum_topic_created={"name": name, "icon_color": 7322096})
        message["message_thread_id"] = message["message_id"]
        message["is_topic_message"] = True
        self._push({"message": message})
        return message["message_id"]

    def press_button(self, chat_id: int, message_id: int, user: dict, data: str) -> dict:
        query = {
            "id": str(next(self._update_ids) * 7),
            "from": user,
            "chat_instance": str(chat_id),
            "data": data,
            "message": self.world.messages[chat_id][message_id],
        }
        return self._push({"callback_query": query})

    def _member_update(self, chat_id: int, by: dict, old: str, new: str) -> dict:
        return self._push(
            {
                "my_chat_member": {
                    "chat": self.world.chats[chat_id],
                    "from": by,
                    "date": int(time.time()),
                    "old_chat_member": self._member(chat_id, self.bot["id"], old),
                    "new_chat_member": self._member(chat_id, self.bot["id"], new),
                }
            }
        )

    def add_bot(self, chat_id: int, by: dict) -> dict:
        self.world.kicked.discard(chat_id)
        return self._member_update(chat_id, by, "left", "member")

    def remove_bot(self, chat_id: int, by: dict) -> dict:
        self.world.kicked.add(chat_id)
        return self._member_update(chat_id, by, "member", "kicked")

    def migrate_to_supergroup(self, chat_id: int, by: dict) -> int:
        """Telegram's group upgrade: a new chat id, and a service message in each of the two chats."""
        old = self.world.chats[chat_id]
        new = self.add_group(old["title"], "supergroup")
        self.world.admins[new["id"]] = set(self.world.admins[chat_id])
        self._push({"message": self._store(chat_id, by, migrate_to_chat_id=new["id"])})
        self._push({"message": self._store(new["id"], ANONYMOUS_ADMIN, migrate_from_chat_id=chat_id)})
        self.world.migrated[chat_id] = new["id"]
        return new["id"]

    # --- faults --------------------------------------------------------------------------------

    def fail(
        self,
        method: str,
        status: int = 429,
        retry_after: int | None = None,
        chat_id: int | None = None,
        times: int = 1,
        description: str | None = None,
    ) -> None:
        self._faults.append(_Fault(method, status, retry_after, chat_id, times, description))

    def delay(self, method: str, seconds: float, times: int = 1) -> None:
        self._delays.append([method, seconds, times])

    def _fault_for(self, method: str, params: dict) -> _Fault | None:
        for fault in self._faults:
            chat_matches = fault.chat_id is None or fault.chat_id == params.get("chat_id")
            if fault.times > 0 and fault.method == method and chat_matches:
                fault.times -= 1
                return fault
        return None

    # --- reading what the bot did ------------------------------------------------------------

    def sent(self, chat_id: int | None = None) -> list[dict]:
        """Messages from the bot still present, per chat in order (all chats if chat_id is None)."""
        chats = [chat_id] if chat_id is not None else list(self.world.messages)
        out = []
        for cid in chats:
            for message in self.world.messages[cid].values():
                if message.get("from", {}).get("id") == self.bot["id"]:
                    out.append(message)
        return out

    def texts(self, chat_id: int) -> list[str]:
        return [m.get("text") or m.get("caption") or "" for m in self.sent(chat_id)]

    def calls_of(self, method: str, chat_id: int | None = None) -> list[Call]:
        return [c for c in self.calls if c.method == method and (chat_id is None or c.params.get("chat_id") == chat_id)]

    async def wait_for(self, predicate: Callable[[], bool], timeout: float = 10) -> None:
        async def until() -> None:
            async with self._changed:
                await self._changed.wait_for(predicate)

        await asyncio.wait_for(until(), timeout)

    async def wait_sent(self, chat_id: int, count: int = 1, timeout: float = 10) -> list[dict]:
        await self.wait_for(lambda: len(self.sent(chat_id)) >= count, timeout)
        return self.sent(chat_id)

    # --- HTTP --------------------------------------------------------------------------------

    async def _params(self, request: web.Request) -> dict[str, Any]:
        if request.content_type == "application/json":
            raw = await request.json()
        else:
            raw = dict(await request.post())
            raw.update(request.query)
        params: dict[str, Any] = {}
        for key, value in raw.items():
            if hasattr(value, "file"):  # an upload
                params[key] = f"upload-{getattr(value, 'filename', key)}"
            elif isinstance(value, str) and key in _JSON_FIELDS:
                params[key] = json.loads(value)
            elif isinstance(value, str) and key in _INT_FIELDS and value.lstrip("-").isdigit():
                params[key] = int(value)
            else:
                params[key] = value
        return params

    async def _handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params = await self._params(request)
        call = Call(method, params, time.monotonic())
        self.calls.append(call)
        for delay in self._delays:
            if delay[0] == method and delay[2] > 0:
                delay[2] -= 1
                await asyncio.sleep(delay[1])
                break
        fault = self._fault_for(method, params)
        try:
            if fault is not None:
                raise _fault_error(fault)
            handler = getattr(self, f"_api_{method.lower()}", None)
            if handler is None:
                raise ApiError(404, "Not Found: method not found")
            result = handler(params) if method != "getUpdates" else await handler(params)
        except ApiError as error:
            call.failed = True
            body: dict[str, Any] = {"ok": False, "error_code": error.code, "description": error.description}
            if error.parameters:
                body["parameters"] = error.parameters
            return web.json_response(body, status=error.code)
        await self._notify()
        return web.json_response({"ok": True, "result": result})

    # --- methods -------------------------------------------------------------------------------

    def _chat(self, params: dict, key: str = "chat_id") -> int:
        chat_id = params.get(key)
        if chat_id in self.world.migrated:
            raise ApiError(
                400,
                "Bad Request: group chat was upgraded to a supergroup chat",
                {"migrate_to_chat_id": self.world.migrated[chat_id]},
            )
        if chat_id not in self.world.chats:
            raise ApiError(400, "Bad Request: chat not found")
        if chat_id in self.world.kicked:
            raise ApiError(403, "Forbidden: bot was kicked from the supergroup chat")
        return chat_id

    def _message(self, chat_id: int, message_id: Any, missing: str) -> dict:
        message = self.world.messages[chat_id].get(int(message_id))
        if message is None:
            raise ApiError(400, f"Bad Request: {missing}")
        return message

    def _reply_target(self, chat_id: int, params: dict) -> dict | None:
        reply = params.get("reply_parameters") or {}
        message_id = reply.get("message_id", params.get("reply_to_message_id"))
        if message_id is None:
            return None
        replied = self._reply_of(chat_id, int(message_id))
        if replied is None and not reply.get("allow_sending_without_reply"):
            raise ApiError(400, "Bad Request: message to be replied not found")
        return replied

    def _bot_message(self, params: dict, **content: Any) -> dict:
        chat_id = self._chat(params)
        reply = self._reply_target(chat_id, params)
        return self._store(chat_id, self.bot, reply_to_message=reply, **content)

    def _api_getme(self, params: dict) -> dict:
        return self.bot

    def _api_deletewebhook(self, params: dict) -> bool:
        if params.get("drop_pending_updates") in (True, "true", "True"):
            self._updates.clear()
        return True

    def _api_setmycommands(self, params: dict) -> bool:
        scope = (params.get("scope") or {"type": "default"})["type"]
        self.commands[(scope, params.get("language_code", ""))] = params["commands"]
        return True

    def _api_getmycommands(self, params: dict) -> list[dict]:
        scope = (params.get("scope") or {"type": "default"})["type"]
        return self.commands.get((scope, params.get("language_code", "")), [])

    def _api_deletemycommands(self, params: dict) -> bool:
        scope = (params.get("scope") or {"type": "default"})["type"]
        self.commands.pop((scope, params.get("language_code", "")), None)
        return True

    async def _api_getupdates(self, params: dict) -> list[dict]:
        offset = int(params.get("offset") or 0)
        if offset:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        timeout = float(params.get("timeout") or 0)
        limit = int(params.get("limit") or 100)
        if not self._updates and timeout > 0:
            with contextlib.suppress(TimeoutError):
                await self.wait_for(lambda: bool(self._updates), timeout)
        return self._updates[:limit]

    def _api_sendmessage(self, params: dict) -> dict:
        text = params.get("text", "")
        if not text.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        if len(text.encode("utf-16-le")) // 2 > 4096:
            raise ApiError(400, "Bad Request: message is too long")
        return self._bot_message(
            params, text=text, entities=params.get("entities"), reply_markup=params.get("reply_markup")
        )

    def _check_caption(self, caption: str | None) -> None:
        if caption and len(caption.encode("utf-16-le")) // 2 > 1024:
            raise ApiError(400, "Bad Request: message caption is too long")

    def _api_copymessage(self, params: dict) -> dict:
        source_chat = params["from_chat_id"]
        if source_chat not in self.world.chats:
            raise ApiError(400, "Bad Request: chat not found")
        original = self._message(source_chat, params["message_id"], "message to copy not found")
        content = {
            k: original[k] for k in (*_MEDIA, "text", "entities", "caption", "caption_entities") if k in original
        }
        if "caption" in params:
            self._check_caption(params["caption"])
            content["caption"] = params["caption"]
            content["caption_entities"] = params.get("caption_entities")
        return {"message_id": self._bot_message(params, **content)["message_id"]}

    def _send_file(self, params: dict, kind: str, value: Any) -> dict:
        self._check_caption(params.get("caption"))
        return self._bot_message(
            params,
            caption=params.get("caption"),
            caption_entities=params.get("caption_entities"),
            **{kind: value},
        )

    def _api_sendphoto(self, params: dict) -> dict:
        return self._send_file(params, "photo", _photo(str(params.get("photo"))))

    def _api_senddocument(self, params: dict) -> dict:
        return self._send_file(params, "document", _file("document", "file"))

    def _api_sendsticker(self, params: dict) -> dict:
        return self._send_file(params, "sticker", {**_file("sticker"), "type": "regular", "width": 512, "height": 512})

    def _api_sendchataction(self, params: dict) -> bool:
        self._chat(params)
        return True

    def _api_editmessagetext(self, params: dict) -> dict:
        chat_id = self._chat(params)
        message = self._message(chat_id, params["message_id"], "message to edit not found")
        entities = params.get("entities") or []
        if message.get("text") == params["text"] and (message.get("entities") or []) == entities:
            raise ApiError(400, "Bad Request: message is not modified: specified new message content is the same")
        if len(params["text"].encode("utf-16-le")) // 2 > 4096:
            raise ApiError(400, "Bad Request: message is too long")
        message.update(text=params["text"], entities=entities, edit_date=int(time.time()))
        if "reply_markup" in params:
            message["reply_markup"] = params["reply_markup"]
        return message

    def _api_editmessagecaption(self, params: dict) -> dict:
        chat_id = self._chat(params)
        message = self._message(chat_id, params["message_id"], "message to edit not found")
        self._check_caption(params.get("caption"))
        entities = params.get("caption_entities") or []
        if message.get("caption") == params.get("caption") and (message.get("caption_entities") or []) == entities:
            raise ApiError(400, "Bad Request: message is not modified: specified new message content is the same")
        message.update(caption=params.get("caption"), caption_entities=entities, edit_date=int(time.time()))
        return message

    def _api_editmessagereplymarkup(self, params: dict) -> dict:
        chat_id = self._chat(params)
        message = self._message(chat_id, params["message_id"], "message to edit not found")
        message["reply_markup"] = params.get("reply_markup")
        return message

    def _api_deletemessage(self, params: dict) -> bool:
        chat_id = self._chat(params)
        self._message(chat_id, params["message_id"], "message to delete not found")
        del self.world.messages[chat_id][int(params["message_id"])]
        return True

    def _api_deletemessages(self, params: dict) -> bool:
        chat_id = self._chat(params)
        for message_id in params["message_ids"]:
            self.world.messages[chat_id].pop(int(message_id), None)
        return True

    def _api_answercallbackquery(self, params: dict) -> bool:
        return True

    def _api_getchat(self, params: dict) -> dict:
        return {**self.world.chats[self._chat(params)], "accent_color_id": 0, "max_reaction_count": 11}

    def _member(self, chat_id: int, user_id: int, status: str | None = None) -> dict:
        user = self.bot if user_id == self.bot["id"] else self.world.users.get(user_id, {"id": user_id})
        if status is None:
            admins = self.world.admins.get(chat_id, set())
            status = "administrator" if user_id in admins else "member"
        member: dict[str, Any] = {"status": status, "user": user}
        if status == "administrator":
            member.update(_ADMIN_RIGHTS, is_anonymous=False)
        elif status == "creator":
            member["is_anonymous"] = False
        elif status == "kicked":
            member["until_date"] = 0
        return member

    def _api_getchatmember(self, params: dict) -> dict:
        return self._member(self._chat(params), int(params["user_id"]))

    def _api_getchatadministrators(self, params: dict) -> list[dict]:
        chat_id = self._chat(params)
        return [self._member(chat_id, user_id) for user_id in sorted(self.world.admins.get(chat_id, set()))]

    def _api_leavechat(self, params: dict) -> bool:
        self.world.kicked.add(self._chat(params))
        return True


def _fault_error(fault: _Fault) -> ApiError:
    if fault.status == 429:
        seconds = fault.retry_after or 1
        return ApiError(429, f"Too Many Requests: retry after {seconds}", {"retry_after": seconds})
    return ApiError(fault.status, fault.description or f"Internal Server Error ({fault.status})")


def _file(kind: str, name: str | None = None) -> dict:
    unique = f"{kind}-{time.time_ns()}"
    data = {"file_id": unique, "file_unique_id": unique[-16:]}
    if name:
        data["file_name"] = name
    return data


def _photo(file_id: str) -> list[dict]:
    return [{"file_id": file_id, "file_unique_id": file_id[-16:], "width": 640, "height": 480}]
