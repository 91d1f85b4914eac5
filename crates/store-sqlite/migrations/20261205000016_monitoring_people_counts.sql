-- Distinct named people per scope ('' for the network, or an organisation's id)
-- and period ('YYYY' or 'YYYY-MM'), kept as each named contact arrives, so a
-- dashboard for a year reads a count instead of counting distinct keys. The keys
-- go with the person data (retention), like monitoring_people's.
CREATE TABLE monitoring_people_seen (
    scope TEXT NOT NULL,
    period TEXT NOT NULL,
    person_key BIGINT NOT NULL,
    PRIMARY KEY (scope, period, person_key)
) WITHOUT ROWID;
CREATE TABLE monitoring_people_counts (
    scope TEXT NOT NULL,
    period TEXT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (scope, period)
) WITHOUT ROWID;
-- Whether a person is still seen in a period, when their data goes.
CREATE INDEX monitoring_people_person ON monitoring_people (person_key, day);
-- Built from monitoring_people at the next start.
DELETE FROM monitoring_tallies_built;
