-- The tallies per month, kind and organisation: what a dashboard for whole
-- months (a year, a quarter) reads; other periods read monitoring_daily.
CREATE TABLE monitoring_monthly (
    month TEXT NOT NULL,
    kind TEXT NOT NULL,
    organisation TEXT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (month, kind, organisation)
) WITHOUT ROWID;
-- Built from the tallies there are.
INSERT INTO monitoring_monthly (month, kind, organisation, n)
SELECT substr(day, 1, 7), kind, organisation, SUM(n) FROM monitoring_daily
GROUP BY substr(day, 1, 7), kind, organisation;
-- A person's key is a number (the first 8 bytes of the SHA-256 of the contact
-- details): counting distinct numbers is about twice as fast as counting text.
-- The table is built again from the contacts at the next start.
DROP TABLE monitoring_people;
CREATE TABLE monitoring_people (
    day TEXT NOT NULL,
    organisation TEXT NOT NULL,
    person_key BIGINT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (day, organisation, person_key)
) WITHOUT ROWID;
DELETE FROM monitoring_tallies_built;
