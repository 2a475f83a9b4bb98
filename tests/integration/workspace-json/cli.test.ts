import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatWorkspaceJson } from '../../../src/core/workspace-json';
import { exportWorkspaceJson } from '../../../src/storage';
import { openReadOnly, sha256, tempDir } from '../storage/helpers';
import { demoWorkspace } from './helpers';

const BIN = fileURLToPath(new URL('../../../bin/groundwork.mjs', import.meta.url));

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the real `groundwork` command in a child process. Asynchronous, so that independent runs
 * can overlap: each one spends most of its time starting Node and tsx.
 */
function groundwork(args: readonly string[], input?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 30_000 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(error);
      else resolve({ status: error ? (error.code as number) : 0, stdout, stderr });
    });
    child.stdin?.end(input ?? '');
  });
}

const withoutTime = (text: string) => text.replace(/"exportedAt": "[^"]*"/, '"exportedAt": "…"');

describe('groundwork export-json / import-json', () => {
  it('exports to stdout or a file, imports it back, and the export is the same', async () => {
    const dir = tempDir();
    demoWorkspace(dir).close();
    const source = join(dir, 'demo.groundwork');

    const file = join(dir, 'demo.json');
    const [toStdout, toFile] = await Promise.all([groundwork(['export-json', source]), groundwork(['export-json', source, '--out', file])]);
    expect(toStdout.status).toBe(0);
    expect(toFile.status).toBe(0);
    const doc = JSON.parse(toStdout.stdout) as { format: string; workItems: unknown[] };
    expect(doc.format).toBe('groundwork-workspace');
    expect(doc.workItems).toHaveLength(3);

    expect(withoutTime(readFileSync(file, 'utf8'))).toBe(withoutTime(toStdout.stdout));

    // From stdin.
    const target = join(dir, 'copy.groundwork');
    const imported = await groundwork(['import-json', '-', '--out', target], toStdout.stdout);
    expect(imported).toMatchObject({ status: 0, stderr: '' });
    const copy = openReadOnly(target);
    expect(withoutTime(formatWorkspaceJson(exportWorkspaceJson(copy)))).toBe(withoutTime(toStdout.stdout));
  });

  it('refuses a bad file with its first problems, one per line, and writes nothing', async () => {
    const dir = tempDir();
    const workspace = demoWorkspace(dir);
    const good = structuredClone(exportWorkspaceJson(workspace)) as unknown as {
      people: { startDate: string | null; fte: number }[];
    };
    workspace.close();
    const existing = join(dir, 'demo.groundwork');
    good.people[1]!.startDate = '2027-02-30';
    good.people[2]!.fte = 2;
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify(good));

    const target = join(dir, 'new.groundwork');
    const hash = sha256(existing);
    const [refused, forced, notJson] = await Promise.all([
      groundwork(['import-json', bad, '--out', target]),
      groundwork(['import-json', bad, '--out', existing, '--force']),
      groundwork(['import-json', '-', '--out', target], '{"format": '),
    ]);
    expect(refused.status).toBe(2);
    expect(refused.stderr.split('\n')).toEqual([
      `${bad}: people[1].startDate: not a date (use YYYY-MM-DD)`,
      `${bad}: people[2].fte: must be at most 1`,
      `groundwork import-json: ${bad} is not a valid Workspace JSON file; nothing was written`,
      '',
    ]);
    expect(existsSync(target)).toBe(false);

    expect(forced.status).toBe(2);
    expect(sha256(existing)).toBe(hash);

    expect(notJson.status).toBe(2);
    expect(notJson.stderr).toMatch(/^<stdin>: \(document\): not JSON \(.*\)\ngroundwork import-json: <stdin> is not a valid Workspace JSON file; nothing was written\n$/);
    expect(existsSync(target)).toBe(false);
  });
});
