-- Cities (one Telegram group each), partnerships, join codes and the people the bot has seen.

CREATE TABLE partnerships (
    id            INTEGER PRIMARY KEY,
    name          TEXT    NOT NULL,
    original_mode TEXT    NOT NULL DEFAULT 'quote' CHECK (original_mode IN ('quote', 'full', 'none')),
    created_by    INTEGER,
    created_at    TEXT    NOT NULL
);

CREATE TABLE users (
    id           INTEGER PRIMARY KEY,
    username     TEXT,
    first_name   TEXT    NOT NULL DEFAULT '',
    last_name    TEXT,
    is_bot       INTEGER NOT NULL DEFAULT 0,
    last_seen_at TEXT    NOT NULL
);
CREATE INDEX users_by_username ON users (username COLLATE NOCASE);

CREATE TABLE groups (
    chat_id        INTEGER PRIMARY KEY,
    title          TEXT    NOT NULL DEFAULT '',
    city           TEXT    NOT NULL,
    lang           TEXT    NOT NULL,
    tz             TEXT    NOT NULL,
    focal_user_id  INTEGER REFERENCES users (id) ON DELETE SET NULL,
    partnership_id INTEGER REFERENCES partnerships (id) ON DELETE SET NULL,
    joined_at      TEXT,
    created_at     TEXT    NOT NULL,
    updated_at     TEXT    NOT NULL
);
CREATE INDEX groups_by_partnership ON groups (partnership_id);

-- Only a hash of each code is kept: a leaked database does not hand out ways into a partnership.
CREATE TABLE join_codes (
    code_hash      TEXT    PRIMARY KEY,
    partnership_id INTEGER NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    created_by     INTEGER,
    created_at     TEXT    NOT NULL,
    expires_at     TEXT    NOT NULL,
    used_at        TEXT,
    used_by_chat   INTEGER
);

-- Who was seen in which group: resolves @names and tells whether a mention can reach someone.
CREATE TABLE group_members (
    chat_id      INTEGER NOT NULL,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    last_seen_at TEXT    NOT NULL,
    PRIMARY KEY (chat_id, user_id)
);
