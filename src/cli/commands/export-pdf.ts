import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { buildRoadmapReport, type Paper } from '../../core/report';
import { writeRoadmapPdf } from '../../report';
import { loadProgress, StorageError } from '../../storage';
import { parseCommandArgs, todayArg } from '../args';
import { CliError, type CliIO } from '../io';
import { planScenario, withWorkspace } from '../workspace';

const USAGE = 'groundwork export-pdf WORKSPACE [--scenario NAME] --out FILE [--paper a4|letter] [--baseline NAME] [--compare A,B] [--today YYYY-MM-DD]';

/** `--compare A,B`: one or two other scenarios (by name or id), so that at most three are compared. */
function parseCompare(value: string | undefined): string[] {
  if (value === undefined) return [];
  const names = value.split(',').map((n) => n.trim()).filter((n) => n !== '');
  if (names.length === 0) throw new CliError('--compare: name one or two scenarios, separated by a comma (e.g. --compare "Lean,Fast")');
  return names;
}

function parsePaper(value: string | undefined): Paper {
  if (value === undefined) return 'a4';
  const paper = value.toLowerCase();
  if (paper === 'a4' || paper === 'letter') return paper;
  throw new CliError(`--paper: must be a4 or letter, got "${value}"`);
}

/** The folder the PDF goes to must exist: checked before any work, so a bad path costs nothing. */
function checkOutFolder(file: string): void {
  const folder = dirname(file);
  let isFolder = false;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    isFolder = false;
  }
  if (!isFolder) throw new CliError(`--out: folder "${folder}" does not exist`);
  try {
    if (statSync(file).isDirectory()) throw new CliError(`--out: "${file}" is a folder, not a file`);
  } catch (error) {
    if (error instanceof CliError) throw error;
  }
}

/**
 * `groundwork export-pdf`: the roadmap report of a workspace's scenario as a PDF. Nothing is
 * written unless the whole report rendered (writeRoadmapPdf renames a finished temporary file).
 */
export async function run(args: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      scenario: { type: 'string' },
      out: { type: 'string' },
      paper: { type: 'string' },
      today: { type: 'string' },
      baseline: { type: 'string' },
      compare: { type: 'string' },
    },
    { min: 1, max: 1, usage: USAGE },
  );
  if (values.out === undefined || values.out === '') throw new CliError(`--out FILE is required (usage: ${USAGE})`);
  const paper = parsePaper(values.paper);
  const compare = parseCompare(values.compare);
  const today = todayArg(values.today);
  const out = resolve(values.out);
  checkOutFolder(out);

  const model = await withWorkspace(positionals[0] ?? '', (workspace) => {
    const { input, result } = planScenario(workspace, { scenario: values.scenario, today });
    let progress;
    try {
      progress = loadProgress(workspace, { baseline: values.baseline, input, plan: result, asOf: today });
    } catch (error) {
      if (error instanceof StorageError) throw new CliError(`--baseline: ${error.message}`);
      throw error;
    }
    const planOf = (name: string) => {
      try {
        return planScenario(workspace, { scenario: name, today }).result;
      } catch (error) {
        if (error instanceof CliError && error.message.startsWith('--scenario: ')) throw new CliError(`--compare: ${error.message.slice('--scenario: '.length)}`);
        throw error;
      }
    };
    const others = compare.map(planOf).filter((p) => p.scenario.id !== result.scenario.id);
    const distinct = [...new Map(others.map((p) => [p.scenario.id, p])).values()];
    if (distinct.length > 2) throw new CliError(`--compare: at most two scenarios besides "${result.scenario.name}" (a comparison shows two or three)`);
    if (compare.length > 0 && distinct.length === 0) throw new CliError(`--compare: name another scenario than "${result.scenario.name}", the one the roadmap is of`);
    return buildRoadmapReport(input, result, { generatedOn: today, paper, progress, compareWith: distinct });
  });
  try {
    await writeRoadmapPdf(model, out);
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? ` (${String(error.code)})` : '';
    throw new CliError(`--out: could not write "${out}"${code}: ${error instanceof Error ? error.message : String(error)}`);
  }
  io.stdout(`${out}: ${model.pages.length} pages, ${paper === 'a4' ? 'A4' : 'US Letter'}, scenario "${model.content.cover.scenarioName}"\n`);
  return 0;
}
