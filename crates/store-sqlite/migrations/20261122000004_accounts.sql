-- Accounts and their roles. E-mail addresses are stored normalised (lowercase),
-- so uniqueness is case-insensitive. A network-wide role has no organisation.
CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    disabled INTEGER NOT NULL
);
CREATE TABLE memberships (
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    organization_id TEXT REFERENCES organizations (id),
    role TEXT NOT NULL
);
CREATE UNIQUE INDEX memberships_unique ON memberships (account_id, COALESCE(organization_id, ''), role);
