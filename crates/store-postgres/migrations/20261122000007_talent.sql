-- Welcome to Maastricht Region: employers, vacancies, candidates, introductions, placements
-- and the change feed that keeps every node's matching index current. Times are Unix
-- seconds; dates are ISO text. Records keep their checked details as JSON (`doc`, `profile`)
-- next to the columns that are searched or joined.
CREATE TABLE employers (
    id TEXT PRIMARY KEY,
    kvk_number TEXT NOT NULL UNIQUE,
    doc TEXT NOT NULL,
    verified_at BIGINT,
    verified_by TEXT,
    created_at BIGINT NOT NULL,
    version BIGINT NOT NULL
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
    fee_cents BIGINT NOT NULL,
    status TEXT NOT NULL,
    PRIMARY KEY (employer_id, year)
);
CREATE TABLE vacancies (
    id TEXT PRIMARY KEY,
    employer_id TEXT NOT NULL REFERENCES employers (id),
    status TEXT NOT NULL,
    doc TEXT NOT NULL,
    version BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    published_at BIGINT
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
    consent_at BIGINT NOT NULL,
    consent_purpose TEXT NOT NULL,
    last_activity_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version BIGINT NOT NULL
);
CREATE INDEX candidates_account ON candidates (account_id) WHERE account_id IS NOT NULL;
CREATE INDEX candidates_activity ON candidates (last_activity_at);
CREATE TABLE candidate_cvs (
    candidate_id TEXT PRIMARY KEY REFERENCES candidates (id) ON DELETE CASCADE,
    content BYTEA NOT NULL,
    bytes BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    uploaded_at BIGINT NOT NULL
);
CREATE TABLE introductions (
    id TEXT PRIMARY KEY,
    vacancy_id TEXT NOT NULL REFERENCES vacancies (id),
    candidate_id TEXT NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    reason TEXT,
    proposed_as TEXT NOT NULL,
    consent_token_hash TEXT UNIQUE,
    consent_expires_at BIGINT,
    version BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (vacancy_id, candidate_id)
);
CREATE INDEX introductions_candidate ON introductions (candidate_id);
CREATE TABLE introduction_events (
    introduction_id TEXT NOT NULL REFERENCES introductions (id) ON DELETE CASCADE,
    version BIGINT NOT NULL,
    at BIGINT NOT NULL,
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
    created_at BIGINT NOT NULL
);
CREATE INDEX placements_year ON placements (year);
CREATE TABLE placement_targets (
    year INTEGER PRIMARY KEY,
    expected BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
-- The change feed of candidates and vacancies: every node reads it (from its last seq)
-- and updates its matching index, so a change is matchable everywhere within a second.
CREATE TABLE talent_changes (
    seq BIGSERIAL PRIMARY KEY,
    kind TEXT NOT NULL,
    id TEXT NOT NULL,
    at BIGINT NOT NULL
);
