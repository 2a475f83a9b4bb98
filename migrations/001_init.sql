-- Schema 1 of the Groundwork workspace file: organisation, inventory, roles, headcount, history.
-- Applied by src/storage/migrations.ts inside one transaction together with every other pending
-- migration; the runner sets PRAGMA user_version and PRAGMA application_id, not this file.
-- Named CHECK constraints are mapped to domain fields by src/storage/errors.ts: keep the names.

-- Key/value settings of the workspace (organisation name, later e.g. the default scenario).
CREATE TABLE meta (
  key   TEXT NOT NULL PRIMARY KEY,
  value TEXT NOT NULL,
  CONSTRAINT ck_meta_organisation_name CHECK (key <> 'organisation_name' OR length(trim(value)) > 0)
) STRICT, WITHOUT ROWID;

CREATE TABLE capabilities (
  id               TEXT    NOT NULL PRIMARY KEY
                           CONSTRAINT ck_capabilities_id CHECK (length(id) > 0 AND id = trim(id)),
  name             TEXT    NOT NULL
                           CONSTRAINT ck_capabilities_name CHECK (length(trim(name)) > 0),
  layer            TEXT    NOT NULL
                           CONSTRAINT ck_capabilities_layer CHECK (layer IN ('collect', 'move_store',
                             'explore_transform', 'aggregate_label', 'learn_optimize', 'ai')),
  description      TEXT    NOT NULL DEFAULT '',
  current_maturity INTEGER NOT NULL
                           CONSTRAINT ck_capabilities_current_maturity CHECK (current_maturity BETWEEN 0 AND 4),
  target_maturity  INTEGER NOT NULL
                           CONSTRAINT ck_capabilities_target_maturity CHECK (target_maturity BETWEEN 0 AND 4),
  owner            TEXT    NOT NULL DEFAULT '',
  tools            TEXT    NOT NULL DEFAULT '',
  notes            TEXT    NOT NULL DEFAULT '',
  from_catalog     INTEGER NOT NULL DEFAULT 0
                           CONSTRAINT ck_capabilities_from_catalog CHECK (from_catalog IN (0, 1)),
  sort_order       INTEGER NOT NULL DEFAULT 0,
  created_at       TEXT    NOT NULL,
  updated_at       TEXT    NOT NULL
) STRICT;

-- Two capabilities with the same name (in any case) would be indistinguishable in every view.
CREATE UNIQUE INDEX capabilities_name ON capabilities (name COLLATE NOCASE);
CREATE INDEX capabilities_layer ON capabilities (layer, sort_order);

-- builds: JSON array of layer ids; prerequisites: JSON array of
-- {"kind":"capability","capabilityId":…,"minMaturity":0..4} | {"kind":"layer","layer":…,"minReadiness":0..1}.
-- JSON rather than child tables: both are read and written whole with their role, and a
-- prerequisite may name a capability the lead has deleted without that blocking the delete.
-- The element shapes are checked by the repository (a CHECK cannot iterate a JSON array).
CREATE TABLE roles (
  id                TEXT    NOT NULL PRIMARY KEY
                            CONSTRAINT ck_roles_id CHECK (length(id) > 0 AND id = trim(id)),
  name              TEXT    NOT NULL
                            CONSTRAINT ck_roles_name CHECK (length(trim(name)) > 0),
  description       TEXT    NOT NULL DEFAULT '',
  builds            TEXT    NOT NULL DEFAULT '[]'
                            CONSTRAINT ck_roles_builds CHECK (json_valid(builds) AND json_type(builds) = 'array'),
  prerequisites     TEXT    NOT NULL DEFAULT '[]'
                            CONSTRAINT ck_roles_prerequisites CHECK (json_valid(prerequisites) AND json_type(prerequisites) = 'array'),
  needs_foundations INTEGER NOT NULL DEFAULT 0
                            CONSTRAINT ck_roles_needs_foundations CHECK (needs_foundations IN (0, 1)),
  from_catalog      INTEGER NOT NULL DEFAULT 0
                            CONSTRAINT ck_roles_from_catalog CHECK (from_catalog IN (0, 1)),
  sort_order        INTEGER NOT NULL DEFAULT 0,
  created_at        TEXT    NOT NULL,
  updated_at        TEXT    NOT NULL
) STRICT;

CREATE UNIQUE INDEX roles_name ON roles (name COLLATE NOCASE);

CREATE TABLE people (
  id         TEXT NOT NULL PRIMARY KEY
                  CONSTRAINT ck_people_id CHECK (length(id) > 0 AND id = trim(id)),
  name       TEXT NOT NULL
                  CONSTRAINT ck_people_name CHECK (length(trim(name)) > 0),
  role_id    TEXT NOT NULL REFERENCES roles (id) ON DELETE RESTRICT ON UPDATE RESTRICT,
  fte        REAL NOT NULL
                  CONSTRAINT ck_people_fte CHECK (fte > 0 AND fte <= 1),
  status     TEXT NOT NULL
                  CONSTRAINT ck_people_status CHECK (status IN ('on_staff', 'open_req', 'planned')),
  -- ISO calendar dates; date(x) = x rejects 2027-02-30 and any other spelling.
  start_date TEXT
                  CONSTRAINT ck_people_start_date CHECK (start_date IS NULL OR
                    (start_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(start_date) IS start_date)),
  end_date   TEXT
                  CONSTRAINT ck_people_end_date CHECK (end_date IS NULL OR
                    (end_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(end_date) IS end_date)),
  sort_order INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CONSTRAINT ck_people_end_after_start CHECK (start_date IS NULL OR end_date IS NULL OR end_date >= start_date)
) STRICT;

CREATE INDEX people_role ON people (role_id);

-- Append-only log of the tracked fields (capability maturities, headcount). Replaying the rows of
-- one entity in (at, id) order gives the value of each field at any time; NULL means "did not
-- exist". No foreign key: the history of a deleted capability or person is kept.
CREATE TABLE history (
  id        INTEGER NOT NULL PRIMARY KEY,
  at        TEXT    NOT NULL
                    CONSTRAINT ck_history_at CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*Z'),
  entity    TEXT    NOT NULL
                    CONSTRAINT ck_history_entity CHECK (entity IN ('capability', 'person')),
  entity_id TEXT    NOT NULL,
  field     TEXT    NOT NULL
                    CONSTRAINT ck_history_field CHECK (field IN ('created', 'deleted', 'current_maturity',
                      'target_maturity', 'role_id', 'fte', 'status', 'start_date', 'end_date')),
  old_value TEXT,
  new_value TEXT
) STRICT;

-- One entity's history (a capability's maturity chart), and one kind's history over time (all
-- capabilities for readiness over time, all people for headcount over time), both in time order.
CREATE INDEX history_by_entity ON history (entity, entity_id, at);
CREATE INDEX history_by_entity_time ON history (entity, at);
