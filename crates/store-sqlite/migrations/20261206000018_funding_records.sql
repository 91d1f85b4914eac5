-- What the coordinator records about a region's funding. Rows are only added:
-- the newest row of a key is in force, the rest its history.
-- The most an organisation may receive from an agreement in a year.
CREATE TABLE funding_shares (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    region TEXT NOT NULL,
    agreement TEXT NOT NULL,
    recipient TEXT NOT NULL,
    year INTEGER NOT NULL,
    cents BIGINT NOT NULL CHECK (cents >= 0),
    set_by TEXT NOT NULL,
    set_at BIGINT NOT NULL
);
CREATE INDEX funding_shares_key ON funding_shares (region, agreement, recipient, year, id);
-- Where each condition of an agreement stands.
CREATE TABLE funding_conditions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    region TEXT NOT NULL,
    agreement TEXT NOT NULL,
    condition_id TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'met', 'not-met')),
    on_day TEXT,
    note TEXT NOT NULL,
    set_by TEXT NOT NULL,
    set_at BIGINT NOT NULL
);
CREATE INDEX funding_conditions_key ON funding_conditions (region, agreement, condition_id, id);
-- Which funder an account stands for (linked = FALSE: the link was removed).
CREATE TABLE funder_links (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id TEXT NOT NULL,
    region TEXT NOT NULL,
    funder TEXT NOT NULL,
    linked BOOLEAN NOT NULL,
    set_by TEXT NOT NULL,
    set_at BIGINT NOT NULL
);
CREATE INDEX funder_links_key ON funder_links (account_id, region, funder, id);
