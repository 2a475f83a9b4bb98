import { CliError, processIO, type CliIO } from './io';

export type Command = (args: readonly string[], io: CliIO) => Promise<number>;

interface CommandEntry {
  readonly usage: string;
  readonly summary: string;
  /** Loaded on demand so that each command starts only what it needs. */
  readonly load: () => Promise<Command>;
}

const COMMANDS: Record<string, CommandEntry> = {
  demo: {
    usage: 'demo --out FILE [--today YYYY-MM-DD] [--force]',
    summary: 'write the demo organisation to a new workspace file',
    load: async () => (await import('./commands/demo')).run,
  },
  'export-json': {
    usage: 'export-json WORKSPACE [--out FILE]',
    summary: 'the whole workspace as Workspace JSON v2 (stdout by default)',
    load: async () => (await import('./commands/export-json')).run,
  },
  'import-json': {
    usage: 'import-json FILE|- --out WORKSPACE [--force]',
    summary: 'a Workspace JSON (v1 or v2) file into a new workspace file',
    load: async () => (await import('./commands/import-json')).run,
  },
  'import-csv': {
    usage: 'import-csv people|capabilities FILE --into WORKSPACE [--dry-run]',
    summary: 'people or capabilities from a spreadsheet CSV (checked whole first)',
    load: async () => (await import('./commands/import-csv')).run,
  },
  'export-csv': {
    usage: 'export-csv WORKSPACE --table inventory|headcount|hiring|roadmap|comparison [--out FILE]',
    summary: "one of the app's tables as CSV for spreadsheets",
    load: async () => (await import('./commands/export-csv')).run,
  },
  'export-pdf': {
    usage: 'export-pdf WORKSPACE [--scenario NAME] --out FILE [--paper a4|letter]',
    summary: 'the roadmap report as a PDF (A4 or US Letter), for leadership',
    load: async () => (await import('./commands/export-pdf')).run,
  },
  backups: {
    usage: 'backups WORKSPACE [--json] [--now]',
    summary: 'the automatic backups of a workspace: date, size, what changed',
    load: async () => (await import('./commands/backups')).run,
  },
  restore: {
    usage: 'restore BACKUP --out WORKSPACE [--force]',
    summary: 'a backup into a workspace file (the replaced one is backed up first)',
    load: async () => (await import('./commands/restore')).run,
  },
  plan: {
    usage: 'plan WORKSPACE [--scenario NAME] [--as-of DATE] [--json] [--explain]',
    summary: 'the roadmap: items by quarter, hires with reasons, warnings',
    load: async () => (await import('./commands/plan')).run,
  },
  baseline: {
    usage: 'baseline WORKSPACE --name NAME [--scenario NAME] [--as-of DATE]',
    summary: 'freeze the plan as of a date under a name, to track progress against',
    load: async () => (await import('./commands/baseline')).run,
  },
  baselines: {
    usage: 'baselines WORKSPACE [--json]',
    summary: 'the baselines saved in a workspace, newest first',
    load: async () => (await import('./commands/baselines')).run,
  },
  progress: {
    usage: 'progress WORKSPACE [--baseline NAME] [--scenario NAME] [--as-of DATE] [--json]',
    summary: 'what moved since a baseline (items, hires, layer gates) and why',
    load: async () => (await import('./commands/progress')).run,
  },
  status: {
    usage: 'status FILE [--json]',
    summary: 'readiness per layer and headcount by role',
    load: async () => (await import('./commands/status')).run,
  },
  schedule: {
    usage: 'schedule FILE|- [--explain] [--seed N] [--time-limit MS]',
    summary: 'schedule a Schedule JSON v1 problem (resource-constrained), print the result JSON',
    load: async () => (await import('./commands/schedule')).run,
  },
};

const USER_ERRORS = new Set(['WorkspaceError', 'StorageError', 'WorkspaceJsonError', 'CsvError', 'BackupError', 'InputFileError', 'WriteFileError']);

/** A message for one line of stderr, never longer than a screenful. */
function oneLine(message: string): string {
  const flat = message.replace(/\s*\n\s*/g, '; ');
  return flat.length > 2_000 ? `${flat.slice(0, 2_000)}…` : flat;
}

function usage(): string {
  const lines = Object.values(COMMANDS).map((c) => `  ${c.usage.padEnd(48)} ${c.summary}`);
  return ['Usage: groundwork <command> [options]', '', 'Commands:', ...lines, ''].join('\n');
}

export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name === undefined ? 2 : 0;
  }
  const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!entry) {
    io.stderr(`groundwork: unknown command "${name}" (try: ${Object.keys(COMMANDS).join(', ')})\n`);
    return 2;
  }
  try {
    const command = await entry.load();
    return await command(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`groundwork ${name}: ${error.message}\n`);
      return error.exitCode;
    }
    // Refusals of the storage and the formats (a damaged file, a full disk, an invalid document)
    // that a command did not word itself: their messages are written for the user. Checked by
    // name so that this module loads no storage code.
    if (error instanceof Error && USER_ERRORS.has(error.name)) {
      io.stderr(`groundwork ${name}: ${oneLine(error.message)}\n`);
      return 2;
    }
    io.stderr(
      `groundwork ${name}: internal error: ${oneLine(error instanceof Error ? error.message : String(error))} ` +
        '(this is a bug in Groundwork; please report it with the command you ran)\n',
    );
    if (process.env['GROUNDWORK_DEBUG'] && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return 70;
  }
}
