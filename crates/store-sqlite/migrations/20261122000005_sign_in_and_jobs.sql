-- Sign-in: a second factor per account, one-time recovery codes, server-side
-- sessions, single-use tokens (invitations, password resets) and the events that
-- throttle guessing. Times are Unix seconds. Secrets are stored as hashes where
-- only comparison is needed (sessions, tokens, recovery codes).
ALTER TABLE accounts ADD COLUMN totp_secret TEXT;
ALTER TABLE accounts ADD COLUMN totp_confirmed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE accounts ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT 0;
ALTER TABLE accounts ADD COLUMN erased_at BIGINT;
-- Last sign-in (or creation): the register erases accounts unused for a year.
ALTER TABLE accounts ADD COLUMN last_active_at BIGINT;
CREATE TABLE recovery_codes (
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    PRIMARY KEY (account_id, code_hash)
);
CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    stage TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL
);
CREATE INDEX sessions_account ON sessions (account_id);
CREATE TABLE one_time_tokens (
    token_hash TEXT PRIMARY KEY,
    purpose TEXT NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);
CREATE TABLE rate_events (
    key TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX rate_events_key ON rate_events (key, at);
-- The project's own job queue: mail, retention. A job is leased by one worker
-- at a time (`locked_until`) and retried with back-off when it fails.
CREATE TABLE jobs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    run_at BIGINT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    locked_until BIGINT,
    done_at BIGINT,
    last_error TEXT
);
CREATE INDEX jobs_due ON jobs (done_at, run_at);
-- Every saved version of an edited catalogue record: who, when, what.
CREATE TABLE record_versions (
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    version BIGINT NOT NULL,
    at BIGINT NOT NULL,
    actor TEXT NOT NULL,
    doc TEXT NOT NULL,
    PRIMARY KEY (entity, entity_id, version)
);
-- What is left of expired front-door feedback: how much came in, per day and language.
CREATE TABLE front_door_feedback_counts (
    day TEXT NOT NULL,
    lang TEXT NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (day, lang)
);
-- Organisations asking to join the network, until the coordinator decides.
CREATE TABLE organization_proposals (
    id TEXT PRIMARY KEY,
    submitted_at BIGINT NOT NULL,
    doc TEXT NOT NULL,
    status TEXT NOT NULL,
    decided_by TEXT,
    decided_at BIGINT
);
