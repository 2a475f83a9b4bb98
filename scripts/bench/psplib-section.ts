import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { mean, median, psplibDir, type BenchContext, type BenchSection } from './context';
import { runPool } from './pool';
import { parseSolutions } from './psplib';
import type { InstanceResult } from './worker';

const SETS = [
  { name: 'j30', reference: 'j30opt.sm', label: 'optimum' },
  { name: 'j60', reference: 'j60hrs.sm', label: 'best-known' },
  { name: 'j120', reference: 'j120hrs.sm', label: 'best-known' },
] as const;

/** Instance files in PSPLIB order (parameter, then instance). */
function instances(dir: string, prefix: string): string[] {
  const key = (file: string): [number, number] => {
    const m = /(\d+)_(\d+)\.sm$/.exec(file.slice(prefix.length));
    return m ? [Number(m[1]), Number(m[2])] : [0, 0];
  };
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sm'))
    .sort((a, b) => {
      const [pa, ia] = key(a);
      const [pb, ib] = key(b);
      return pa - pb || ia - ib;
    })
    .map((f) => join(dir, f));
}

/** The set's .sm files unpacked into the bench cache (from `source`/SET.tar.gz), or null. */
export function extract(context: BenchContext, source: string, set: string): string | null {
  const target = join(context.cacheDir, set);
  if (existsSync(target) && readdirSync(target).length > 0) return target;
  mkdirSync(context.cacheDir, { recursive: true });
  const archive = join(source, `${set}.tar.gz`);
  if (!existsSync(archive)) return null;
  const run = spawnSync('tar', ['xzf', archive, '-C', context.cacheDir], { stdio: 'inherit' });
  return run.status === 0 && existsSync(target) ? target : null;
}

const pct = (x: number): string => `${x.toFixed(3)}%`;

async function run(context: BenchContext): Promise<void> {
  const source = psplibDir();
  const wanted = SETS.filter((s) => context.wants(s.name));
  if (wanted.length === 0) return;
  if (!existsSync(source)) {
    context.print(`PSPLIB data not found at ${source}; skipping the PSPLIB sets`);
    return;
  }
  for (const set of wanted) {
    const dir = extract(context, source, set.name);
    const referenceFile = join(source, set.reference);
    if (dir === null || !existsSync(referenceFile)) {
      context.print(`PSPLIB data not found at ${source} (${set.name}); skipping ${set.name}`);
      continue;
    }
    if (context.options.maxSchedules !== undefined) context.print(`${set.name}: budget ${context.options.maxSchedules} schedules per instance (no time limit)`);
    const reference = parseSolutions(readFileSync(referenceFile, 'utf8'));
    const files = instances(dir, set.name).slice(0, context.options.limit);
    const results: InstanceResult[] = [];
    await runPool(
      files.map((file) => (context.options.maxSchedules === undefined ? { file } : { file, maxSchedules: context.options.maxSchedules })),
      context.options.workers,
      (r) => results.push(r),
    );
    const deviations: number[] = [];
    const cpDeviations: number[] = [];
    let valid = 0;
    let atReference = 0;
    for (const r of results) {
      const m = /^(\d+)_(\d+)\.sm$/.exec(basename(r.file).slice(set.name.length));
      const best = m ? reference.get(`${m[1]}_${m[2]}`) : undefined;
      if (r.errors.length === 0) valid++;
      else context.print(`  INVALID ${basename(r.file)}: ${r.errors.slice(0, 3).join('; ')}`);
      if (best !== undefined) {
        deviations.push((100 * (r.makespan - best)) / best);
        if (r.makespan <= best) atReference++;
      }
      cpDeviations.push((100 * (r.makespan - r.criticalPath)) / r.criticalPath);
    }
    const times = results.map((r) => r.ms);
    // Instances that stopped early at the lower bound say nothing about throughput.
    const full = results.filter((r) => !r.atLowerBound);
    context.print(
      `${set.name.padEnd(5)} valid ${valid}/${results.length}  vs ${set.label}: mean ${pct(mean(deviations))}, at or below it ${atReference}/${deviations.length}  ` +
        `vs critical path: mean ${pct(mean(cpDeviations))}  time/instance: median ${median(times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms  ` +
        `schedules/instance: median ${median(results.map((r) => r.schedules)).toFixed(0)}` +
        `; ${full.length} ran to the budget: median ${median(full.map((r) => r.schedules)).toFixed(0)} schedules`,
    );
  }
}

export const psplibSection: BenchSection = { name: 'psplib', run };
