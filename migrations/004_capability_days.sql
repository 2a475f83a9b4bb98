-- Schema 4 of the Groundwork workspace file: opening a workspace lived in for years stays fast.
--
-- 1. The readiness charts' history, kept ready to read.
-- The Progress view and the report replay each capability's maturity over time. Of several
-- changes to one capability's field on one day (UTC) they need only the day's last (the charts
-- read the state at the end of a day), but picking those out of five years of weekly edits
-- (tens of thousands of history rows) took about 80 ms on every open. capability_days holds
-- exactly that: one row per capability, field and day, the day's last change by (at, id).
-- It is derived from the history alone: filled here, then kept by the trigger below as rows
-- are appended; history rows are never changed or deleted (the triggers after it say so).
--
-- The history's two indexes go: nothing reads the history by entity or by time any more (the
-- charts read capability_days, the Workspace JSON export reads the history whole), and every
-- index entry is one more thing the integrity check at open verifies — for 48,000 rows the check
-- took 64 ms with them and 8 ms without, and the file halves.

CREATE TABLE capability_days (
  capability_id TEXT    NOT NULL,
  field         TEXT    NOT NULL
                        CONSTRAINT ck_capability_days_field CHECK (field IN ('current_maturity', 'target_maturity', 'deleted')),
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

DROP INDEX history_by_entity;
DROP INDEX history_by_entity_time;

-- 2. A content token: a random value that every write which changes a row replaces, in its own
-- transaction (src/storage/workspace.ts, write()). The automatic backups name a copy by it and skip
-- a backup when the newest one has the same token: the same token means the same content, and
-- reading the token replaces hashing the whole workspace (200 ms for five years of history) on
-- the app's thread at every open.
INSERT INTO meta (key, value) VALUES ('content_token', lower(hex(randomblob(6))));
