-- The relay: every accepted message, its copies in partner groups, and the durable outbox.

-- One row per message accepted for relaying; UNIQUE (chat_id, message_id) recognises an update that
-- Telegram delivers twice after a crash.
CREATE TABLE source_messages (
    id                  INTEGER PRIMARY KEY,
    partnership_id      INTEGER NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    chat_id             INTEGER NOT NULL,
    message_id          INTEGER NOT NULL,
    sender_id           INTEGER,
    sender_name         TEXT    NOT NULL,
    city                TEXT    NOT NULL,
    topic               TEXT,
    kind                TEXT    NOT NULL,
    lang                TEXT    NOT NULL,
    text                TEXT    NOT NULL DEFAULT '',
    entities            TEXT    NOT NULL DEFAULT '[]',
    reply_to_message_id INTEGER,
    revision            INTEGER NOT NULL DEFAULT 0,
    edit_date           INTEGER NOT NULL DEFAULT 0,
    deleted             INTEGER NOT NULL DEFAULT 0,
    created_at          TEXT    NOT NULL,
    UNIQUE (chat_id, message_id)
);

-- Each relayed copy; a long translation is several parts.
CREATE TABLE copies (
    source_id      INTEGER NOT NULL REFERENCES source_messages (id) ON DELETE CASCADE,
    target_chat_id INTEGER NOT NULL,
    part           INTEGER NOT NULL,
    message_id     INTEGER NOT NULL,
    PRIMARY KEY (source_id, target_chat_id, part)
);
CREATE INDEX copies_by_message ON copies (target_chat_id, message_id);

-- Work for each target group, delivered in id order per group.
CREATE TABLE outbox (
    id             INTEGER PRIMARY KEY,
    source_id      INTEGER NOT NULL REFERENCES source_messages (id) ON DELETE CASCADE,
    target_chat_id INTEGER NOT NULL,
    action         TEXT    NOT NULL CHECK (action IN ('send', 'edit', 'delete')),
    state          TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'failed')),
    attempts       INTEGER NOT NULL DEFAULT 0,
    last_error     TEXT,
    created_at     TEXT    NOT NULL,
    done_at        TEXT
);
CREATE INDEX outbox_pending ON outbox (target_chat_id, id) WHERE state = 'pending';

-- One translation per source revision and language, kept so a restart does not translate again.
CREATE TABLE translations (
    source_id INTEGER NOT NULL REFERENCES source_messages (id) ON DELETE CASCADE,
    revision  INTEGER NOT NULL,
    lang      TEXT    NOT NULL,
    text      TEXT    NOT NULL,
    entities  TEXT    NOT NULL,
    pivot     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (source_id, revision, lang)
);

CREATE TABLE glossary (
    partnership_id INTEGER NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    term           TEXT    NOT NULL,
    lang           TEXT    NOT NULL DEFAULT '',  -- '' = keep the term verbatim in every language
    translation    TEXT    NOT NULL,
    PRIMARY KEY (partnership_id, term, lang)
);

CREATE TABLE topics (
    chat_id   INTEGER NOT NULL,
    thread_id INTEGER NOT NULL,
    name      TEXT    NOT NULL,
    PRIMARY KEY (chat_id, thread_id)
);

ALTER TABLE groups ADD COLUMN relay_broken TEXT;

-- Small facts the bot keeps between runs, such as the last Telegram update it finished handling.
CREATE TABLE bot_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
