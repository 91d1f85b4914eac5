-- The service catalogue. Each record is kept whole as a JSON document (`doc`),
-- with the columns that queries, uniqueness and references need beside it.
CREATE TABLE taxonomies (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    doc TEXT NOT NULL
);
CREATE TABLE taxonomy_terms (
    id TEXT PRIMARY KEY,
    taxonomy TEXT NOT NULL,
    code TEXT NOT NULL,
    doc TEXT NOT NULL,
    UNIQUE (taxonomy, code)
);
CREATE TABLE regions (
    code TEXT PRIMARY KEY,
    parent TEXT,
    doc TEXT NOT NULL
);
CREATE TABLE municipalities (
    code TEXT PRIMARY KEY,
    region TEXT NOT NULL REFERENCES regions (code),
    doc TEXT NOT NULL
);
CREATE TABLE organizations (
    id TEXT PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    last_modified TEXT NOT NULL,
    doc TEXT NOT NULL
);
CREATE TABLE locations (
    id TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL REFERENCES organizations (id),
    doc TEXT NOT NULL
);
CREATE TABLE services (
    id TEXT PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    organization_id TEXT NOT NULL REFERENCES organizations (id),
    status TEXT NOT NULL,
    last_modified TEXT NOT NULL,
    doc TEXT NOT NULL
);
CREATE INDEX services_organization ON services (organization_id);
CREATE TABLE service_at_locations (
    service_id TEXT NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    location_id TEXT NOT NULL REFERENCES locations (id),
    PRIMARY KEY (service_id, location_id)
);
-- The change feed: every node polls the latest seq and rebuilds its index when it grows.
CREATE TABLE catalogue_changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    changed_at TEXT NOT NULL
);
