-- Commands already handled, by the message that carried them. Telegram delivers an update again
-- when the bot stopped before confirming it (polling's next offset, the webhook's 200); the mark is
-- written in the transaction that applies the command, so a redelivered /commit, /followup or
-- /partnership new finds it and is neither applied nor answered twice. Marks older than the 24 hours
-- Telegram keeps an update are pruned.
CREATE TABLE handled_commands (
    chat_id    INTEGER NOT NULL,
    message_id INTEGER NOT NULL,
    handled_at TEXT    NOT NULL,
    PRIMARY KEY (chat_id, message_id)
);
CREATE INDEX handled_commands_age ON handled_commands (handled_at);
