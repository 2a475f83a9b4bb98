import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { toIsoDate } from '../core/calendar';
import { CliError } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses a command's arguments strictly: an unknown flag, a missing value or the wrong number of
 * positionals is a CliError naming the problem (exit 2), never a silent default.
 */
export function parseCommandArgs<O extends Options>(
  args: readonly string[],
  options: O,
  positionals: { readonly min: number; readonly max: number; readonly usage: string },
) {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`${error instanceof Error ? error.message : String(error)} (usage: ${positionals.usage})`);
  }
  const count = parsed.positionals.length;
  if (count < positionals.min || count > positionals.max) {
    throw new CliError(`expected ${positionals.min === positionals.max ? positionals.min : `${positionals.min}–${positionals.max}`} argument(s), got ${count} (usage: ${positionals.usage})`);
  }
  return parsed;
}

/** `YYYY-MM-DD`, a real calendar date. */
export function parseIsoDateArg(flag: string, value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!date || date.toISOString().slice(0, 10) !== value) throw new CliError(`--${flag}: not a date (use YYYY-MM-DD), got "${value}"`);
  return value;
}

/** `--today YYYY-MM-DD`, or the local date. */
export function todayArg(value: string | undefined): string {
  return value === undefined ? toIsoDate(new Date()) : parseIsoDateArg('today', value);
}

/**
 * `--out FILE` of a command that writes a workspace: required, in a folder that exists, and an
 * existing file only replaced with --force (`replacing` says what happens to it then). Returns
 * the absolute path.
 */
export function outWorkspaceArg(value: string | undefined, force: boolean, usage: string, replacing = ''): string {
  if (!value) throw new CliError(`--out WORKSPACE is required (usage: ${usage})`);
  const out = resolve(value);
  if (!existsSync(dirname(out))) throw new CliError(`--out: folder ${dirname(out)} does not exist`);
  if (existsSync(out) && !force) throw new CliError(`--out: ${out} already exists (add --force to replace it${replacing}); nothing was written`);
  return out;
}
