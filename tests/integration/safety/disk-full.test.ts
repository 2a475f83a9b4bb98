import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildDemoOrganisation } from '../../../src/core/domain/demo';
import { formatWorkspaceJson } from '../../../src/core/workspace-json';
import { exportWorkspaceJson, openWorkspace, openWorkspaceReadOnly, WorkspaceError } from '../../../src/storage';
import { runCli } from '../../corpus/cli';
import { MIGRATIONS } from '../storage/helpers';

let root = '';
let mount = '';
let mounted = false;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'groundwork-full-'));
  mount = join(root, 'tmpfs');
  mkdirSync(mount);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mount], { stdio: 'ignore' });
    mounted = true;
  } catch {
    mounted = false;
  }
});
afterAll(() => {
  if (mounted) execFileSync('umount', [mount]);
  rmSync(root, { recursive: true, force: true });
});

/** Fills the tmpfs, leaving `room` bytes. */
function fill(room: number): void {
  const available = Number(execFileSync('df', ['--output=avail', '-B1', mount]).toString().split('\n')[1]);
  writeFileSync(join(mount, `filler-${Date.now()}`), Buffer.alloc(Math.max(0, available - room)));
}

// Mounting needs root (CI runs as root); elsewhere the test says it was skipped.
it('on a full disk: a typed error, no partial transaction, the workspace as it was, nothing left behind', async (context) => {
  if (!mounted) context.skip();
  const file = join(mount, 'full.groundwork');
  const ws = openWorkspace(file, { migrationsDir: MIGRATIONS });
  ws.seed(buildDemoOrganisation('2026-11-27'));
  const doc = join(root, 'doc.json');
  writeFileSync(doc, formatWorkspaceJson(exportWorkspaceJson(ws)));
  fill(96 * 1024);
  let committed = 0;
  let caught: unknown;
  for (let i = 0; i < 1000 && caught === undefined; i++) {
    try {
      ws.createCapability({ name: `Filling ${i}`, layer: 'collect', currentMaturity: 0, targetMaturity: 1, notes: 'n'.repeat(4000) });
      committed++;
    } catch (error) {
      caught = error;
    }
  }
  expect(caught).toBeInstanceOf(WorkspaceError);
  expect((caught as WorkspaceError).code).toBe('disk-full');
  expect(ws.listCapabilities().filter((c) => c.name.startsWith('Filling'))).toHaveLength(committed);
  ws.close();
  const reopened = openWorkspaceReadOnly(file, { migrationsDir: MIGRATIONS });
  expect(reopened.listCapabilities().filter((c) => c.name.startsWith('Filling'))).toHaveLength(committed);
  reopened.close();

  const before = readdirSync(mount).sort();
  const run = await runCli(['import-json', doc, '--out', join(mount, 'imported.groundwork')]);
  expect(run.status).toBe(2);
  expect(run.stderr).toMatch(/imported\.groundwork: the disk is full/);
  expect(readdirSync(mount).sort()).toEqual(before);
});
