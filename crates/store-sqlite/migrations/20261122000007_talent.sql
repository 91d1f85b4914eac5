-- Welcome to Maastricht Region: employers, vacancies, candidates, introductions, placements
-- and the change feed that keeps every node's matching index current. Times are Unix
-- seconds; dates are ISO text. Records keep their checked details as JSON (`doc`, `profile`)
-- next to the columns that are searched or joined.
CREATE TABLE employers (
    id TEXT PRIMARY KEY,
    kvk_number TEXT NOT NULL UNIQUE,
    doc TEXT NOT NULL,
    verified_at INTEGER,
    verified_by TEXT,
    created_at INTEGER NOT NULL,
    version INTEGER NOT NULL
);
CREATE TABLE employer_accounts (
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    employer_id TEXT NOT NULL REFERENCES employers (id) ON DELETE CASCADE,
    PRIMARY KEY (account_id, employer_id)
);
CREATE INDEX employer_accounts_employer ON employer_accounts (employer_id);
CREATE TABLE employer_board (
    employer_id TEXT NOT NULL REFERENCES employers (id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    fee_cents INTEGER NOT NULL,
    status TEXT NOT NULL,
    PRIMARY KEY (employer_id, year)
);
CREATE TABLE vacancies (
    id TEXT PRIMARY KEY,
    employer_id TEXT NOT NULL REFERENCES employers (id),
    status TEXT NOT NULL,
    doc TEXT NOT NULL,
    version INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    published_at INTEGER
);
CREATE INDEX vacancies_employer ON vacancies (employer_id, created_at);
CREATE INDEX vacancies_published ON vacancies (status, published_at);
CREATE TABLE candidates (
    id TEXT PRIMARY KEY,
    account_id TEXT REFERENCES accounts (id) ON DELETE SET NULL,
    registered_by TEXT,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    phone TEXT,
    profile TEXT NOT NULL,
    consent_at INTEGER NOT NULL,
    consent_purpose TEXT NOT NULL,
    last_activity_at INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL
);
CREATE INDEX candidates_account ON candidates (account_id) WHERE account_id IS NOT NULL;
CREATE INDEX candidates_activity ON candidates (last_activity_at);
CREATE TABLE candidate_cvs (
    candidate_id TEXT PRIMARY KEY REFERENCES candidates (id) ON DELETE CASCADE,
    content BLOB NOT NULL,
    bytes INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    uploaded_at INTEGER NOT NULL
);
CREATE TABLE introductions (
    id TEXT PRIMARY KEY,
    vacancy_id TEXT NOT NULL REFERENCES vacancies (id),
    candidate_id TEXT NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    reason TEXT,
    proposed_as TEXT NOT NULL,
    consent_token_hash TEXT UNIQUE,
    consent_expires_at INTEGER,
    version INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (vacancy_id, candidate_id)
);
CREATE INDEX introductions_candidate ON introductions (candidate_id);
CREATE TABLE introduction_events (
    introduction_id TEXT NOT NULL REFERENCES introductions (id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    to_status TEXT NOT NULL,
    reason TEXT,
    PRIMARY KEY (introduction_id, version)
);
-- A placement outlives the candidate's personal data: it is a count for the funder.
CREATE TABLE placements (
    id TEXT PRIMARY KEY,
    introduction_id TEXT UNIQUE REFERENCES introductions (id) ON DELETE SET NULL,
    employer_id TEXT NOT NULL REFERENCES employers (id),
    vacancy_id TEXT NOT NULL REFERENCES vacancies (id),
    occupation TEXT NOT NULL,
    service_id TEXT NOT NULL,
    start_date TEXT NOT NULL,
    year INTEGER NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX placements_year ON placements (year);
CREATE TABLE placement_targets (
    year INTEGER PRIMARY KEY,
    expected INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
-- The change feed of candidates and vacancies: every node reads it (from its last seq)
-- and updates its matching index, so a change is matchable everywhere within a second.
CREATE TABLE talent_changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    id TEXT NOT NULL,
    at INTEGER NOT NULL
);
