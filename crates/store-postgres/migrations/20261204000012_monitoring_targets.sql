-- The targets of the indicators (seed/indicators.json): a row per change, never
-- changed or removed, so the newest row of an indicator, scope and year is the
-- target and the rows before it are its history.
CREATE TABLE monitoring_targets (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    indicator TEXT NOT NULL,
    scope TEXT NOT NULL,
    year INTEGER NOT NULL,
    value BIGINT NOT NULL CHECK (value >= 0),
    set_by TEXT NOT NULL,
    set_at BIGINT NOT NULL
);
CREATE INDEX monitoring_targets_key ON monitoring_targets (year, indicator, scope, id);
CREATE FUNCTION monitoring_targets_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the history of a target cannot be changed';
END
$$;
CREATE TRIGGER monitoring_targets_no_change BEFORE UPDATE OR DELETE ON monitoring_targets
    FOR EACH ROW EXECUTE FUNCTION monitoring_targets_immutable();
