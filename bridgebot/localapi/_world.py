"""What the local server knows: the bot, users, chats, who is in them, every message, every file.

Plain state with the few rules that decide Telegram's answers (a member's status, the shape of a
ChatMember, what a reply or a forward carries), so the methods and the injection helpers agree.
"""

from __future__ import annotations

import itertools
import time
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

ANONYMOUS_ADMIN = {"id": 1087968824, "is_bot": True, "first_name": "Group", "username": "GroupAnonymousBot"}
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
        "can_pin_messages",
        "can_manage_topics",
    )
}
# What a message shows of each kind of file besides its ids and size, unless the sender said otherwise.
MEDIA_FIELDS: dict[str, dict[str, Any]] = {
    "document": {"mime_type": "application/octet-stream"},
    "video": {"width": 640, "height": 360, "duration": 5, "mime_type": "video/mp4"},
    "voice": {"duration": 3, "mime_type": "audio/ogg"},
    "audio": {"duration": 60, "mime_type": "audio/mpeg"},
    "sticker": {"type": "regular", "width": 512, "height": 512, "is_animated": False, "is_video": False},
}
# Where getFile puts each kind, and the extension used when the upload named none.
_FOLDERS = {
    "photo": ("photos", "jpg"),
    "document": ("documents", "bin"),
    "video": ("videos", "mp4"),
    "voice": ("voice", "oga"),
    "audio": ("music", "mp3"),
    "sticker": ("stickers", "webp"),
}


@dataclass
class StoredFile:
    """One file the server holds: its bytes for getFile downloads, and what a message shows of it."""

    kind: str
    file_id: str
    unique_id: str
    data: bytes
    path: str
    shape: Any  # a dict, or for photos the list of PhotoSize


class World:
    """Users, chats, membership, messages and files; the Bot API methods and the tests share it."""

    def __init__(self, bot: dict) -> None:
        self.bot = bot
        self.users: dict[int, dict] = {ANONYMOUS_ADMIN["id"]: ANONYMOUS_ADMIN}
        self.chats: dict[int, dict] = {}
        self.members: defaultdict[int, set[int]] = defaultdict(set)
        self.admins: defaultdict[int, set[int]] = defaultdict(set)
        self.creators: dict[int, int] = {}
        self.kicked: set[int] = set()  # chats the bot was removed from
        self.left: set[int] = set()  # chats the bot left by itself
        self.migrated: dict[int, int] = {}
        self.permissions: dict[int, dict[str, bool]] = {}  # ChatPermissions of the chats that set some
        self.topics: defaultdict[int, dict[int, str]] = defaultdict(dict)
        self.closed_topics: defaultdict[int, set[int]] = defaultdict(set)
        self.deleted: set[int] = set()  # basic groups their creator deleted
        self.messages: defaultdict[int, dict[int, dict]] = defaultdict(dict)
        self.sent_log: list[tuple[int, int, str]] = []  # (chat, message, method) of the bot's messages
        self.bot_messages: defaultdict[int, set[int]] = defaultdict(set)  # the bot's messages not deleted
        self.files: dict[str, StoredFile] = {}
        self._message_ids: defaultdict[int, itertools.count] = defaultdict(lambda: itertools.count(1))
        self._file_numbers = itertools.count(1)

    # --- membership ------------------------------------------------------------------------------

    def status(self, chat_id: int, user_id: int) -> str:
        if user_id == self.bot["id"]:
            if chat_id in self.kicked:
                return "kicked"
            if chat_id in self.left:
                return "left"
        if self.creators.get(chat_id) == user_id:
            return "creator"
        if user_id in self.admins[chat_id]:
            return "administrator"
        if user_id == self.bot["id"] or user_id in self.members[chat_id]:
            return "member"
        return "left"

    def member(self, chat_id: int, user_id: int, status: str | None = None) -> dict:
        """A ChatMember object of the kind `status` calls for (each kind has its own required fields)."""
        status = status or self.status(chat_id, user_id)
        user = self.bot if user_id == self.bot["id"] else self.users[user_id]
        member: dict[str, Any] = {"status": status, "user": user}
        if status == "administrator":
            member.update(_ADMIN_RIGHTS, is_anonymous=False)
        elif status == "creator":
            member["is_anonymous"] = False
        elif status == "kicked":
            member["until_date"] = 0
        return member

    def bot_is_in(self, chat_id: int) -> bool:
        return self.status(chat_id, self.bot["id"]) not in ("left", "kicked")

    # --- messages --------------------------------------------------------------------------------

    def store(self, chat_id: int, sender: dict | None, content: dict[str, Any], via: str | None = None) -> dict:
        """A new message with the chat's next message_id; `via` names the method when the bot sent it."""
        message: dict[str, Any] = {"message_id": next(self._message_ids[chat_id])}
        if sender is not None:
            message["from"] = sender
            self.members[chat_id].add(sender["id"])
        message.update(date=int(time.time()), chat=self.chats[chat_id])
        message.update({key: value for key, value in content.items() if value is not None})
        self.messages[chat_id][message["message_id"]] = message
        if via is not None:
            self.sent_log.append((chat_id, message["message_id"], via))
            self.bot_messages[chat_id].add(message["message_id"])
        return message

    def delete(self, chat_id: int, message_id: int) -> None:
        del self.messages[chat_id][message_id]
        self.bot_messages[chat_id].discard(message_id)

    def snapshot(self, chat_id: int, message_id: int) -> dict | None:
        """The message as a reply carries it: Telegram does not nest reply_to_message further."""
        message = self.messages[chat_id].get(message_id)
        return {k: v for k, v in message.items() if k != "reply_to_message"} if message else None

    @staticmethod
    def origin(message: dict) -> dict:
        """MessageOrigin of a forward or an external reply: the group itself for anonymous admins."""
        if "sender_chat" in message:
            return {"type": "chat", "sender_chat": message["sender_chat"], "date": message["date"]}
        return {"type": "user", "sender_user": message["from"], "date": message["date"]}

    # --- files -----------------------------------------------------------------------------------

    def add_file(self, kind: str, data: bytes, file_name: str | None = None, **fields: Any) -> StoredFile:
        number = next(self._file_numbers)
        file_id = f"{kind.upper()}-{number:06d}"
        folder, extension = _FOLDERS.get(kind, ("files", "bin"))
        if file_name and "." in file_name:
            extension = file_name.rsplit(".", 1)[1]
        unique_id = f"U{number:06d}"
        base = {"file_id": file_id, "file_unique_id": unique_id, "file_size": len(data)}
        if kind == "photo":
            shape: Any = [{**base, "width": 1280, "height": 960}]
        else:
            shape = {**base, **fields}
            if file_name:
                shape["file_name"] = file_name
        stored = StoredFile(kind, file_id, unique_id, data, f"{folder}/file_{number}.{extension}", shape)
        self.files[file_id] = stored
        return stored
