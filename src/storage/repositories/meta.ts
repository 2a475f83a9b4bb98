import type Database from 'better-sqlite3';
import { isMonthNumber } from '../../core/domain/calendar';
import { DEFAULT_SETTINGS, isCurrencyCode, type WorkspaceSettings } from '../../core/domain/settings';
import type { Organisation } from '../../core/domain/types';
import { StorageError } from '../errors';
import { toStorageError } from '../errors';
import type { DbMeta } from '../rows';

const ORGANISATION_NAME = 'organisation_name';
const FISCAL_YEAR_START_MONTH = 'fiscal_year_start_month';
const CURRENCY = 'currency';
const CONTENT_TOKEN = 'content_token';

/** Settings as they come in (numbers not yet known to be months). */
export interface SettingsPatch {
  readonly fiscalYearStartMonth?: number;
  readonly currency?: string;
}

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

  /** Settings not stored yet read as their defaults (calendar quarters, no currency). */
  getSettings(): WorkspaceSettings {
    const value = (key: string) => this.db.prepare<[string], DbMeta>('SELECT * FROM meta WHERE key = ?').get(key)?.value;
    const month = Number(value(FISCAL_YEAR_START_MONTH) ?? DEFAULT_SETTINGS.fiscalYearStartMonth);
    const currency = value(CURRENCY) ?? DEFAULT_SETTINGS.currency;
    return {
      fiscalYearStartMonth: isMonthNumber(month) ? month : DEFAULT_SETTINGS.fiscalYearStartMonth,
      currency: isCurrencyCode(currency) ? currency : DEFAULT_SETTINGS.currency,
    };
  }

  /** The content token (schema 4, see migrations/004_capability_days.sql), or null where it is missing. */
  getContentToken(): string | null {
    const value = this.db.prepare<[string], DbMeta>('SELECT * FROM meta WHERE key = ?').get(CONTENT_TOKEN)?.value;
    return value !== undefined && /^[0-9a-f]{12}$/.test(value) ? value : null;
  }

  /** Replaces the content token with a new random one: called by every write that changed a row. */
  renewContentToken(): void {
    this.db
      .prepare("INSERT INTO meta (key, value) VALUES (?, lower(hex(randomblob(6)))) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
      .run(CONTENT_TOKEN);
  }

  setSettings(patch: SettingsPatch): WorkspaceSettings {
    const set = this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    if (patch.fiscalYearStartMonth !== undefined) {
      if (!isMonthNumber(patch.fiscalYearStartMonth)) throw new StorageError('constraint', 'settings: fiscalYearStartMonth must be a month from 1 to 12', 'fiscalYearStartMonth');
      set.run(FISCAL_YEAR_START_MONTH, String(patch.fiscalYearStartMonth));
    }
    if (patch.currency !== undefined) {
      if (!isCurrencyCode(patch.currency)) throw new StorageError('constraint', 'settings: currency must be a three-letter ISO 4217 code (e.g. EUR) or empty', 'currency');
      set.run(CURRENCY, patch.currency);
    }
    return this.getSettings();
  }
}
