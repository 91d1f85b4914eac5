-- The tallies the indicators are counted from (see loket_domain::monitoring::rollup),
-- written in the same transaction as each contact, referral and placement. Days are
-- the region's calendar days as 'YYYY-MM-DD'; an empty breakdown is "not recorded".
CREATE TABLE monitoring_tallies (
    kind TEXT NOT NULL,
    day TEXT NOT NULL,
    organisation TEXT NOT NULL,
    service TEXT NOT NULL,
    channel TEXT NOT NULL,
    residence TEXT NOT NULL,
    target_group TEXT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (kind, day, organisation, service, channel, residence, target_group)
) WITHOUT ROWID;
-- The same counts per day, kind and organisation only: what a dashboard reads.
CREATE TABLE monitoring_daily (
    day TEXT NOT NULL,
    kind TEXT NOT NULL,
    organisation TEXT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (day, kind, organisation)
) WITHOUT ROWID;
-- Named people seen per day and organisation, under a pseudonymous key (SHA-256
-- of the contact details), with how many contacts the day had; removed with the
-- contacts' person data (retention).
CREATE TABLE monitoring_people (
    day TEXT NOT NULL,
    organisation TEXT NOT NULL,
    person_key TEXT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (day, organisation, person_key)
) WITHOUT ROWID;
-- One row once the tallies were built from the records (at first start after this
-- migration, or by 'loket admin rebuild-tallies').
CREATE TABLE monitoring_tallies_built (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    built_at BIGINT NOT NULL
);
