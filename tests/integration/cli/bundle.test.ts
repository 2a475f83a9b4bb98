import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freshBundle as fresh } from '../../../bin/cli-bundle.mjs';

const root = resolve(import.meta.dirname, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'groundwork-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const problem = JSON.stringify({
  version: 1,
  resources: [{ id: 'R1', capacity: [{ from: 0, units: 1 }, { from: 4, units: 2 }] }],
  tasks: [
    { id: 'a', duration: 3, demand: { R1: 1 }, predecessors: [] },
    { id: 'b', duration: 2, demand: { R1: 2 }, predecessors: [] },
    { id: 'c', duration: 1, demand: { R1: 1 }, predecessors: ['a'], release: 2 },
  ],
});

/** Runs `main([...args])` of the module at `entry` in a child process, with `input` on stdin. */
function runEntry(entry: string, args: string[], input: string, env: NodeJS.ProcessEnv = {}): { status: number | null; stdout: string; stderr: string } {
  const script = `const { main } = await import(${JSON.stringify(entry)}); process.exitCode = await main(${JSON.stringify(args)});`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, input, encoding: 'utf8', timeout: 30_000, env: { ...process.env, ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the bundled command line (scripts/build-cli.mjs)', () => {
  const out = join(dir, 'build', 'cli');

  it('bundles every command with a manifest of its sources, and runs like the sources', () => {
    const build = spawnSync(process.execPath, [join(root, 'scripts', 'build-cli.mjs'), '--out', out], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(build.status, build.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { entry: string; inputs: { path: string }[] };
    const paths = manifest.inputs.map((i) => resolve(out, i.path));
    for (const source of ['src/cli/main.ts', 'src/cli/commands/schedule.ts', 'src/core/engine/search.ts', 'src/storage/workspace.ts']) {
      expect(paths).toContain(join(root, source));
    }
    expect(fresh(out)).toBe(join(out, 'main.js'));

    const args = ['schedule', '-', '--explain', '--seed', '3'];
    const bundled = runEntry(join(out, 'main.js'), args, problem);
    const source = runEntry(join(root, 'src', 'cli', 'main.ts'), args, problem, { NODE_OPTIONS: '--import tsx' });
    expect(bundled.stderr).toBe('');
    expect(bundled.status).toBe(0);
    expect(JSON.parse(bundled.stdout).makespan).toBe(6);
    expect(bundled.stdout).toBe(source.stdout);

    const bad = runEntry(join(out, 'main.js'), ['schedule', '-'], '{"version": 2}');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/version/);
  }, 60_000);
});

describe('freshBundle', () => {
  function bundleWith(name: string): { bundleDir: string; source: string } {
    const base = join(dir, name);
    const bundleDir = join(base, 'out', 'cli');
    const source = join(base, 'src', 'a.ts');
    mkdirSync(bundleDir, { recursive: true });
    mkdirSync(join(base, 'src'), { recursive: true });
    writeFileSync(source, 'export const a = 1;\n');
    utimesSync(source, new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'));
    writeFileSync(join(bundleDir, 'main.js'), 'export {};\n');
    const stat = { size: 'export const a = 1;\n'.length, mtimeMs: Date.parse('2026-01-01T00:00:00Z') };
    writeFileSync(join(bundleDir, 'manifest.json'), JSON.stringify({ version: 1, entry: 'main.js', inputs: [{ path: '../../src/a.ts', ...stat }] }));
    return { bundleDir, source };
  }

  it('gives the entry while every source is unchanged', () => {
    const { bundleDir } = bundleWith('unchanged');
    expect(fresh(bundleDir)).toBe(join(bundleDir, 'main.js'));
  });

  it('refuses a bundle whose source was edited (size or time), removed, or whose manifest is missing or broken', () => {
    const edited = bundleWith('edited');
    writeFileSync(edited.source, 'export const a = 22;\n');
    expect(fresh(edited.bundleDir)).toBeNull();

    const touched = bundleWith('touched');
    utimesSync(touched.source, new Date(), new Date());
    expect(fresh(touched.bundleDir)).toBeNull();

    const removed = bundleWith('removed');
    rmSync(removed.source);
    expect(fresh(removed.bundleDir)).toBeNull();

    const broken = bundleWith('broken');
    writeFileSync(join(broken.bundleDir, 'manifest.json'), '{"version": 1, "entry": "main.js", "inputs": []}');
    expect(fresh(broken.bundleDir)).toBeNull();
    writeFileSync(join(broken.bundleDir, 'manifest.json'), 'not json');
    expect(fresh(broken.bundleDir)).toBeNull();

    expect(fresh(join(dir, 'nowhere'))).toBeNull();
    expect(existsSync(join(dir, 'nowhere'))).toBe(false);
  });
});
