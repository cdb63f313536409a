-- Delivery that resumes and reports: each part of a copy remembers the source revision it shows, so a
-- retry after a 429 or an error carries on at the first part not done (and an edit skips parts that
-- already show it); a delete row keeps its outcome, so /unsend can say what stayed.

-- -1: sent before this migration, revision unknown (the next edit rewrites it).
ALTER TABLE copies ADD COLUMN revision INTEGER NOT NULL DEFAULT -1;

-- For 'delete' rows: 'deleted', or 'kept' when Telegram refused to delete a part (older than 48 hours);
-- for 'edit' rows: 'superseded' when a newer edit of the same copy replaced it before delivery.
ALTER TABLE outbox ADD COLUMN outcome TEXT;

-- Set once the author of an /unsend has been told the outcome, so two workers finishing together
-- cannot both report it.
ALTER TABLE source_messages ADD COLUMN unsend_reported INTEGER NOT NULL DEFAULT 0;

-- A new edit replaces the pending one of the same copy; finished rows are pruned after a while.
CREATE INDEX outbox_pending_by_source ON outbox (source_id, target_chat_id) WHERE state = 'pending';
CREATE INDEX outbox_finished ON outbox (done_at) WHERE state != 'pending';
