import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BenchOptions {
  /** Sections/sets to run, e.g. j30, j60, j120, large; empty = all. */
  readonly sets: readonly string[];
  /** First N instances per PSPLIB set. */
  readonly limit: number;
  readonly workers: number;
  /** Run PSPLIB instances with this schedule budget instead of the default time limit. */
  readonly maxSchedules?: number;
}

/** What every bench section gets: where things are, the options, and a printer. */
export interface BenchContext {
  readonly repoRoot: string;
  readonly cacheDir: string;
  readonly options: BenchOptions;
  readonly print: (line: string) => void;
  readonly wants: (set: string) => boolean;
}

/** A bench section: another engineer's `plan` benchmarks plug in as further sections. */
export interface BenchSection {
  readonly name: string;
  readonly run: (context: BenchContext) => Promise<void>;
}

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function psplibDir(): string {
  return process.env.GROUNDWORK_PSPLIB_DIR ?? resolve(REPO_ROOT, '..', 'shared', 'benchmarks', 'psplib');
}

export function makeContext(options: BenchOptions): BenchContext {
  const cacheDir = join(REPO_ROOT, '.bench-cache');
  return {
    repoRoot: REPO_ROOT,
    cacheDir,
    options,
    print: (line) => console.log(line),
    wants: (set) => options.sets.length === 0 || options.sets.includes(set),
  };
}

export { existsSync };

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length;
}
