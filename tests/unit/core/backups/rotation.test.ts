import { describe, expect, it } from 'vitest';
import { backupsToKeep, describeBackupChange } from '../../../../src/core/backups/rotation';

const at = (iso: string, name = iso) => ({ name, createdAt: iso });

describe('backupsToKeep', () => {
  it('keeps the newest ten and the newest of each of the last 30 days', () => {
    const now = new Date('2026-12-31T12:00:00Z');
    // Every hour for 60 days.
    const backups = Array.from({ length: 60 * 24 }, (_, i) => at(new Date(now.getTime() - i * 3_600_000).toISOString()));
    const keep = backupsToKeep(backups, now);
    const days = new Set([...keep].map((n) => n.slice(0, 10)));
    expect(days.size).toBe(30);
    expect(keep.size).toBe(10 + 29);
    for (const b of backups.slice(0, 10)) expect(keep.has(b.name)).toBe(true);
    expect(keep.has('2026-12-02T00:00:00.000Z')).toBe(false);
    expect([...keep].every((n) => n >= '2026-12-02')).toBe(true);
  });

  it('keeps everything when there are few backups', () => {
    const now = new Date('2026-12-31T12:00:00Z');
    const backups = [at('2026-12-31T10:00:00.000Z'), at('2026-12-01T10:00:00.000Z'), at('2025-01-01T00:00:00.000Z')];
    expect(backupsToKeep(backups, now)).toEqual(new Set(backups.map((b) => b.name)));
  });
});

describe('describeBackupChange', () => {
  const counts = (capabilities: number, people: number, workItems = 0, roles = 8) => ({ capabilities, people, workItems, roles });
  it('says what changed in counts, or that the content is the same', () => {
    expect(describeBackupChange({ counts: counts(31, 8) }, { counts: counts(30, 9) })).toBe('+1 capability, −1 person');
    expect(describeBackupChange({ counts: counts(31, 8), fingerprint: 'a' }, { counts: counts(31, 8), fingerprint: 'a' })).toBe('no change');
    expect(describeBackupChange({ counts: counts(31, 8), fingerprint: 'a' }, { counts: counts(31, 8), fingerprint: 'b' })).toBe('values changed');
    expect(describeBackupChange({ counts: counts(1, 1) }, undefined)).toBe('oldest backup');
  });
});
