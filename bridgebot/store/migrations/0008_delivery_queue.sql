-- One delivery queue per destination: the outbox now carries every kind of delivery, not only relayed
-- copies. `copy`/`edit`/`delete` rows name a source message and are rendered when delivered;
-- `announce`/`nudge` rows carry their already composed text (JSON) and the partnership they belong to,
-- which the destination must still be in when the row is delivered. Announcements used to wait in
-- `nudges` as kind 'notice'; those not yet sent move here. Nudges stay planned in `nudges`: firing one
-- queues its `nudge` row here in the same transaction that marks it fired.
CREATE TABLE deliveries (
    id             INTEGER PRIMARY KEY,
    kind           TEXT    NOT NULL CHECK (kind IN ('copy', 'edit', 'delete', 'announce', 'nudge')),
    source_id      INTEGER REFERENCES source_messages (id) ON DELETE CASCADE,
    target_chat_id INTEGER NOT NULL,
    partnership_id INTEGER,           -- announce/nudge: the partnership the destination must still be in
    payload        TEXT,              -- announce/nudge: the composed text, JSON
    sent           TEXT,              -- announce/nudge: message ids of the parts already sent, JSON
    state          TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'failed')),
    attempts       INTEGER NOT NULL DEFAULT 0,
    last_error     TEXT,
    outcome        TEXT,
    created_at     TEXT    NOT NULL,
    done_at        TEXT,
    CHECK ((kind IN ('copy', 'edit', 'delete')) = (source_id IS NOT NULL))
);

INSERT INTO deliveries (id, kind, source_id, target_chat_id, state, attempts, last_error, outcome, created_at, done_at)
SELECT id, CASE action WHEN 'send' THEN 'copy' ELSE action END, source_id, target_chat_id, state, attempts,
       last_error, outcome, created_at, done_at
FROM outbox;

INSERT INTO deliveries (kind, target_chat_id, partnership_id, payload, created_at)
SELECT 'announce', chat_id, partnership_id,
       json_object('kind', 'text', 'parts', json_array(json_object('text', COALESCE(payload, ''),
                   'entities', json_array()))),
       due_at
FROM nudges WHERE kind = 'notice' AND state = 'pending' ORDER BY id;
UPDATE nudges SET state = 'sent', last_error = 'moved to the delivery queue' WHERE kind = 'notice' AND state = 'pending';

DROP TABLE outbox;

CREATE INDEX deliveries_pending ON deliveries (target_chat_id, id) WHERE state = 'pending';
CREATE INDEX deliveries_pending_by_source ON deliveries (source_id, target_chat_id) WHERE state = 'pending';
CREATE INDEX deliveries_finished ON deliveries (done_at) WHERE state != 'pending';
