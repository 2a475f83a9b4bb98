import { randomBytes } from 'node:crypto';
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

  /** The value stored under `key`, or undefined. */
  private read(key: string): string | undefined {
    return this.db.prepare<[string], DbMeta>('SELECT * FROM meta WHERE key = ?').get(key)?.value;
  }

  private put(key: string, value: string): void {
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  /** A new workspace has no organisation name yet: `name` is then ''. */
  getOrganisation(): Organisation {
    return { name: this.read(ORGANISATION_NAME) ?? '' };
  }

  setOrganisation(organisation: Organisation): Organisation {
    try {
      this.put(ORGANISATION_NAME, organisation.name);
    } catch (error) {
      throw toStorageError(error, 'organisation');
    }
    return { name: organisation.name };
  }

  /** Settings not stored yet read as their defaults (calendar quarters, no currency). */
  getSettings(): WorkspaceSettings {
    const month = Number(this.read(FISCAL_YEAR_START_MONTH) ?? DEFAULT_SETTINGS.fiscalYearStartMonth);
    const currency = this.read(CURRENCY) ?? DEFAULT_SETTINGS.currency;
    return {
      fiscalYearStartMonth: isMonthNumber(month) ? month : DEFAULT_SETTINGS.fiscalYearStartMonth,
      currency: isCurrencyCode(currency) ? currency : DEFAULT_SETTINGS.currency,
    };
  }

  /** The content token (schema 4, see migrations/004_capability_days.sql), or null where it is missing. */
  getContentToken(): string | null {
    const value = this.read(CONTENT_TOKEN);
    return value !== undefined && /^[0-9a-f]{12}$/.test(value) ? value : null;
  }

  /** Replaces the content token with a new random one: called by every write that changed a row. */
  renewContentToken(): void {
    this.put(CONTENT_TOKEN, randomBytes(6).toString('hex'));
  }

  setSettings(patch: SettingsPatch): WorkspaceSettings {
    if (patch.fiscalYearStartMonth !== undefined) {
      if (!isMonthNumber(patch.fiscalYearStartMonth)) throw new StorageError('constraint', 'settings: fiscalYearStartMonth must be a month from 1 to 12', 'fiscalYearStartMonth');
      this.put(FISCAL_YEAR_START_MONTH, String(patch.fiscalYearStartMonth));
    }
    if (patch.currency !== undefined) {
      if (!isCurrencyCode(patch.currency)) throw new StorageError('constraint', 'settings: currency must be a three-letter ISO 4217 code (e.g. EUR) or empty', 'currency');
      this.put(CURRENCY, patch.currency);
    }
    return this.getSettings();
  }
}
