"""The Bot API methods, with Telegram's result shapes and its error texts for the cases a bot meets.

Each method takes the decoded parameters and returns the `result`, or raises ApiError. Checks come
from the real server's behaviour that matters to a bot: messages go only to chats that exist and
still have the bot, a chat's permissions refuse the kinds of message they forbid, replies need their
message, edits must change something, limits count code points after formatting and trimming,
explicit entities are checked, an edit without reply_markup drops the inline keyboard, and a group
that became a supergroup answers with its new id.
"""

from __future__ import annotations

import inspect
import itertools
import re
import time
from collections.abc import Callable
from typing import Any

from ._errors import ApiError
from ._markup import formatted
from ._params import Upload
from ._updates import UpdateFeed
from ._world import MEDIA_FIELDS, StoredFile, World

_METHODS: dict[str, str] = {}  # Telegram's method name, lowercased -> attribute of BotApiMethods

_MEDIA = ("photo", "document", "video", "audio", "voice", "animation", "sticker", "video_note", "location", "poll")
_COPIED = ("text", "entities", "caption", "caption_entities", "has_media_spoiler", "show_caption_above_media", *_MEDIA)
_FILE_FIELDS = ("duration", "width", "height", "title", "performer", "emoji")
_ACTIONS = {
    "typing",
    "upload_photo",
    "record_video",
    "upload_video",
    "record_voice",
    "upload_voice",
    "upload_document",
    "choose_sticker",
    "find_location",
    "record_video_note",
    "upload_video_note",
}
_KICKED = {
    "private": "Forbidden: bot was blocked by the user",
    "group": "Forbidden: bot was kicked from the group chat",
    "supergroup": "Forbidden: bot was kicked from the supergroup chat",
}
# The permission each kind of message needs, and how Telegram names the kind when it is refused
# (MessageContent.cpp:5929-6083 of tdlib/td@49b3bcb). Locations, venues and contacts are not modelled.
_RIGHTS = {
    "text": ("can_send_messages", "text messages"),
    "photo": ("can_send_photos", "photos"),
    "sticker": ("can_send_other_messages", "stickers"),
    "animation": ("can_send_other_messages", "animations"),
    "voice": ("can_send_voice_notes", "voice notes"),
    "video_note": ("can_send_video_notes", "video notes"),
    "document": ("can_send_documents", "documents"),
    "audio": ("can_send_audios", "music"),
    "video": ("can_send_videos", "videos"),
    "poll": ("can_send_polls", "polls"),
    "dice": ("can_send_other_messages", "dice"),
}
_COMMAND = re.compile(r"[a-z0-9_]{1,32}")
DELETE_WITHIN = 48 * 3600  # seconds after its date in which a bot may still delete a message
_NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are exactly the same"
    " as a current content and reply markup of the message"
)


def _length(text: str) -> int:
    """A text's length as TDLib checks it: code points, after trimming (MessageContent.cpp:4664).
    UTF-16 units are still what entity offsets count in."""
    return len(text.strip())


def api_method(function: Callable) -> Callable:
    """Register a method under Telegram's name: `send_message` answers `sendMessage` (any case)."""
    _METHODS[function.__name__.replace("_", "")] = function.__name__
    return function


def _scope_key(scope: dict | None) -> str:
    """setMyCommands keeps one list per scope: the scope type, plus the chat/user it names."""
    scope = scope or {"type": "default"}
    key = scope.get("type", "default")
    for field in ("chat_id", "user_id"):
        if field in scope:
            key += f":{scope[field]}"
    return key


def _inline(markup: dict | None) -> dict | None:
    """Messages carry only inline keyboards; reply keyboards and ForceReply are not part of them."""
    return markup if markup and "inline_keyboard" in markup else None


