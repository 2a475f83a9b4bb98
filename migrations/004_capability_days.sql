-- Schema 4 of the Groundwork workspace file: opening a workspace lived in for years stays fast.
-- Measured on five years of weekly edits (48,360 history rows; npm run bench -- --sets progress).

-- 1. The history is rebuilt (as in 002 and 003; ids and order kept) with the same rules written
-- as OR chains instead of IN lists. SQLite's integrity check, which every open runs and which
-- evaluates every CHECK of every row, is several times slower with an IN list in a CHECK: the
-- check of that file took about 110 ms with `field IN (…)` and `entity IN (…)`, 22 ms with the
-- same rules as OR chains (a plain query with the IN list is fast; only the check is slow). The
-- constraint names are kept: src/storage/errors.ts maps them to fields. The rebuild also drops the
-- history's two indexes: nothing reads the history by entity or by time any more (the charts read
-- capability_days below, the Workspace JSON export reads it whole), and the integrity check
-- verifies every index entry.
CREATE TABLE history_v4 (
  id        INTEGER NOT NULL PRIMARY KEY,
  at        TEXT    NOT NULL
                    CONSTRAINT ck_history_at CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*Z'),
  entity    TEXT    NOT NULL
                    CONSTRAINT ck_history_entity CHECK (entity = 'capability' OR entity = 'person' OR entity = 'work_item'),
  entity_id TEXT    NOT NULL,
  field     TEXT    NOT NULL
                    CONSTRAINT ck_history_field CHECK (field = 'created' OR field = 'deleted' OR field = 'current_maturity'
                      OR field = 'target_maturity' OR field = 'role_id' OR field = 'fte' OR field = 'status'
                      OR field = 'start_date' OR field = 'end_date' OR field = 'pinned_start' OR field = 'actual_start'
                      OR field = 'actual_finish'),
  old_value TEXT,
  new_value TEXT
) STRICT;

INSERT INTO history_v4 (id, at, entity, entity_id, field, old_value, new_value)
  SELECT id, at, entity, entity_id, field, old_value, new_value FROM history;
DROP TABLE history;
ALTER TABLE history_v4 RENAME TO history;

-- 2. The readiness charts' history, kept ready to read. The Progress view and the report replay
-- each capability's maturity over time. Of several changes to one capability's field on one day
-- (UTC) they need only the day's last (the charts read the state at the end of a day), but picking
-- those out of the whole history took about 80 ms on every open. capability_days holds exactly
-- that: one row per capability, field and day, the day's last change by (at, id). It is derived
-- from the history alone: filled here, then kept by the trigger below as rows are appended;
-- history rows are never changed or deleted (the triggers after it say so).
CREATE TABLE capability_days (
  capability_id TEXT    NOT NULL,
  field         TEXT    NOT NULL
                        CONSTRAINT ck_capability_days_field CHECK (field = 'current_maturity' OR field = 'target_maturity' OR field = 'deleted'),
  day           TEXT    NOT NULL,
  at            TEXT    NOT NULL,
  history_id    INTEGER NOT NULL,
  new_value     TEXT,
  PRIMARY KEY (capability_id, field, day)
) STRICT, WITHOUT ROWID;

INSERT INTO capability_days (capability_id, field, day, at, history_id, new_value)
  SELECT entity_id, field, substr(at, 1, 10), at, id, new_value FROM (
    SELECT id, at, entity_id, field, new_value,
           row_number() OVER (PARTITION BY entity_id, field, substr(at, 1, 10) ORDER BY at DESC, id DESC) AS latest
    FROM history WHERE entity = 'capability' AND field IN ('current_maturity', 'target_maturity', 'deleted')
  ) WHERE latest = 1;

-- A row appended to the history replaces its day's row unless that one is later (a restored
-- history may arrive in any time order; of two rows at the same time the later-added wins).
CREATE TRIGGER capability_days_follow_history AFTER INSERT ON history
  WHEN new.entity = 'capability' AND new.field IN ('current_maturity', 'target_maturity', 'deleted')
BEGIN
  INSERT INTO capability_days (capability_id, field, day, at, history_id, new_value)
    VALUES (new.entity_id, new.field, substr(new.at, 1, 10), new.at, new.id, new.new_value)
    ON CONFLICT (capability_id, field, day) DO UPDATE
      SET at = excluded.at, history_id = excluded.history_id, new_value = excluded.new_value
      WHERE excluded.at >= capability_days.at;
END;

CREATE TRIGGER history_is_append_only_update BEFORE UPDATE ON history
BEGIN
  SELECT RAISE(ABORT, 'history rows are never changed');
END;

CREATE TRIGGER history_is_append_only_delete BEFORE DELETE ON history
BEGIN
  SELECT RAISE(ABORT, 'history rows are never deleted');
END;

-- 3. A content token: a random value that every write which changes a row replaces, in its own
-- transaction (src/storage/workspace.ts, write()). The automatic backups name a copy by it and skip
-- a backup when the newest one has the same token: the same token means the same content, and
-- reading the token replaces hashing the whole workspace (170–340 ms for five years of history)
-- on the handler host's thread at every open.
INSERT INTO meta (key, value) VALUES ('content_token', lower(hex(randomblob(6))));
