"""A local Telegram Bot API server: the real bot talks HTTP to it instead of api.telegram.org.

Used by the end-to-end tests and by the offline `bridgebot demo`. It keeps a small world (the bot,
users, groups, chat admins, every message, uploaded files), implements the methods a bot like
bridgebot calls with Telegram's response shapes and error texts, records every call, and lets a
test inject updates (messages, edits, media, button presses, member changes, group upgrades) and
faults (any error for any method and chat, 429 with retry_after, 5xx, slow answers, answers that
come after the call was carried out, a revoked token, a chat's permissions). Updates reach the bot
by getUpdates long polling or by a webhook. It listens on loopback only.

    async with LocalBotApi() as api:
        group = api.add_group("Hamburg")
        app = ApplicationBuilder().token(TOKEN).base_url(api.base_url).build()
        ...
        api.send_text(group["id"], api.add_user("Anna"), "Moin!")
        replies = await api.wait_sent(group["id"])
"""

from ._errors import ApiError
from ._params import Upload
from ._server import Call, LocalBotApi
from ._world import ANONYMOUS_ADMIN

__all__ = ["ANONYMOUS_ADMIN", "ApiError", "Call", "LocalBotApi", "Upload"]
