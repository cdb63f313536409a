-- E-mail partners (issue 15): a city whose officers cannot use Telegram takes part by e-mail.
--
-- An e-mail city is a row of `groups` like a Telegram group, with channel 'email' and a synthetic chat id
-- of 2^53 or more: Telegram's chat ids have at most 52 significant bits, so the two number spaces never
-- meet, and everything keyed by chat id (partnership views, commitments, nudges, the delivery queue,
-- the boundary checks) works for it unchanged. Each officer's address is a synthetic user of the same
-- number space (2^53 + address id), so that owning and closing commitments works as for chat members.
ALTER TABLE groups ADD COLUMN channel TEXT NOT NULL DEFAULT 'telegram' CHECK (channel IN ('telegram', 'email'));

CREATE TABLE email_addresses (
    id             INTEGER PRIMARY KEY,
    chat_id        INTEGER NOT NULL REFERENCES groups (chat_id) ON DELETE CASCADE,  -- the e-mail city
    address        TEXT    NOT NULL COLLATE NOCASE UNIQUE,
    name           TEXT    NOT NULL DEFAULT '',
    token          TEXT    NOT NULL UNIQUE,  -- in the Reply-To plus-address of every mail to it
    state          TEXT    NOT NULL DEFAULT 'invited' CHECK (state IN ('invited', 'active', 'bouncing', 'stopped')),
    mode           TEXT    NOT NULL DEFAULT 'digest' CHECK (mode IN ('each', 'digest')),
    digest_minutes INTEGER NOT NULL DEFAULT 10 CHECK (digest_minutes > 0),
    bounces        INTEGER NOT NULL DEFAULT 0,
    invited_by     INTEGER,
    created_at     TEXT    NOT NULL,
    updated_at     TEXT    NOT NULL
);
CREATE INDEX email_addresses_by_city ON email_addresses (chat_id);

-- Every mail read from the bot's mailbox, kept whole; its id keys what it did (the relayed message,
-- the commands it ran), so a mail read again after a crash, or the same Message-ID twice, acts once.
CREATE TABLE email_inbound (
    id          INTEGER PRIMARY KEY,
    message_id  TEXT    NOT NULL UNIQUE,
    uidvalidity INTEGER NOT NULL,
    uid         INTEGER NOT NULL,
    address     TEXT,
    kind        TEXT    NOT NULL,
    outcome     TEXT,               -- NULL until handled: relayed, confirmed, ignored: why
    raw         BLOB    NOT NULL,
    received_at TEXT    NOT NULL,
    handled_at  TEXT
);

-- Where the IMAP reader carries on, per mailbox generation.
CREATE TABLE email_uids (
    uidvalidity INTEGER PRIMARY KEY,
    last_uid    INTEGER NOT NULL
);

-- Mails to send, per address: what the delivery queue hands to the e-mail channel. A 'message' row is
-- one relayed message (sent alone, or gathered into a digest); 'notice' rows (invitations, commitment
-- announcements, nudges, answers to commands) go alone and at once. A row is 'sent' once the SMTP
-- server has taken its mail: an outage, a 4xx or a crash leaves it pending, never lost.
CREATE TABLE email_outbox (
    id          INTEGER PRIMARY KEY,
    address_id  INTEGER NOT NULL REFERENCES email_addresses (id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL CHECK (kind IN ('message', 'notice')),
    payload     TEXT    NOT NULL,  -- JSON: subject, heading, text, original, intro
    state       TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
    attempts    INTEGER NOT NULL DEFAULT 0,
    last_error  TEXT,
    not_before  TEXT,
    created_at  TEXT    NOT NULL,
    sent_at     TEXT
);
CREATE INDEX email_outbox_pending ON email_outbox (address_id, id) WHERE state = 'pending';
