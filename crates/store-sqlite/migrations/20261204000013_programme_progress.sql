-- A programme's progress: each milestone's status and owner as set over time,
-- and the money committed and spent per action line. Rows are only added, so
-- the newest row of a milestone is where it stands and the rest its history.
CREATE TABLE programme_milestones (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    programme TEXT NOT NULL,
    milestone TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('planned', 'started', 'done', 'dropped')),
    owner TEXT NOT NULL,
    set_by TEXT NOT NULL,
    set_at BIGINT NOT NULL
);
CREATE INDEX programme_milestones_key ON programme_milestones (programme, milestone, id);
CREATE TABLE programme_budget (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    programme TEXT NOT NULL,
    action_line TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('committed', 'spent')),
    cents BIGINT NOT NULL CHECK (cents >= 0),
    on_day TEXT NOT NULL,
    note TEXT NOT NULL,
    set_by TEXT NOT NULL,
    set_at BIGINT NOT NULL
);
CREATE INDEX programme_budget_key ON programme_budget (programme, id);
