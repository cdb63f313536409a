-- Follow-ups: nudges a coordinator scheduled, the automatic ones, and every delivery to every group.

-- What a coordinator asked for with /followup; numbered per partnership and shown as F1, F2, ...
CREATE TABLE followups (
    id             INTEGER PRIMARY KEY,
    partnership_id INTEGER NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    number         INTEGER NOT NULL,
    target         TEXT    NOT NULL CHECK (target IN ('commitment', 'user', 'all')),
    commitment_id  INTEGER REFERENCES commitments (id) ON DELETE CASCADE,
    user_id        INTEGER,
    user_name      TEXT,
    note           TEXT    NOT NULL DEFAULT '',
    note_lang      TEXT    NOT NULL,
    at             TEXT,  -- a one-off moment (UTC); NULL when recurring
    rule           TEXT,  -- a recurrence as JSON, read in each group's own time zone
    status         TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'finished', 'cancelled')),
    chat_id        INTEGER NOT NULL,
    created_by     INTEGER,
    created_at     TEXT    NOT NULL,
    UNIQUE (partnership_id, number)
);

-- The note machine-translated once per language.
CREATE TABLE followup_translations (
    followup_id INTEGER NOT NULL REFERENCES followups (id) ON DELETE CASCADE,
    lang        TEXT    NOT NULL,
    text        TEXT    NOT NULL,
    PRIMARY KEY (followup_id, lang)
);

-- One nudge to one group at one moment; also the bot's announcements (`notice`, text rendered when
-- stored), so that they too survive a crash, a 429 or a failing send. `occurrence` names the nudge and its moment ("F3@2026-11-30"
-- for a recurring follow-up's local date, "C7@<due>" for a reminder, "<last activity>" for dormancy), so
-- planning twice can never create a second row for the same nudge. A row is marked sent in the same transaction that records
-- the ids of the messages that carried it.
CREATE TABLE nudges (
    id             INTEGER PRIMARY KEY,
    partnership_id INTEGER NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    kind           TEXT    NOT NULL
                   CHECK (kind IN ('followup', 'reminder', 'overdue', 'digest', 'dormancy', 'notice')),
    followup_id    INTEGER REFERENCES followups (id) ON DELETE CASCADE,
    commitment_id  INTEGER REFERENCES commitments (id) ON DELETE CASCADE,
    chat_id        INTEGER NOT NULL,
    occurrence     TEXT    NOT NULL,
    due_at         TEXT    NOT NULL,
    payload        TEXT,  -- a notice's text
    not_before     TEXT,  -- set by flood control or a failing send
    state          TEXT    NOT NULL DEFAULT 'pending'
                   CHECK (state IN ('pending', 'sent', 'cancelled', 'skipped', 'failed')),
    attempts       INTEGER NOT NULL DEFAULT 0,
    last_error     TEXT,
    late           INTEGER NOT NULL DEFAULT 0,
    message_ids    TEXT,
    sent_at        TEXT,
    UNIQUE (kind, chat_id, occurrence)
);
CREATE INDEX nudges_pending ON nudges (due_at) WHERE state = 'pending';

-- Automatic nudges and the working hours that hold them back, per partnership; a missing row means the defaults.
CREATE TABLE followup_settings (
    partnership_id  INTEGER PRIMARY KEY REFERENCES partnerships (id) ON DELETE CASCADE,
    reminder_hours  INTEGER NOT NULL DEFAULT 48,   -- 0: no reminder before a due date
    overdue_notice  INTEGER NOT NULL DEFAULT 1,
    digest_day      INTEGER DEFAULT 0,                 -- weekly digest on this weekday (Monday = 0); NULL: none
    digest_time     TEXT    NOT NULL DEFAULT '09:00',
    dormancy_days   INTEGER NOT NULL DEFAULT 21,   -- 0: no dormancy alert
    hours_start     TEXT    NOT NULL DEFAULT '08:00',  -- working hours, local to each group
    hours_end       TEXT    NOT NULL DEFAULT '20:00',
    work_days       TEXT    NOT NULL DEFAULT '0,1,2,3,4'  -- Monday = 0
);
