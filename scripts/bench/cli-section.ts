// `--sets cli`: `groundwork schedule` on 120-task PSPLIB instances as a whole child process (node
// start-up, loading the command, parsing, the search with the default time limit, the JSON on
// stdout): the figure behind "a 120-task project at ≤ 1 s as a whole CLI process".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshBundle } from '../../bin/cli-bundle.mjs';
import { DEFAULT_TIME_LIMIT_MS } from '../../src/core/engine';
import { median, psplibDir, type BenchContext, type BenchSection } from './context';
import { parseSm } from './psplib';
import { extract } from './psplib-section';

/** Instance 1 of every fifth j120 parameter set: a spread of the hard and the easy ones. */
const INSTANCES = Array.from({ length: 12 }, (_, k) => `j120${1 + 5 * k}_1.sm`);

function timed(context: BenchContext, args: string[]): { ms: number; ok: boolean } {
  const t0 = performance.now();
  const run = spawnSync(process.execPath, [join(context.repoRoot, 'bin', 'groundwork.mjs'), ...args], { encoding: 'utf8', timeout: 60_000 });
  const ms = performance.now() - t0;
  return { ms, ok: run.status === 0 && run.stdout.startsWith('{') };
}

async function run(context: BenchContext): Promise<void> {
  if (!context.wants('cli')) return;
  const dir = existsSync(psplibDir()) ? extract(context, psplibDir(), 'j120') : null;
  if (dir === null) {
    context.print(`cli: PSPLIB j120 not found at ${psplibDir()}; skipping the whole-process timing`);
    return;
  }
  const bundled = freshBundle(join(context.repoRoot, 'out', 'cli')) !== null;
  context.print(
    `cli: \`node bin/groundwork.mjs schedule FILE\` as a child process, default time limit ${DEFAULT_TIME_LIMIT_MS} ms, ` +
      (bundled ? 'running the bundle in out/cli/' : 'running the sources through tsx (no up-to-date bundle: `npm run build:cli`)'),
  );
  const work = mkdtempSync(join(tmpdir(), 'groundwork-bench-cli-'));
  try {
    const files = INSTANCES.filter((name) => existsSync(join(dir, name))).map((name) => {
      const file = join(work, name.replace(/\.sm$/, '.json'));
      writeFileSync(file, JSON.stringify(parseSm(readFileSync(join(dir, name), 'utf8'))));
      return file;
    });
    if (files.length === 0) {
      context.print('cli: no j120 instance found; skipping');
      return;
    }
    timed(context, ['schedule', files[0]!]); // warm the file cache
    const startup = [1, 2, 3].map(() => timed(context, ['schedule', files[0]!, '--time-limit', '0']).ms);
    const runs = files.map((file) => timed(context, ['schedule', file]));
    const times = runs.map((r) => r.ms);
    const failed = runs.filter((r) => !r.ok).length;
    context.print(
      `  start-up and I/O alone (--time-limit 0): median ${median(startup).toFixed(0)} ms; ` +
        `${files.length} j120 instances with the default limit: median ${median(times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms, ` +
        `over 1 s: ${times.filter((t) => t > 1000).length}${failed > 0 ? `, FAILED: ${failed}` : ''}`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export const cliSection: BenchSection = { name: 'cli', run };
