import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatWorkspaceJson } from '../../../src/core/workspace-json';
import { exportWorkspaceJson, importWorkspaceJson, openWorkspaceReadOnly } from '../../../src/storage';
import { isCrash, runCli } from '../../corpus/cli';
import { damagedCorpus, makeBaseWorkspace } from '../../corpus/damaged';
import { folderState } from '../../corpus/files';
import { baseDocument, payloadDocument } from '../../corpus/hostile';
import { MIGRATIONS } from '../storage/helpers';

const isRoot = process.getuid?.() === 0;
let root = '';
let base = '';

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'groundwork-safety-cli-'));
  chmodSync(root, 0o755);
  base = join(root, 'base.groundwork');
  makeBaseWorkspace(base, MIGRATIONS);
});
afterAll(() => {
  try {
    execFileSync('chmod', ['-R', 'u+rwX', root]);
  } catch {
    // Best effort.
  }
  rmSync(root, { recursive: true, force: true });
});

function fresh(name: string): string {
  const dir = join(root, name);
  mkdirSync(dir);
  chmodSync(dir, 0o755);
  return dir;
}

describe('groundwork backups / restore', () => {
  it('lists backups with what they hold and restores one, backing up the file it replaces', async () => {
    const dir = fresh('backups');
    const file = join(dir, 'acme.groundwork');
    copyFileSync(base, file);
    expect((await runCli(['backups', file])).stdout).toMatch(/No backups of .* yet/);
    const made = await runCli(['backups', file, '--now']);
    expect(made).toMatchObject({ status: 0 });
    expect(made.stdout).toMatch(/manual\s+\d+\.\d KiB {2}\d+ capabilities, \d+ people, \d+ work items {2}\(oldest backup\)/);
    const json = JSON.parse((await runCli(['backups', file, '--json'])).stdout) as { backups: { path: string }[] };
    const backup = json.backups[0]?.path as string;

    const refused = await runCli(['restore', backup, '--out', file]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/already exists \(add --force/);
    const restored = await runCli(['restore', backup, '--out', file, '--force']);
    expect(restored).toMatchObject({ status: 0 });
    expect(restored.stderr).toMatch(/Backed up the workspace it replaced: .*\.restore\./);
    expect((await runCli(['restore', backup, '--out', join(dir, 'copy.groundwork')])).status).toBe(0);
  });
});

describe('groundwork import-csv / export-csv', () => {
  it('checks the whole file first, writes nothing on a problem, and imports after a backup', async () => {
    const dir = fresh('csv');
    const file = join(dir, 'acme.groundwork');
    copyFileSync(base, file);
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, Buffer.from('Name;Role;Start date\r\nRenée;Data engineer;2027-01-04\r\nBob;Wizard;2027-02-30\r\n', 'latin1'));
    const before = folderState(dir);
    const refused = await runCli(['import-csv', 'people', bad, '--into', file]);
    expect(refused.status).toBe(2);
    expect(refused.stdout).toContain('windows-1252, delimiter ";"');
    expect(refused.stdout).toContain('bad.csv: row 3, column "Role": no role "Wizard"');
    expect(refused.stdout).toContain('bad.csv: row 3, column "Start date": 2027-02-30 is not a calendar date');
    expect(folderState(dir)).toEqual(before);

    const good = join(dir, 'good.csv');
    writeFileSync(good, Buffer.from('Name;Role\r\nRenée;Data engineer\r\n', 'latin1'));
    // A dry run previews a good file and changes nothing: no backup, no side files.
    const beforeDry = folderState(dir);
    const dry = await runCli(['import-csv', 'people', good, '--into', file, '--dry-run']);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain('1 data row: 1 to add');
    expect(folderState(dir)).toEqual({ ...beforeDry });
    const imported = await runCli(['import-csv', 'people', good, '--into', file]);
    expect(imported).toMatchObject({ status: 0 });
    expect(imported.stdout).toMatch(/1 added, 0 updated \(backup before the import: .*csv-import/);
    const headcount = await runCli(['export-csv', file, '--table', 'headcount', '--out', join(dir, 'h.csv')]);
    expect(headcount.status).toBe(0);
    expect(readFileSync(join(dir, 'h.csv'), 'utf8')).toContain('Renée,Data engineer,1,On staff');
    for (const table of ['inventory', 'hiring', 'roadmap']) {
      const run = await runCli(['export-csv', file, '--table', table, '--today', '2026-11-27']);
      expect(run.status, table).toBe(0);
      expect(run.stdout.startsWith('\ufeff')).toBe(true);
    }
  });
});

describe('hostile names reach the terminal without escape sequences, and the PDF as text', () => {
  it('plan, status and export-pdf', async () => {
    const dir = fresh('payload');
    const file = join(dir, 'payload.groundwork');
    importWorkspaceJson(payloadDocument(baseDocument(MIGRATIONS, join(dir, 'source.groundwork'))), file, { migrationsDir: MIGRATIONS });
    for (const args of [['plan', file, '--today', '2026-11-27', '--explain'], ['status', file], ['plan', file, '--json', '--today', '2026-11-27']]) {
      const run = await runCli(args);
      expect(run.status, args.join(' ')).toBe(0);
      // eslint-disable-next-line no-control-regex -- the point of the check
      expect(run.stdout, args.join(' ')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      expect(run.stdout).not.toContain('[native code]');
    }
    const pdf = join(dir, 'payload.pdf');
    const exported = await runCli(['export-pdf', file, '--out', pdf, '--today', '2026-11-27']);
    expect(exported.status).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString('utf8');
    expect(text).toContain('<script>window.__pwned = 1</script>');
    expect(text).toContain('=HYPERLINK("http://example.invalid","click")');
    expect(text).not.toContain('[native code]');
    expect(text).not.toContain('function Object()');
  });
});

describe('damaged files through the CLI (the full sweep is npm run test:faults)', () => {
  const picks = ['header-write-version-3', 'our-id-missing-tables', 'role-with-bad-json', 'garbage-journal', 'empty-journal-wal-mode', 'huge-sparse-3GiB', 'fifo', 'symlink-loop', 'wal-without-shm'];
  for (const entry of damagedCorpus().filter((c) => picks.includes(c.name))) {
    it(`${entry.name}: status, plan and export-json exit 0 or 2 and change nothing`, async () => {
      const dir = fresh(`damaged-${entry.name}`);
      const file = entry.make(dir, base);
      const before = folderState(dir);
      for (const args of [['status', file], ['plan', file, '--today', '2026-11-27'], ['export-json', file]]) {
        const run = await runCli(args);
        expect(isCrash(run), `${args[0]}: ${run.stderr}`).toBe(false);
        if (entry.expect !== 'opens' && entry.expect !== 'either') {
          expect(run.status).toBe(2);
          expect(run.stderr.trim().split('\n')).toHaveLength(1);
        }
        expect(folderState(dir)).toEqual(before);
      }
    });
  }

  it.skipIf(!isRoot)('as a user who may not read the file (mode 000): a clear refusal, exit 2', async () => {
    const dir = fresh('mode-000');
    const file = join(dir, 'locked.groundwork');
    copyFileSync(base, file);
    chmodSync(file, 0o000);
    const run = await runCli(['status', file], { uid: 65534 });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/cannot be read \(you do not have permission to read it\)/);
  });
});

describe('kill -9 during import-json --force (a few times; 200 in npm run test:faults)', () => {
  it('leaves the old bytes or the complete new workspace, and no temporary file after the next open', async () => {
    const dir = fresh('kill');
    const target = join(dir, 'target.groundwork');
    copyFileSync(base, target);
    const ws = openWorkspaceReadOnly(base, { migrationsDir: MIGRATIONS });
    const doc = join(dir, 'doc.json');
    writeFileSync(doc, formatWorkspaceJson({ ...exportWorkspaceJson(ws), organisation: { name: 'New' } }));
    ws.close();
    for (const delay of [300, 450, 600, 750]) {
      await runCli(['import-json', doc, '--out', target, '--force'], { killAfterMs: delay });
      const after = openWorkspaceReadOnly(target, { migrationsDir: MIGRATIONS });
      expect(['Northwind Commerce', 'New']).toContain(after.getOrganisation().name);
      after.close();
    }
    // The next run cleans whatever a killed one left.
    expect((await runCli(['import-json', doc, '--out', target, '--force'])).status).toBe(0);
    expect(readdirSync(dir).filter((n) => n.includes('.gw-tmp'))).toEqual([]);
  });
});
