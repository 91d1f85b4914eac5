-- The targets of the indicators (seed/indicators.json): a row per change, never
-- changed or removed, so the newest row of an indicator, scope and year is the
-- target and the rows before it are its history.
CREATE TABLE monitoring_targets (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    indicator TEXT NOT NULL,
    scope TEXT NOT NULL,
    year INTEGER NOT NULL,
    value BIGINT NOT NULL CHECK (value >= 0),
    set_by TEXT NOT NULL,
    set_at BIGINT NOT NULL
);
CREATE INDEX monitoring_targets_key ON monitoring_targets (year, indicator, scope, id);
CREATE TRIGGER monitoring_targets_no_update BEFORE UPDATE ON monitoring_targets BEGIN SELECT RAISE(ABORT, 'the history of a target cannot be changed'); END;
CREATE TRIGGER monitoring_targets_no_delete BEFORE DELETE ON monitoring_targets BEGIN SELECT RAISE(ABORT, 'the history of a target cannot be changed'); END;
