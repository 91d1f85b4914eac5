-- Subscriptions to the quarterly report: an account, the results it asked for
-- (the dashboard's scope) and the language of its mails; ended by deleting the
-- row (from the results page, an unsubscribe link, or the account's erasure).
CREATE TABLE report_subscriptions (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    scope TEXT NOT NULL,
    lang TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    -- YYYY-Qn of the last quarter reported.
    last_quarter TEXT NOT NULL,
    UNIQUE (account_id, scope)
);
CREATE INDEX report_subscriptions_due ON report_subscriptions (last_quarter);
-- The unsubscribe link of each mail, by its SHA-256 (the link itself is only in the mail).
CREATE TABLE report_unsubscribe_links (
    link_hash TEXT PRIMARY KEY,
    subscription_id TEXT NOT NULL REFERENCES report_subscriptions (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL
);
CREATE INDEX report_unsubscribe_links_subscription ON report_unsubscribe_links (subscription_id);
