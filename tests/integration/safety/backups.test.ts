import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDemoOrganisation } from '../../../src/core/domain/demo';
import { AutomaticBackups, backupFolderFor, BackupError, contentFingerprint, createBackup, listBackups, newestGoodBackup, openWorkspaceReadOnly, restoreBackup } from '../../../src/storage';
import { MIGRATIONS, open, raw, sha256, tempDir } from '../storage/helpers';

function demo(file: string) {
  const ws = open(file);
  ws.seed(buildDemoOrganisation('2026-11-27'));
  return ws;
}

describe('backups', () => {
  it('are made with the online backup API, verified, in rollback-journal mode, and listed with what they hold', async () => {
    const file = join(tempDir(), 'acme.groundwork');
    const ws = demo(file);
    const first = await createBackup(ws, 'manual', { now: () => new Date('2026-11-27T10:00:00Z') });
    ws.createCapability({ name: 'Feature store', layer: 'aggregate_label', currentMaturity: 0, targetMaturity: 2 });
    const second = await createBackup(ws, 'edit', { now: () => new Date('2026-11-27T10:10:00Z') });
    expect(first?.path).toMatch(/acme\.groundwork\.backups\/acme\.groundwork\.20261127T100000000Z\.manual\.[0-9a-f]{12}\.groundwork$/);
    const list = listBackups(file);
    expect(list.map((b) => [b.reason, b.counts?.capabilities, b.problem])).toEqual([
      ['edit', 32, null],
      ['manual', 31, null],
    ]);
    // Rollback-journal mode: reading a backup, even read-only, leaves nothing beside it.
    const header = raw(second?.path as string, { readonly: true });
    expect(header.pragma('journal_mode', { simple: true })).toBe('delete');
    header.close();
    expect(readdirSync(backupFolderFor(file)).filter((n) => !n.endsWith('.groundwork'))).toEqual([]);
  });

  it('skips an automatic backup when the newest one holds the same content', async () => {
    const file = join(tempDir(), 'same.groundwork');
    const ws = demo(file);
    expect(await createBackup(ws, 'open')).not.toBeNull();
    expect(await createBackup(ws, 'open')).toBeNull();
    expect(await createBackup(ws, 'manual')).not.toBeNull();
  });

  it('names a backup by the content token, which only a write that changes a row replaces', async () => {
    const dir = tempDir();
    const file = join(dir, 'token.groundwork');
    const ws = demo(file);
    const token = ws.getContentToken();
    expect(token).toMatch(/^[0-9a-f]{12}$/);
    expect(contentFingerprint(ws)).toBe(token);
    // Reading, planning input, a refused write: the same token.
    ws.listCapabilities();
    expect(() => ws.createCapability({ name: ' ', layer: 'collect', currentMaturity: 0, targetMaturity: 1 })).toThrow();
    expect(ws.getContentToken()).toBe(token);
    const backup = await createBackup(ws, 'manual');
    expect(backup?.fingerprint).toBe(token);
    // The copy carries the token: restored over the workspace, it is the same content.
    const copy = openWorkspaceReadOnly(backup?.path as string, { migrationsDir: MIGRATIONS });
    expect(copy.getContentToken()).toBe(token);
    copy.close();
    // A real edit replaces it; so does closing and reopening not.
    ws.updateCapability(ws.listCapabilities()[0]!.id, { notes: 'edited' });
    const edited = ws.getContentToken();
    expect(edited).not.toBe(token);
    ws.close();
    const again = open(file, { create: false });
    expect(again.getContentToken()).toBe(edited);
    expect(await createBackup(again, 'open')).not.toBeNull();
    expect(await createBackup(again, 'open')).toBeNull();
  });

  it('hashes the whole content of a file that lost its token', async () => {
    const dir = tempDir();
    const [a, b, c] = [join(dir, 'a.groundwork'), join(dir, 'b.groundwork'), join(dir, 'c.groundwork')];
    for (const file of [a, b, c]) {
      const ws = demo(file);
      if (file === c) ws.updateCapability(ws.listCapabilities()[0]!.id, { currentMaturity: 4 });
      ws.close();
      const db = raw(file);
      db.prepare("DELETE FROM meta WHERE key = 'content_token'").run();
      db.close();
    }
    const [first, second, third] = [a, b, c].map((file) => openWorkspaceReadOnly(file, { migrationsDir: MIGRATIONS }));
    expect(first!.getContentToken()).toBeNull();
    // The same organisation, written by the same steps at the same (stepping) times: the same content.
    expect(contentFingerprint(first!)).toBe(contentFingerprint(second!));
    expect(contentFingerprint(first!)).toMatch(/^[0-9a-f]{12}$/);
    expect(contentFingerprint(third!)).not.toBe(contentFingerprint(first!));
    for (const ws of [first, second, third]) ws!.close();
    const ws = open(b, { create: false });
    ws.updateCapability(ws.listCapabilities()[0]!.id, { notes: 'edited' });
    // The edit wrote a token again.
    expect(ws.getContentToken()).toMatch(/^[0-9a-f]{12}$/);
  });

  it('rotates: the newest ten and one a day for 30 days', async () => {
    const file = join(tempDir(), 'rotate.groundwork');
    const ws = demo(file);
    for (let i = 0; i < 14; i++) {
      ws.setOrganisation({ name: `Acme ${i}` });
      await createBackup(ws, 'edit', { now: () => new Date(Date.UTC(2026, 10, 27, 8, i)) });
    }
    // 14 the same day: the newest ten are kept (the day's newest is one of them).
    expect(listBackups(file)).toHaveLength(10);
  });

  it('AutomaticBackups backs up on open and at most once per interval while editing, with a trailing one', async () => {
    const file = join(tempDir(), 'auto.groundwork');
    const ws = demo(file);
    let clock = Date.UTC(2026, 10, 27, 9, 0);
    const timers: { run: () => void; at: number }[] = [];
    const auto = new AutomaticBackups({
      intervalMs: 600_000,
      now: () => new Date(clock),
      setTimer: (run, ms) => {
        const timer = { run, at: clock + ms };
        timers.push(timer);
        return { cancel: () => timers.splice(timers.indexOf(timer), 1) };
      },
    });
    await auto.opened(ws);
    expect(listBackups(file).map((b) => b.reason)).toEqual(['open']);
    ws.setOrganisation({ name: 'Edited' });
    auto.written(ws);
    auto.written(ws);
    await auto.settled();
    expect(listBackups(file)).toHaveLength(1);
    expect(timers).toHaveLength(1);
    clock += 600_000;
    timers.shift()?.run();
    await auto.settled();
    expect(listBackups(file).map((b) => b.reason)).toEqual(['edit', 'open']);
  });

  it('with a delay after opening: backs up when it is over, or at once before a first write, holding the workspace as opened', async () => {
    const file = join(tempDir(), 'later.groundwork');
    const ws = demo(file);
    const timers: { run: () => void; ms: number }[] = [];
    const auto = new AutomaticBackups({
      openDelayMs: 1500,
      setTimer: (run, ms) => {
        const timer = { run, ms };
        timers.push(timer);
        return { cancel: () => timers.includes(timer) && timers.splice(timers.indexOf(timer), 1) };
      },
    });
    // Nothing yet: the copy waits for the first screens.
    let made = false;
    void auto.opened(ws).then(() => (made = true));
    await auto.settled();
    expect(listBackups(file)).toEqual([]);
    expect(timers.map((t) => t.ms)).toEqual([1500]);
    // When the delay is over.
    timers.shift()?.run();
    await auto.settled();
    await Promise.resolve();
    expect(made).toBe(true);
    expect(listBackups(file).map((b) => b.reason)).toEqual(['open']);

    // Opened again after an outside change, then edited before the delay is over: the backup
    // comes first and holds the content as it was opened.
    const other = join(tempDir(), 'edited.groundwork');
    const second = demo(other);
    const opened = second.getContentToken();
    const done = auto.opened(second);
    await auto.beforeWrite();
    second.setOrganisation({ name: 'Edited right away' });
    await done;
    expect(timers).toEqual([]);
    const [backup] = listBackups(other);
    expect(backup?.reason).toBe('open');
    expect(backup?.fingerprint).toBe(opened);
    expect(second.getContentToken()).not.toBe(opened);
    // Nothing pending any more: a later write does not wait for a backup.
    await auto.beforeWrite();
    expect(listBackups(other)).toHaveLength(1);

    // Switched away from (or stopped) before the delay is over: no backup of it, and no error.
    const third = demo(join(tempDir(), 'switched.groundwork'));
    const dropped = auto.opened(third);
    auto.stop();
    await dropped;
    expect(listBackups(third.path)).toEqual([]);
  });

  it('skips the queued backup of a workspace closed before its turn (switched away from), without an error', async () => {
    const first = demo(join(tempDir(), 'first.groundwork'));
    const second = demo(join(tempDir(), 'second.groundwork'));
    const errors: unknown[] = [];
    const auto = new AutomaticBackups({ onError: (e) => errors.push(e) });
    const a = auto.opened(first);
    // File ▸ Open while the first backup is queued: the session closes the first workspace.
    const b = auto.opened(second);
    first.close();
    await Promise.all([a, b]);
    expect(errors).toEqual([]);
    expect(listBackups(second.path).map((x) => x.reason)).toEqual(['open']);
    second.close();
  });

  it('drops, without an error, a backup whose workspace was closed while the copy was being made; a real failure is reported', async () => {
    const ws = demo(join(tempDir(), 'closing.groundwork'));
    // The workspace as the backup sees it: closed by File ▸ Open in the middle of its copy.
    const closingMidCopy = (fail: boolean) =>
      new Proxy(ws, {
        get(target, key) {
          if (key === 'saveCopyTo')
            return async () => {
              if (!fail) target.close();
              throw new TypeError('The database connection is not open');
            };
          const value = Reflect.get(target, key, target) as unknown;
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
    const errors: unknown[] = [];
    const auto = new AutomaticBackups({ onError: (e) => errors.push(e) });
    await auto.opened(closingMidCopy(true));
    expect(errors).toHaveLength(1);
    await auto.opened(closingMidCopy(false));
    expect(errors).toHaveLength(1);
    expect(ws.isOpen).toBe(false);
  });
});

describe('restore', () => {
  it('restores into a new file and over an existing one, backing that up first so it can be undone', async () => {
    const dir = tempDir();
    const file = join(dir, 'acme.groundwork');
    const ws = demo(file);
    const backup = await createBackup(ws, 'manual');
    ws.setOrganisation({ name: 'Changed since' });
    ws.close();

    const copy = join(dir, 'copy.groundwork');
    const result = await restoreBackup(backup?.path as string, copy, { migrationsDir: MIGRATIONS });
    expect(result).toEqual({ path: copy, replacedBackup: null });
    await expect(restoreBackup(backup?.path as string, copy, { migrationsDir: MIGRATIONS })).rejects.toMatchObject({ code: 'conflict' });

    const over = await restoreBackup(backup?.path as string, file, { migrationsDir: MIGRATIONS, overwrite: true });
    expect(over.replacedBackup?.reason).toBe('restore');
    const restored = openWorkspaceReadOnly(file, { migrationsDir: MIGRATIONS });
    expect(restored.getOrganisation().name).toBe('Northwind Commerce');
    restored.close();
    // Undo: restore the backup made of the replaced workspace.
    await restoreBackup(over.replacedBackup?.path as string, file, { migrationsDir: MIGRATIONS, overwrite: true });
    const undone = openWorkspaceReadOnly(file, { migrationsDir: MIGRATIONS });
    expect(undone.getOrganisation().name).toBe('Changed since');
    undone.close();
  });

  it('never overwrites a damaged workspace, refuses a damaged backup, and offers the newest good one', async () => {
    const dir = tempDir();
    const file = join(dir, 'acme.groundwork');
    const ws = demo(file);
    const good = await createBackup(ws, 'manual', { now: () => new Date('2026-11-27T10:00:00Z') });
    const bad = await createBackup(ws, 'manual', { now: () => new Date('2026-11-27T11:00:00Z') });
    ws.close();
    writeFileSync(bad?.path as string, Buffer.alloc(8192, 7));
    expect(newestGoodBackup(file, { migrationsDir: MIGRATIONS })?.path).toBe(good?.path);
    await expect(restoreBackup(bad?.path as string, join(dir, 'x.groundwork'), { migrationsDir: MIGRATIONS })).rejects.toBeInstanceOf(BackupError);
    expect(existsSync(join(dir, 'x.groundwork'))).toBe(false);

    writeFileSync(file, Buffer.alloc(8192, 3));
    const hash = sha256(file);
    await expect(restoreBackup(good?.path as string, file, { migrationsDir: MIGRATIONS, overwrite: true })).rejects.toMatchObject({ code: 'conflict' });
    expect(sha256(file)).toBe(hash);
  });

  it('refuses a target that is open (a -wal beside it)', async () => {
    const dir = tempDir();
    const file = join(dir, 'open.groundwork');
    const ws = demo(file);
    const backup = await createBackup(ws, 'manual');
    await expect(restoreBackup(backup?.path as string, file, { migrationsDir: MIGRATIONS, overwrite: true })).rejects.toMatchObject({ code: 'conflict' });
  });
});
