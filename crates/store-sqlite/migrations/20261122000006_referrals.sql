-- Referrals between organisations, their immutable status history, the
-- organisations' internal notes, client contacts, in-app notifications, service
-- levels, API tokens and idempotency keys. Times are Unix seconds; dates
-- (`due_on`) are ISO text so that they compare as strings.
CREATE TABLE referrals (
    id TEXT PRIMARY KEY,
    version BIGINT NOT NULL,
    sender_org TEXT,
    receiver_org TEXT NOT NULL,
    service_id TEXT NOT NULL,
    status TEXT NOT NULL,
    due_on TEXT,
    assignee TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    doc TEXT NOT NULL
);
CREATE INDEX referrals_receiver ON referrals (receiver_org, created_at);
CREATE INDEX referrals_receiver_status ON referrals (receiver_org, status, created_at);
CREATE INDEX referrals_receiver_due ON referrals (receiver_org, due_on, created_at);
-- Partial: most referrals have no assignee, and an index full of NULLs looks useless to the planner.
CREATE INDEX referrals_assignee ON referrals (assignee, receiver_org, created_at) WHERE assignee IS NOT NULL;
CREATE INDEX referrals_sender ON referrals (sender_org, created_at);
CREATE INDEX referrals_due ON referrals (due_on);
CREATE TABLE referral_events (
    referral_id TEXT NOT NULL REFERENCES referrals (id),
    version BIGINT NOT NULL,
    at BIGINT NOT NULL,
    actor TEXT NOT NULL,
    actor_org TEXT,
    from_status TEXT,
    to_status TEXT NOT NULL,
    reason TEXT,
    outcome TEXT,
    PRIMARY KEY (referral_id, version)
);
CREATE TRIGGER referral_events_no_update BEFORE UPDATE ON referral_events BEGIN SELECT RAISE(ABORT, 'the status history of a referral cannot be changed'); END;
CREATE TRIGGER referral_events_no_delete BEFORE DELETE ON referral_events BEGIN SELECT RAISE(ABORT, 'the status history of a referral cannot be changed'); END;
CREATE TABLE referral_notes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    referral_id TEXT NOT NULL REFERENCES referrals (id),
    organization_id TEXT NOT NULL,
    author TEXT NOT NULL,
    at BIGINT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX referral_notes_referral ON referral_notes (referral_id, organization_id);
CREATE TABLE contacts (
    id TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL,
    service_id TEXT NOT NULL,
    at BIGINT NOT NULL,
    doc TEXT NOT NULL
);
CREATE INDEX contacts_organization ON contacts (organization_id, at);
CREATE INDEX contacts_at ON contacts (at);
CREATE TABLE notifications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id TEXT NOT NULL,
    referral_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    at BIGINT NOT NULL,
    read_at BIGINT
);
CREATE INDEX notifications_account ON notifications (account_id, read_at);
CREATE TABLE service_levels (
    service_id TEXT PRIMARY KEY,
    ack_working_days BIGINT NOT NULL,
    update_days BIGINT NOT NULL
);
CREATE TABLE api_tokens (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    organization_id TEXT NOT NULL,
    name TEXT NOT NULL,
    scopes TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT
);
CREATE INDEX api_tokens_organization ON api_tokens (organization_id);
CREATE TABLE idempotency_keys (
    caller TEXT NOT NULL,
    key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status BIGINT NOT NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (caller, key)
);