class BotApiMethods:
    def __init__(self, world: World, feed: UpdateFeed) -> None:
        self.world = world
        self.feed = feed
        self.commands: dict[tuple[str, str], list[dict]] = {}
        self.descriptions: dict[tuple[str, str], str] = {}
        self.callback_queries: set[str] = set()  # asked and not yet answered
        self._poll_ids = itertools.count(5000000000000000001)

    async def call(self, method: str, params: dict[str, Any]) -> Any:
        name = _METHODS.get(method.lower())
        if name is None:
            raise ApiError(404, "Not Found: method not found")
        result = getattr(self, name)(params)
        return await result if inspect.isawaitable(result) else result

    # --- shared checks ---------------------------------------------------------------------------

    def _chat(self, params: dict, key: str = "chat_id") -> int:
        chat_id = params.get(key)
        if chat_id in (None, ""):
            raise ApiError(400, f"Bad Request: {key} is empty")
        if chat_id in self.world.migrated:
            raise ApiError(
                400,
                "Bad Request: group chat was upgraded to a supergroup chat",
                {"migrate_to_chat_id": self.world.migrated[chat_id]},
            )
        if chat_id in self.world.deleted:
            raise ApiError(403, "Forbidden: the group chat was deleted")  # Client.cpp:124-127
        chat = self.world.chats.get(chat_id)
        if chat is None:
            if chat_id in self.world.users:
                raise ApiError(403, "Forbidden: bot can't initiate conversation with a user")
            raise ApiError(400, "Bad Request: chat not found")
        status = self.world.status(chat_id, self.world.bot["id"])
        if status == "kicked":
            raise ApiError(403, _KICKED[chat["type"]])
        if status == "left":
            raise ApiError(403, f"Forbidden: bot is not a member of the {chat['type']} chat")
        return chat_id

    def _message(self, chat_id: int, params: dict, missing: str) -> dict:
        message_id = params.get("message_id")
        if message_id is None:
            raise ApiError(400, "Bad Request: message identifier is not specified")
        message = self.world.messages[chat_id].get(message_id)
        if message is None:
            raise ApiError(400, f"Bad Request: {missing}")
        return message

    def _own_message(self, params: dict) -> dict:
        message = self._message(self._chat(params), params, "message to edit not found")
        if message.get("from", {}).get("id") != self.world.bot["id"]:
            raise ApiError(400, "Bad Request: message can't be edited")
        return message

    def _text(self, params: dict, too_long: str = "Bad Request: message is too long") -> dict[str, Any]:
        """`too_long`: a send says "message is too long" (MessageContent.cpp:4664); an edit gets the
        server's raw MESSAGE_TOO_LONG."""
        text, entities = formatted(
            params.get("text") or "", params.get("entities"), params.get("parse_mode"), self.world.users.get
        )
        if not text.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        if _length(text) > 4096:
            raise ApiError(400, too_long)
        return {"text": text, "entities": entities}

    def _caption(self, params: dict) -> dict[str, Any]:
        caption = params.get("caption") or ""
        if not caption.strip():
            return {}
        caption, entities = formatted(
            caption, params.get("caption_entities"), params.get("parse_mode"), self.world.users.get
        )
        if _length(caption) > 1024:
            raise ApiError(400, "Bad Request: message caption is too long")
        return {"caption": caption, "caption_entities": entities}

    def _placement(self, chat_id: int, params: dict) -> dict[str, Any]:
        """Where a new message goes: its topic, what it replies to, its inline keyboard."""
        placed: dict[str, Any] = {"reply_markup": _inline(params.get("reply_markup"))}
        thread = params.get("message_thread_id")
        if thread and self.world.chats[chat_id].get("is_forum"):
            if thread not in self.world.topics[chat_id]:
                raise ApiError(400, "Bad Request: message thread not found")
            self._check_open(chat_id, thread)
            # In a forum, a message in a topic without an explicit reply replies to the topic's root.
            placed.update(message_thread_id=thread, is_topic_message=True)
            placed["reply_to_message"] = self.world.snapshot(chat_id, thread)
        reply = params.get("reply_parameters") or {}
        if "reply_to_message_id" in params:
            reply = {
                "message_id": params["reply_to_message_id"],
                "allow_sending_without_reply": params.get("allow_sending_without_reply"),
            }
        if reply.get("message_id") is not None:
            source = reply.get("chat_id", chat_id)
            if source != chat_id:
                source = self._chat({"chat_id": source})
            replied = self.world.snapshot(source, reply["message_id"])
            if replied is None:
                if not reply.get("allow_sending_without_reply"):
                    raise ApiError(400, "Bad Request: message to be replied not found")
            elif source == chat_id:
                if replied.get("is_topic_message"):
                    self._check_open(chat_id, replied.get("message_thread_id"))  # a reply lands in its topic
                placed["reply_to_message"] = replied
            else:
                placed["external_reply"] = {
                    "origin": World.origin(replied),
                    "chat": self.world.chats[source],
                    "message_id": replied["message_id"],
                }
        if params.get("protect_content"):
            placed["has_protected_content"] = True
        return placed

    def _check_open(self, chat_id: int, thread: int | None) -> None:
        """A closed topic refuses everyone but its administrators, with the server's raw code."""
        bot_status = self.world.status(chat_id, self.world.bot["id"])
        if thread in self.world.closed_topics[chat_id] and bot_status not in ("administrator", "creator"):
            raise ApiError(400, "Bad Request: TOPIC_CLOSED")

    def _check_rights(self, chat_id: int, content: dict[str, Any]) -> None:
        """A chat's permissions bind the bot unless it is an administrator, one kind at a time."""
        if self.world.status(chat_id, self.world.bot["id"]) in ("administrator", "creator"):
            return
        kind = next((key for key in _RIGHTS if key in content), None)
        permissions = self.world.permissions.get(chat_id, {})
        if kind is not None and permissions.get(_RIGHTS[kind][0]) is False:
            raise ApiError(400, f"Bad Request: not enough rights to send {_RIGHTS[kind][1]} to the chat")

    def _send(self, method: str, params: dict, content: dict[str, Any]) -> dict:
        chat_id = self._chat(params)
        self._check_rights(chat_id, content)
        return self.world.store(chat_id, self.world.bot, {**content, **self._placement(chat_id, params)}, via=method)

    def _file(self, params: dict, kind: str) -> StoredFile:
        """The file a send names: a new upload, or a file_id the server already knows of that kind."""
        value = params.get(kind)
        if isinstance(value, str) and value.startswith("attach://"):
            value = params.get(value.removeprefix("attach://"))
        if isinstance(value, Upload):
            fields = {**MEDIA_FIELDS.get(kind, {}), **{k: params[k] for k in _FILE_FIELDS if k in params}}
            if "mime_type" in fields and value.content_type != "application/octet-stream":
                fields["mime_type"] = value.content_type
            return self.world.add_file(kind, value.data, value.filename, **fields)
        if not value:
            raise ApiError(400, f"Bad Request: there is no {kind} in the request")
        if value.startswith(("http://", "https://")):
            raise ApiError(400, "Bad Request: failed to get HTTP URL content")  # no downloads from loopback
        stored = self.world.files.get(value)
        if stored is None:
            raise ApiError(400, "Bad Request: wrong file identifier/HTTP URL specified")
        if stored.kind != kind:
            raise ApiError(400, f"Bad Request: can't use file of type {stored.kind.title()} as {kind.title()}")
        return stored

    def _send_file(self, method: str, params: dict, kind: str) -> dict:
        content: dict[str, Any] = {kind: self._file(params, kind).shape, **self._caption(params)}
        if params.get("has_spoiler"):
            content["has_media_spoiler"] = True
        if params.get("show_caption_above_media"):
            content["show_caption_above_media"] = True
        return self._send(method, params, content)

    def _edit(self, message: dict, content: dict[str, Any], params: dict) -> dict:
        """Apply an edit; like Telegram, an edit that leaves out reply_markup removes the keyboard."""
        content["reply_markup"] = _inline(params.get("reply_markup"))
        if all(message.get(key) == value for key, value in content.items()):
            raise ApiError(400, _NOT_MODIFIED)
        for key, value in content.items():
            if value is None:
                message.pop(key, None)
            else:
                message[key] = value
        message["edit_date"] = int(time.time())
        return message

    def _may_delete(self, chat_id: int, message: dict) -> bool:
        bot_id = self.world.bot["id"]
        return (
            message.get("from", {}).get("id") == bot_id
            or self.world.chats[chat_id]["type"] == "private"
            or self.world.status(chat_id, bot_id) in ("administrator", "creator")
        )

    def _deletable(self, chat_id: int, message: dict) -> None:
        """Raise Telegram's refusal unless the bot may delete the message: its own, or any as an
        admin, and only within 48 hours of its date (tdlib MessagesManager.cpp:8164, 8239)."""
        if not self._may_delete(chat_id, message):
            raise ApiError(400, "Bad Request: message can't be deleted")
        if time.time() - message["date"] >= DELETE_WITHIN:
            raise ApiError(400, "Bad Request: message can't be deleted for everyone")

    def bot_status_change(self, chat_id: int, by: dict, change: Callable[[], object]) -> dict:
        """Apply `change` to the bot's membership and send the my_chat_member update it causes."""
        bot_id = self.world.bot["id"]
        old = self.world.member(chat_id, bot_id)
        change()
        change_update = {
            "chat": self.world.chats[chat_id],
            "from": by,
            "date": int(time.time()),
            "old_chat_member": old,
            "new_chat_member": self.world.member(chat_id, bot_id),
        }
        return self.feed.push({"my_chat_member": change_update})

    # --- the bot and its updates -------------------------------------------------------------------

    @api_method
    def get_me(self, params: dict) -> dict:
        return self.world.bot

    @api_method
    def log_out(self, params: dict) -> bool:
        return True

    @api_method
    def close(self, params: dict) -> bool:
        return True

    @api_method
    async def get_updates(self, params: dict) -> list[dict]:
        return await self.feed.get_updates(params)

    @api_method
    async def set_webhook(self, params: dict) -> bool:
        return await self.feed.set_webhook(params)

    @api_method
    async def delete_webhook(self, params: dict) -> bool:
        return await self.feed.delete_webhook(params)

    @api_method
    def get_webhook_info(self, params: dict) -> dict:
        return self.feed.webhook_info()

    # --- sending -----------------------------------------------------------------------------------

    @api_method
    def send_message(self, params: dict) -> dict:
        content = self._text(params)
        content["link_preview_options"] = params.get("link_preview_options")
        return self._send("sendMessage", params, content)

    @api_method
    def send_photo(self, params: dict) -> dict:
        return self._send_file("sendPhoto", params, "photo")

    @api_method
    def send_document(self, params: dict) -> dict:
        return self._send_file("sendDocument", params, "document")

    @api_method
    def send_video(self, params: dict) -> dict:
        return self._send_file("sendVideo", params, "video")

    @api_method
    def send_voice(self, params: dict) -> dict:
        return self._send_file("sendVoice", params, "voice")

    @api_method
    def send_audio(self, params: dict) -> dict:
        return self._send_file("sendAudio", params, "audio")

    @api_method
    def send_sticker(self, params: dict) -> dict:
        return self._send_file("sendSticker", params, "sticker")

    @api_method
    def send_location(self, params: dict) -> dict:
        if params.get("latitude") is None or params.get("longitude") is None:
            raise ApiError(400, "Bad Request: latitude and longitude must be specified")
        location = {"latitude": float(params["latitude"]), "longitude": float(params["longitude"])}
        location.update({k: params[k] for k in ("horizontal_accuracy", "live_period") if k in params})
        return self._send("sendLocation", params, {"location": location})

    @api_method
    def send_poll(self, params: dict) -> dict:
        question = params.get("question") or ""
        if not question.strip():
            raise ApiError(400, "Bad Request: poll question must be non-empty")
        options = [o if isinstance(o, str) else o.get("text", "") for o in params.get("options") or []]
        if len(options) < 2:
            raise ApiError(400, "Bad Request: poll must have at least 2 option")
        if len(options) > 12:
            raise ApiError(400, "Bad Request: poll can't have more than 12 options")
        poll = {
            "id": str(next(self._poll_ids)),
            "question": question,
            # persistent_id: Bot API 9.6; python-telegram-bot 22.8 refuses options without it.
            "options": [{"text": text, "voter_count": 0, "persistent_id": str(i)} for i, text in enumerate(options)],
            "total_voter_count": 0,
            "is_closed": bool(params.get("is_closed")),
            "is_anonymous": params.get("is_anonymous", True),
            "type": params.get("type") or "regular",
            "allows_multiple_answers": bool(params.get("allows_multiple_answers")),
            # Bot API 9.6 / 10.0 fields that python-telegram-bot 22.8 requires.
            "allows_revoting": params.get("allows_revoting", params.get("type") != "quiz"),
            "members_only": bool(params.get("members_only")),
        }
        if poll["type"] == "quiz":
            poll["correct_option_ids"] = params.get("correct_option_ids") or [0]
        return self._send("sendPoll", params, {"poll": poll})

    @api_method
    def send_chat_action(self, params: dict) -> bool:
        self._chat(params)
        if params.get("action") not in _ACTIONS:
            raise ApiError(400, "Bad Request: wrong parameter action in request")
        return True

    def _content_of(self, params: dict, verb: str, done: str) -> tuple[dict, dict[str, Any]]:
        """The source message of a copy or forward, and what the new message takes from it."""
        original = self._message(self._chat(params, "from_chat_id"), params, f"message to {verb} not found")
        content = {key: original[key] for key in _COPIED if key in original}
        if not any(key in content for key in ("text", *_MEDIA)) or original.get("has_protected_content"):
            raise ApiError(400, f"Bad Request: message can't be {done}")
        if "poll" in content:
            content["poll"] = {**content["poll"], "id": str(next(self._poll_ids))}
        return original, content

    @api_method
    def copy_message(self, params: dict) -> dict:
        _, content = self._content_of(params, "copy", "copied")
        if "caption" in params and "text" not in content:
            content.pop("caption", None)
            content.pop("caption_entities", None)
            content.update(self._caption(params))
        return {"message_id": self._send("copyMessage", params, content)["message_id"]}

    @api_method
    def forward_message(self, params: dict) -> dict:
        original, content = self._content_of(params, "forward", "forwarded")
        content["forward_origin"] = original.get("forward_origin") or World.origin(original)
        return self._send("forwardMessage", params, content)

    # --- editing and deleting ----------------------------------------------------------------------

    @api_method
    def edit_message_text(self, params: dict) -> dict:
        message = self._own_message(params)
        if "text" not in message:
            raise ApiError(400, "Bad Request: there is no text in the message to edit")
        return self._edit(message, self._text(params, "Bad Request: MESSAGE_TOO_LONG"), params)

    @api_method
    def edit_message_caption(self, params: dict) -> dict:
        message = self._own_message(params)
        if not any(key in message for key in _MEDIA):
            raise ApiError(400, "Bad Request: there is no caption in the message to edit")
        return self._edit(message, {"caption": None, "caption_entities": None, **self._caption(params)}, params)

    @api_method
    def edit_message_reply_markup(self, params: dict) -> dict:
        return self._edit(self._own_message(params), {}, params)

    @api_method
    def delete_message(self, params: dict) -> bool:
        chat_id = self._chat(params)
        message = self._message(chat_id, params, "message to delete not found")
        self._deletable(chat_id, message)
        self.world.delete(chat_id, message["message_id"])
        return True

    @api_method
    def delete_messages(self, params: dict) -> bool:
        """Telegram skips the messages it cannot find, but one it may not delete (another's message
        without admin rights, or older than 48 hours) fails the whole batch, and none is deleted."""
        chat_id = self._chat(params)
        ids = params.get("message_ids") or []
        if not 1 <= len(ids) <= 100:
            raise ApiError(400, "Bad Request: message_ids must contain 1-100 message identifiers")
        found = [m for m in (self.world.messages[chat_id].get(int(i)) for i in ids) if m is not None]
        for message in found:
            self._deletable(chat_id, message)
        for message in found:
            self.world.delete(chat_id, message["message_id"])
        return True

    # --- chats and members -------------------------------------------------------------------------

    @api_method
    def get_chat(self, params: dict) -> dict:
        # ChatFullInfo: python-telegram-bot requires accent_color_id and max_reaction_count.
        chat_id = self._chat(params)
        info = {**self.world.chats[chat_id], "accent_color_id": 0, "max_reaction_count": 11}
        if chat_id in self.world.permissions:
            info["permissions"] = self.world.permissions[chat_id]
        return info

    @api_method
    def get_chat_member(self, params: dict) -> dict:
        chat_id = self._chat(params)
        user_id = params.get("user_id")
        if user_id != self.world.bot["id"] and user_id not in self.world.users:
            raise ApiError(400, "Bad Request: user not found")
        return self.world.member(chat_id, user_id)

    @api_method
    def get_chat_administrators(self, params: dict) -> list[dict]:
        """The creator, then the administrators; like Telegram, bots are left out."""
        chat_id = self._chat(params)
        creator = self.world.creators.get(chat_id)
        ids = ([creator] if creator is not None else []) + sorted(self.world.admins[chat_id] - {creator})
        people = [i for i in ids if i in self.world.users and not self.world.users[i]["is_bot"]]
        return [self.world.member(chat_id, user_id) for user_id in people]

    @api_method
    def leave_chat(self, params: dict) -> bool:
        chat_id = self._chat(params)

        def leave() -> None:
            self.world.left.add(chat_id)
            self.world.admins[chat_id].discard(self.world.bot["id"])

        self.bot_status_change(chat_id, self.world.bot, leave)
        return True

    @api_method
    def answer_callback_query(self, params: dict) -> bool:
        query_id = params.get("callback_query_id")
        if query_id not in self.callback_queries:
            raise ApiError(400, "Bad Request: query is too old and response timeout expired or query ID is invalid")
        self.callback_queries.discard(query_id)
        return True

    @api_method
    def get_file(self, params: dict) -> dict:
        stored = self.world.files.get(params.get("file_id") or "")
        if stored is None:
            raise ApiError(400, "Bad Request: invalid file_id")
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.unique_id,
            "file_size": len(stored.data),
            "file_path": stored.path,
        }

    # --- the bot's profile ---------------------------------------------------------------------------

    def _commands_key(self, params: dict) -> tuple[str, str]:
        return _scope_key(params.get("scope")), params.get("language_code") or ""

    @api_method
    def set_my_commands(self, params: dict) -> bool:
        commands = params.get("commands") or []
        for command in commands:
            if not _COMMAND.fullmatch(command.get("command", "")):
                raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
            if not 1 <= len(command.get("description", "")) <= 256:
                raise ApiError(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID")
        if commands:
            self.commands[self._commands_key(params)] = commands
        else:
            self.commands.pop(self._commands_key(params), None)
        return True

    @api_method
    def get_my_commands(self, params: dict) -> list[dict]:
        return self.commands.get(self._commands_key(params), [])

    @api_method
    def delete_my_commands(self, params: dict) -> bool:
        self.commands.pop(self._commands_key(params), None)
        return True

    @api_method
    def set_my_description(self, params: dict) -> bool:
        self.descriptions["description", params.get("language_code") or ""] = params.get("description") or ""
        return True

    @api_method
    def get_my_description(self, params: dict) -> dict:
        return {"description": self.descriptions.get(("description", params.get("language_code") or ""), "")}

    @api_method
    def set_my_short_description(self, params: dict) -> bool:
        key = ("short_description", params.get("language_code") or "")
        self.descriptions[key] = params.get("short_description") or ""
        return True

    @api_method
    def get_my_short_description(self, params: dict) -> dict:
        key = ("short_description", params.get("language_code") or "")
        return {"short_description": self.descriptions.get(key, "")}
