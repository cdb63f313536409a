-- The partnership boundary: a join code belongs to the group it was issued from, and dies when that
-- group leaves (NULL: issued in a bot admin's private chat, which belongs to no partnership).

ALTER TABLE join_codes ADD COLUMN issued_by_chat INTEGER;
CREATE INDEX join_codes_by_chat ON join_codes (issued_by_chat) WHERE used_at IS NULL;
