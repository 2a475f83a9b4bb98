import type Database from 'better-sqlite3';
import type { Organisation } from '../../core/domain/types';
import { toStorageError } from '../errors';
import type { DbMeta } from '../rows';

const ORGANISATION_NAME = 'organisation_name';

/** The meta table: workspace-wide settings, one key each. */
export class MetaRepository {
  constructor(private readonly db: Database.Database) {}

  /** A new workspace has no organisation name yet: `name` is then ''. */
  getOrganisation(): Organisation {
    const row = this.db.prepare<[string], DbMeta>('SELECT * FROM meta WHERE key = ?').get(ORGANISATION_NAME);
    return { name: row?.value ?? '' };
  }

  setOrganisation(organisation: Organisation): Organisation {
    try {
      this.db
        .prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
        .run(ORGANISATION_NAME, organisation.name);
    } catch (error) {
      throw toStorageError(error, 'organisation');
    }
    return { name: organisation.name };
  }
}
