import { readFile } from 'node:fs/promises';
import { parseProblem, schedule, ScheduleError, DEFAULT_TIME_LIMIT_MS } from '../../core/engine';
import { CliError, type CliIO } from '../io';
import { jsonForTerminal } from '../terminal';

const USAGE = 'usage: groundwork schedule FILE|- [--explain] [--seed N] [--time-limit MS] [--max-schedules N]';

interface Args {
  readonly file: string;
  readonly explain: boolean;
  readonly seed: number;
  readonly timeLimitMs: number;
  readonly maxSchedules?: number;
}

function integerArg(flag: string, value: string | undefined, min: number): number {
  if (value === undefined) throw new CliError(`${flag} needs a value (${USAGE})`);
  if (!/^\d+$/.test(value) || Number(value) < min || !Number.isSafeInteger(Number(value))) {
    throw new CliError(`${flag}: must be an integer ≥ ${min}, got "${value}"`);
  }
  return Number(value);
}

function parseArgs(args: readonly string[]): Args {
  let file: string | undefined;
  let explain = false;
  let seed = 1;
  let timeLimitMs = DEFAULT_TIME_LIMIT_MS;
  let maxSchedules: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? args[++i];
    if (flag === '--explain' && inline === undefined) explain = true;
    else if (flag === '--seed') seed = integerArg('--seed', value(), 0);
    else if (flag === '--time-limit') timeLimitMs = integerArg('--time-limit', value(), 0);
    else if (flag === '--max-schedules') maxSchedules = integerArg('--max-schedules', value(), 1);
    else if (flag === '-' || !flag.startsWith('-')) {
      if (file !== undefined) throw new CliError(`one input file only, got "${file}" and "${flag}" (${USAGE})`);
      file = flag;
    } else throw new CliError(`unknown option "${arg}" (${USAGE})`);
  }
  if (file === undefined) throw new CliError(`missing input FILE (or - for stdin) (${USAGE})`);
  if (seed > 0xffffffff) throw new CliError(`--seed: must be ≤ ${0xffffffff}, got "${seed}"`);
  return maxSchedules === undefined ? { file, explain, seed, timeLimitMs } : { file, explain, seed, timeLimitMs, maxSchedules };
}

/** `groundwork schedule FILE|-`: Schedule JSON v1 in, result JSON out (SCHEDULE-JSON.md). */
export async function run(args: readonly string[], io: CliIO): Promise<number> {
  const options = parseArgs(args);
  let text: string;
  try {
    text = options.file === '-' ? await io.readStdinText() : await readFile(options.file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`cannot read "${options.file}"${code ? ` (${code})` : ''}`);
  }
  try {
    const problem = parseProblem(text);
    const result = schedule(problem, {
      seed: options.seed,
      timeLimitMs: options.timeLimitMs,
      explain: options.explain,
      ...(options.maxSchedules === undefined ? {} : { maxSchedules: options.maxSchedules }),
    });
    const output = {
      version: 1,
      makespan: result.makespan,
      tasks: result.tasks.map((t) => (options.explain ? { id: t.id, start: t.start, finish: t.finish, reason: t.reason } : { id: t.id, start: t.start, finish: t.finish })),
    };
    io.stdout(`${jsonForTerminal(output, 0)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof ScheduleError) throw new CliError(error.message.replace(/\s*\n\s*/g, ' '));
    throw error;
  }
}
