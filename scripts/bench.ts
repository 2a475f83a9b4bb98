// `npm run bench [-- --sets j30,j60,j120,cli,large,planner,progress,report] [--limit N] [--workers N] [--max-schedules N]`
// Sections live in scripts/bench/*-section.ts; add a new one to SECTIONS.
import { cpus, loadavg } from 'node:os';
import { cliSection } from './bench/cli-section';
import { makeContext, type BenchOptions, type BenchSection } from './bench/context';
import { largeSection } from './bench/large-section';
import { plannerSection } from './bench/planner-section';
import { progressSection } from './bench/progress-section';
import { psplibSection } from './bench/psplib-section';
import { reportSection } from './bench/report';

const SECTIONS: readonly BenchSection[] = [psplibSection, cliSection, largeSection, plannerSection, progressSection, reportSection];

function parseArgs(argv: readonly string[]): BenchOptions {
  let sets: string[] = [];
  let limit = Number.POSITIVE_INFINITY;
  let workers = Math.min(2, cpus().length);
  let maxSchedules: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--sets') sets = value().split(',').filter(Boolean);
    else if (arg === '--limit') limit = Number(value());
    else if (arg === '--workers') workers = Number(value());
    else if (arg === '--max-schedules') maxSchedules = Number(value());
    else throw new Error(`unknown option ${arg} (use --sets, --limit, --workers, --max-schedules)`);
  }
  if (!(limit > 0)) throw new Error('--limit must be a positive integer');
  if (!(workers >= 1)) throw new Error('--workers must be ≥ 1');
  if (maxSchedules !== undefined && !(maxSchedules >= 1)) throw new Error('--max-schedules must be ≥ 1');
  return maxSchedules === undefined ? { sets, limit, workers } : { sets, limit, workers, maxSchedules };
}

const context = makeContext(parseArgs(process.argv.slice(2)));
const load = (): string => loadavg().map((x) => x.toFixed(1)).join(' ');
context.print(`groundwork bench — ${new Date().toISOString()}, ${cpus().length} cores, node ${process.version}, ${context.options.workers} worker(s), load average ${load()}`);
for (const section of SECTIONS) await section.run(context);
context.print(`done ${new Date().toISOString()}, load average ${load()}`);
