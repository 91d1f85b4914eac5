-- A CV uploaded with a form that had errors, kept for an hour under a token so
-- the visitor need not choose the file again (only the token's hash is stored).
CREATE TABLE held_uploads (
    token_hash TEXT PRIMARY KEY,
    content BYTEA NOT NULL,
    held_at BIGINT NOT NULL
);
CREATE INDEX held_uploads_held_at ON held_uploads (held_at);
