import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outWorkspaceArg } from '../../../src/cli/args';

describe('--out of the commands that write a workspace (demo, import-json, restore)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'groundwork-out-'));
  const taken = join(dir, 'taken.groundwork');
  writeFileSync(taken, '');

  it('is required, in a folder that exists, and replaces a file only with --force', () => {
    expect(() => outWorkspaceArg(undefined, false, 'groundwork demo --out FILE')).toThrow('--out WORKSPACE is required (usage: groundwork demo --out FILE)');
    expect(() => outWorkspaceArg(join(dir, 'nope', 'x.groundwork'), true, 'u')).toThrow(`--out: folder ${join(dir, 'nope')} does not exist`);
    expect(() => outWorkspaceArg(taken, false, 'u', '; it is backed up first')).toThrow(`--out: ${taken} already exists (add --force to replace it; it is backed up first); nothing was written`);
    expect(outWorkspaceArg(taken, true, 'u')).toBe(taken);
    expect(outWorkspaceArg(join(dir, 'new.groundwork'), false, 'u')).toBe(join(dir, 'new.groundwork'));
  });
});
