-- Commitments: who promised what, by when; every change leaves an audit row.

CREATE TABLE roles (
    partnership_id INTEGER NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    user_id        INTEGER NOT NULL,
    role           TEXT    NOT NULL CHECK (role IN ('coordinator', 'officer')),
    PRIMARY KEY (partnership_id, user_id)
);

CREATE TABLE commitments (
    id             INTEGER PRIMARY KEY,
    partnership_id INTEGER NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    number         INTEGER NOT NULL,  -- shown as #n, counted per partnership
    owner_id       INTEGER,
    owner_name     TEXT    NOT NULL,
    city           TEXT    NOT NULL,
    chat_id        INTEGER NOT NULL,
    text           TEXT    NOT NULL,
    lang           TEXT    NOT NULL,
    due_at         TEXT,
    status         TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'blocked')),
    blocked_reason TEXT,
    created_by     INTEGER,
    created_at     TEXT    NOT NULL,
    updated_at     TEXT    NOT NULL,
    done_at        TEXT,
    UNIQUE (partnership_id, number)
);

CREATE TABLE commitment_events (
    id            INTEGER PRIMARY KEY,
    commitment_id INTEGER NOT NULL REFERENCES commitments (id) ON DELETE CASCADE,
    at            TEXT    NOT NULL,
    actor_id      INTEGER,
    action        TEXT    NOT NULL,
    detail        TEXT
);

-- The commitment text machine-translated once per language, not on every view.
CREATE TABLE commitment_translations (
    commitment_id INTEGER NOT NULL REFERENCES commitments (id) ON DELETE CASCADE,
    lang          TEXT    NOT NULL,
    text          TEXT    NOT NULL,
    PRIMARY KEY (commitment_id, lang)
);
