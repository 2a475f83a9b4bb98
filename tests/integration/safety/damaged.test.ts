import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace, openWorkspaceReadOnly, WorkspaceError } from '../../../src/storage';
import { damagedCorpus, makeBaseWorkspace } from '../../corpus/damaged';
import { folderState } from '../../corpus/files';
import { MIGRATIONS } from '../storage/helpers';

const isRoot = process.getuid?.() === 0;
let root = '';
let base = '';

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'groundwork-damaged-'));
  base = join(root, 'base.groundwork');
  makeBaseWorkspace(base, MIGRATIONS);
});
afterAll(() => {
  // Read-only folders first, so the tree can be removed.
  const fix = (path: string) => {
    try {
      chmodSync(path, 0o755);
    } catch {
      // Gone already.
    }
  };
  fix(join(root, 'read-only-folder-with-wal', 'ro-folder'));
  rmSync(root, { recursive: true, force: true });
});

type Outcome = { kind: 'opened' } | { kind: 'refused'; code: string } | { kind: 'crashed'; error: unknown };

function attempt(path: string, readonly: boolean): Outcome {
  try {
    (readonly ? openWorkspaceReadOnly(path, { migrationsDir: MIGRATIONS }) : openWorkspace(path, { migrationsDir: MIGRATIONS, create: false })).close();
    return { kind: 'opened' };
  } catch (error) {
    if (error instanceof WorkspaceError) return { kind: 'refused', code: error.code };
    return { kind: 'crashed', error };
  }
}

const corpus = damagedCorpus();

describe(`${corpus.length} damaged or odd files: a typed refusal or a clean open, never a crash, and nothing changed`, () => {
  it('has at least 50 cases', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(50);
  });

  for (const entry of corpus) {
    it.skipIf(entry.needsNonRoot === true && isRoot)(entry.name, () => {
      const dir = join(root, entry.name);
      mkdirSync(dir);
      const file = entry.make(dir, base);
      const before = folderState(dir);

      const readOnly = attempt(file, true);
      if (readOnly.kind === 'crashed') throw readOnly.error;
      // A read-only open changes nothing and creates nothing, whatever the file is.
      expect(folderState(dir)).toEqual(before);
      if (entry.expect === 'opens') expect(readOnly).toEqual({ kind: 'opened' });
      else if (entry.expect !== 'either') expect(readOnly).toEqual({ kind: 'refused', code: entry.expect });

      const writable = attempt(file, false);
      if (writable.kind === 'crashed') throw writable.error;
      if (writable.kind === 'refused') {
        // A refused file is left exactly as it was, with nothing beside it.
        expect(folderState(dir)).toEqual(before);
        if (readOnly.kind === 'refused') expect(writable.code).toBe(readOnly.code);
      } else {
        // Opened for editing only when the read-only check found nothing wrong.
        expect(readOnly.kind).toBe('opened');
      }
    });
  }
});
