"""/start, /help and the answer to commands the bot does not know."""

from __future__ import annotations

from telegram import Chat, Update
from telegram.ext import ContextTypes

from bridgebot.handlers.common import reply
from bridgebot.handlers.onboarding import JOIN_CODE_START


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The welcome and the help; opened from the link a refused join code showed, also what to do next."""
    chat = update.effective_chat
    private = chat is not None and chat.type == Chat.PRIVATE
    await reply(update, context, "start-private" if private else "start-group")
    if private and context.args == [JOIN_CODE_START]:
        await reply(update, context, "start-join-code")
    await reply(update, context, "help")


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await reply(update, context, "help")


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Only answers commands meant for us: `/x@otherbot` in a shared group is none of our business."""
    message = update.effective_message
    if message is None or not message.text:
        return
    command = message.text.split()[0]
    if "@" in command and command.split("@", 1)[1].casefold() != (context.bot.username or "").casefold():
        return
    await reply(update, context, "error-unknown-command", command=command.split("@", 1)[0])
