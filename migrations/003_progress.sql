-- Schema 3 of the Groundwork workspace file: progress over time and planning for real teams.
-- - work items record when the work really started and finished (set when the status changes);
-- - scenarios keep a share of time for run work and people borrowed from other teams;
-- - baselines: named, dated, frozen copies of a plan to compare the current plan against;
-- - history tracks the actual dates of work items too.
-- Named CHECK constraints are mapped to domain fields by src/storage/errors.ts: keep the names.

ALTER TABLE work_items ADD COLUMN actual_start TEXT
  CONSTRAINT ck_work_items_actual_start CHECK (actual_start IS NULL OR (actual_start GLOB
    '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(actual_start) IS actual_start));
ALTER TABLE work_items ADD COLUMN actual_finish TEXT
  CONSTRAINT ck_work_items_actual_finish CHECK (actual_finish IS NULL OR ((actual_finish GLOB
    '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(actual_finish) IS actual_finish)
    AND (actual_start IS NULL OR actual_finish >= actual_start)));

-- Most data teams keep 20–40 % of their time for run work; existing scenarios get the optimistic end.
ALTER TABLE scenarios ADD COLUMN run_share REAL NOT NULL DEFAULT 0.2
  CONSTRAINT ck_scenarios_run_share CHECK (run_share >= 0 AND run_share <= 0.9);
-- JSON array of {"roleId", "fte", "startDate" (null: the status date), "weeks", "note"}; the
-- repository checks the elements (a CHECK cannot iterate a JSON array).
ALTER TABLE scenarios ADD COLUMN borrowed TEXT NOT NULL DEFAULT '[]'
  CONSTRAINT ck_scenarios_borrowed CHECK (json_valid(borrowed) AND json_type(borrowed) = 'array');

-- A baseline is frozen: the plan as it was (items with dates, hires, layer gates, the scenario's
-- parameters) as one JSON document, checked by the repository. It belongs to the scenario it was
-- made from; deleting that scenario keeps the baseline (scenario_id becomes NULL), since the plan
-- a VP approved must outlive the scenario it came from.
CREATE TABLE baselines (
  id          TEXT    NOT NULL PRIMARY KEY
                      CONSTRAINT ck_baselines_id CHECK (length(id) > 0 AND id = trim(id)),
  name        TEXT    NOT NULL
                      CONSTRAINT ck_baselines_name CHECK (length(trim(name)) > 0),
  scenario_id TEXT    REFERENCES scenarios (id) ON DELETE SET NULL ON UPDATE CASCADE,
  as_of       TEXT    NOT NULL
                      CONSTRAINT ck_baselines_as_of CHECK (as_of GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
                        AND date(as_of) IS as_of),
  plan        TEXT    NOT NULL
                      CONSTRAINT ck_baselines_plan CHECK (json_valid(plan) AND json_type(plan) = 'object'),
  created_at  TEXT    NOT NULL,
  updated_at  TEXT    NOT NULL
) STRICT;

CREATE UNIQUE INDEX baselines_name ON baselines (name COLLATE NOCASE);
CREATE INDEX baselines_scenario ON baselines (scenario_id, created_at);

-- History gains the fields 'actual_start' and 'actual_finish': the CHECK is rebuilt as in 002.
CREATE TABLE history_v3 (
  id        INTEGER NOT NULL PRIMARY KEY,
  at        TEXT    NOT NULL
                    CONSTRAINT ck_history_at CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*Z'),
  entity    TEXT    NOT NULL
                    CONSTRAINT ck_history_entity CHECK (entity IN ('capability', 'person', 'work_item')),
  entity_id TEXT    NOT NULL,
  field     TEXT    NOT NULL
                    CONSTRAINT ck_history_field CHECK (field IN ('created', 'deleted', 'current_maturity',
                      'target_maturity', 'role_id', 'fte', 'status', 'start_date', 'end_date', 'pinned_start',
                      'actual_start', 'actual_finish')),
  old_value TEXT,
  new_value TEXT
) STRICT;

INSERT INTO history_v3 (id, at, entity, entity_id, field, old_value, new_value)
  SELECT id, at, entity, entity_id, field, old_value, new_value FROM history;
DROP TABLE history;
ALTER TABLE history_v3 RENAME TO history;

CREATE INDEX history_by_entity ON history (entity, entity_id, at);
CREATE INDEX history_by_entity_time ON history (entity, at);
