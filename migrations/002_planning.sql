-- Schema 2 of the Groundwork workspace file: scenarios and work items (the planner's input), and
-- history rows for work items (status and pinned start), so that progress can be charted later.
-- Named CHECK constraints are mapped to domain fields by src/storage/errors.ts: keep the names.
-- A workspace migrated from schema 1 has no scenario yet: openWorkspace inserts the default one
-- right after migrating (it needs today's date, which SQL run here cannot know reliably).

CREATE TABLE scenarios (
  id                        TEXT    NOT NULL PRIMARY KEY
                                    CONSTRAINT ck_scenarios_id CHECK (length(id) > 0 AND id = trim(id)),
  name                      TEXT    NOT NULL
                                    CONSTRAINT ck_scenarios_name CHECK (length(trim(name)) > 0),
  is_default                INTEGER NOT NULL DEFAULT 0
                                    CONSTRAINT ck_scenarios_is_default CHECK (is_default IN (0, 1)),
  start_date                TEXT    NOT NULL
                                    CONSTRAINT ck_scenarios_start_date CHECK (start_date GLOB
                                      '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(start_date) IS start_date),
  horizon_quarters          INTEGER NOT NULL
                                    CONSTRAINT ck_scenarios_horizon_quarters CHECK (horizon_quarters BETWEEN 1 AND 40),
  target_layer              TEXT    NOT NULL
                                    CONSTRAINT ck_scenarios_target_layer CHECK (target_layer IN ('collect', 'move_store',
                                      'explore_transform', 'aggregate_label', 'learn_optimize', 'ai')),
  target_date               TEXT
                                    CONSTRAINT ck_scenarios_target_date CHECK (target_date IS NULL OR (target_date GLOB
                                      '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(target_date) IS target_date)),
  hiring_budget_per_quarter REAL
                                    CONSTRAINT ck_scenarios_hiring_budget_per_quarter CHECK (hiring_budget_per_quarter IS NULL
                                      OR hiring_budget_per_quarter >= 0),
  max_hires_per_quarter     INTEGER NOT NULL
                                    CONSTRAINT ck_scenarios_max_hires_per_quarter CHECK (max_hires_per_quarter >= 0),
  gate_threshold            REAL    NOT NULL
                                    CONSTRAINT ck_scenarios_gate_threshold CHECK (gate_threshold > 0 AND gate_threshold <= 1),
  lead_time_weeks           INTEGER NOT NULL
                                    CONSTRAINT ck_scenarios_lead_time_weeks CHECK (lead_time_weeks >= 0),
  ramp_up_weeks             INTEGER
                                    CONSTRAINT ck_scenarios_ramp_up_weeks CHECK (ramp_up_weeks IS NULL OR ramp_up_weeks >= 0),
  -- JSON object: role id → annual salary. Its values are checked by the repository.
  salaries                  TEXT    NOT NULL DEFAULT '{}'
                                    CONSTRAINT ck_scenarios_salaries CHECK (json_valid(salaries) AND json_type(salaries) = 'object'),
  sort_order                INTEGER NOT NULL DEFAULT 0,
  created_at                TEXT    NOT NULL,
  updated_at                TEXT    NOT NULL,
  CONSTRAINT ck_scenarios_target_after_start CHECK (target_date IS NULL OR target_date > start_date)
) STRICT;

CREATE UNIQUE INDEX scenarios_name ON scenarios (name COLLATE NOCASE);
-- At most one default; the repository keeps it at exactly one (a delete of the default promotes another).
CREATE UNIQUE INDEX scenarios_one_default ON scenarios (is_default) WHERE is_default = 1;

-- demand: JSON object role id → whole people; predecessors: JSON array of work item ids. JSON for
-- the same reason as role prerequisites: read and written whole with the item. The repository
-- checks their elements (known roles, known items, no cycle) and removes a deleted item's id from
-- the others' predecessors in the same transaction.
CREATE TABLE work_items (
  id             TEXT    NOT NULL PRIMARY KEY
                         CONSTRAINT ck_work_items_id CHECK (length(id) > 0 AND id = trim(id)),
  title          TEXT    NOT NULL
                         CONSTRAINT ck_work_items_title CHECK (length(trim(title)) > 0),
  -- A deleted capability leaves its work items in place, raising nothing.
  capability_id  TEXT    REFERENCES capabilities (id) ON DELETE SET NULL ON UPDATE CASCADE,
  from_maturity  INTEGER
                         CONSTRAINT ck_work_items_from_maturity CHECK (from_maturity IS NULL OR from_maturity BETWEEN 0 AND 4),
  to_maturity    INTEGER
                         CONSTRAINT ck_work_items_to_maturity CHECK (to_maturity IS NULL OR to_maturity BETWEEN 0 AND 4),
  duration_weeks INTEGER NOT NULL
                         CONSTRAINT ck_work_items_duration_weeks CHECK (duration_weeks BETWEEN 0 AND 520),
  demand         TEXT    NOT NULL DEFAULT '{}'
                         CONSTRAINT ck_work_items_demand CHECK (json_valid(demand) AND json_type(demand) = 'object'),
  predecessors   TEXT    NOT NULL DEFAULT '[]'
                         CONSTRAINT ck_work_items_predecessors CHECK (json_valid(predecessors) AND json_type(predecessors) = 'array'),
  release_date   TEXT
                         CONSTRAINT ck_work_items_release_date CHECK (release_date IS NULL OR (release_date GLOB
                           '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(release_date) IS release_date)),
  pinned_start   TEXT
                         CONSTRAINT ck_work_items_pinned_start CHECK (pinned_start IS NULL OR (pinned_start GLOB
                           '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(pinned_start) IS pinned_start)),
  status         TEXT    NOT NULL
                         CONSTRAINT ck_work_items_status CHECK (status IN ('proposed', 'planned', 'in_progress', 'done', 'dropped')),
  notes          TEXT    NOT NULL DEFAULT '',
  sort_order     INTEGER NOT NULL DEFAULT 0,
  created_at     TEXT    NOT NULL,
  updated_at     TEXT    NOT NULL,
  CONSTRAINT ck_work_items_maturity_step CHECK (from_maturity IS NULL OR to_maturity IS NULL OR to_maturity > from_maturity)
) STRICT;

-- Serves ON DELETE SET NULL when a capability is deleted, and "the work on this capability".
CREATE INDEX work_items_capability ON work_items (capability_id);

-- History gains the entity 'work_item' and the field 'pinned_start': a CHECK cannot be altered,
-- so the table is rebuilt (create new, copy, drop old, rename) and its indexes re-created.
CREATE TABLE history_v2 (
  id        INTEGER NOT NULL PRIMARY KEY,
  at        TEXT    NOT NULL
                    CONSTRAINT ck_history_at CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*Z'),
  entity    TEXT    NOT NULL
                    CONSTRAINT ck_history_entity CHECK (entity IN ('capability', 'person', 'work_item')),
  entity_id TEXT    NOT NULL,
  field     TEXT    NOT NULL
                    CONSTRAINT ck_history_field CHECK (field IN ('created', 'deleted', 'current_maturity',
                      'target_maturity', 'role_id', 'fte', 'status', 'start_date', 'end_date', 'pinned_start')),
  old_value TEXT,
  new_value TEXT
) STRICT;

INSERT INTO history_v2 (id, at, entity, entity_id, field, old_value, new_value)
  SELECT id, at, entity, entity_id, field, old_value, new_value FROM history;
DROP TABLE history;
ALTER TABLE history_v2 RENAME TO history;

CREATE INDEX history_by_entity ON history (entity, entity_id, at);
CREATE INDEX history_by_entity_time ON history (entity, at);
