/**
 * `npm run test:faults`: the data-safety proofs that take minutes, with their figures.
 *
 *   kill      kill -9 at random moments of `import-json --force`, `demo --out --force`, `restore
 *             --force` and a writer loop on the storage layer (N times each): the target is its old
 *             content or a complete new workspace that passes integrity_check; committed rows lost;
 *             temporary files left and cleaned on the next open.
 *   diskfull  a 4 MiB tmpfs filled up: storage writes, imports and backups fail with a typed error,
 *             no partial transaction, nothing left behind.
 *   damaged   every command on every file of the damaged corpus: exit 0 or 2, no crash, no file changed.
 *   hostile   every hostile JSON/CSV document through the CLI: exit 0 or 2, targets unchanged on 2,
 *             time and peak memory.
 *
 * Options: --sets kill,diskfull,damaged,hostile   --iterations N (kill loop, default 200)
 *          --kill import-json,demo,restore,writer (which kill loops; default all)
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { formatWorkspaceJson } from '../../src/core/workspace-json';
import { buildDemoOrganisation } from '../../src/core/domain/demo';
import {
  createBackup,
  exportWorkspaceJson,
  importWorkspaceJson,
  openWorkspace, openWorkspaceReadOnly,
  removeStaleTemporaries,
  removeStaleTemporariesIn,
  WorkspaceError,
  BackupError,
  type ReadableWorkspace,
} from '../../src/storage';
import { isCrash, runCli, type CliRun } from '../../tests/corpus/cli';
import { damagedCorpus, makeBaseWorkspace, seeded } from '../../tests/corpus/damaged';
import { folderState } from '../../tests/corpus/files';
import { baseDocument, hostileCsvDocuments, hostileJsonDocuments } from '../../tests/corpus/hostile';

const MIGRATIONS = resolve('migrations');
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
};
const sets = new Set(option('sets', 'kill,diskfull,damaged,hostile').split(','));
const iterations = Number(option('iterations', '200'));
const killTargets = new Set(option('kill', 'import-json,demo,restore,writer').split(','));
const random = seeded(2026);
let failures = 0;
const fail = (message: string) => {
  failures++;
  console.log(`  FAIL ${message}`);
};

const content = (ws: ReadableWorkspace) => JSON.stringify({ ...exportWorkspaceJson(ws), exportedAt: '' });

/** The content of `file` read through a full read-only open (inspection, integrity check, every row), or the refusal. */
function readContent(file: string): string | { error: string } {
  try {
    const ws = openWorkspaceReadOnly(file, { migrationsDir: MIGRATIONS });
    try {
      return content(ws);
    } finally {
      ws.close();
    }
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

const temporaries = (folder: string) => (existsSync(folder) ? readdirSync(folder).filter((n) => n.includes('.gw-tmp')).length : 0);

async function killLoop(root: string): Promise<void> {
  console.log(`\nkill -9 loops (${iterations} each)`);
  const dir = join(root, 'kill');
  mkdirSync(dir);
  const base = join(dir, 'base.groundwork');
  makeBaseWorkspace(base, MIGRATIONS);
  const baseWs = openWorkspaceReadOnly(base, { migrationsDir: MIGRATIONS });
  const doc = exportWorkspaceJson(baseWs);
  baseWs.close();
  const docFile = join(dir, 'doc.json');
  writeFileSync(docFile, formatWorkspaceJson({ ...doc, organisation: { name: 'Imported under fire' } }));
  const backupFile = join(dir, 'backup-source.groundwork');
  importWorkspaceJson({ ...doc, organisation: { name: 'Restored under fire' } }, backupFile, { migrationsDir: MIGRATIONS });

  const scenarios: { name: string; args: (target: string) => string[] }[] = [
    { name: 'import-json --force', args: (target) => ['import-json', docFile, '--out', target, '--force'] },
    { name: 'demo --out --force', args: (target) => ['demo', '--out', target, '--force', '--today', '2026-11-27'] },
    { name: 'restore --force', args: (target) => ['restore', backupFile, '--out', target, '--force'] },
  ];
  // Most of a run is Node starting; the kills aim at the rest, where the files are written.
  const startup = (await runCli(['--help'])).ms;
  for (const scenario of scenarios.filter((s) => killTargets.has(s.name.split(' ')[0] as string))) {
    const target = join(dir, `${scenario.name.split(' ')[0]}.groundwork`);
    copyFileSync(base, target);
    // The slowest of three runs: on a busy machine a run takes longer than a quiet one, and kills
    // aimed only at the quiet one's span would all land before anything is written.
    let full = await runCli(scenario.args(target));
    for (let i = 0; i < 2; i++) {
      const again = await runCli(scenario.args(target));
      if (again.ms > full.ms) full = again;
    }
    if (full.status !== 0) fail(`${scenario.name} did not run: ${full.stderr}`);
    const newContent = readContent(target);
    let killed = 0;
    let old = 0;
    let complete = 0;
    let broken = 0;
    let leftovers = 0;
    let cleaned = 0;
    for (let i = 0; i < iterations; i++) {
      const before = readContent(target);
      const beforeBytes = folderState(dir)[`${scenario.name.split(' ')[0]}.groundwork`];
      const from = startup * 0.8;
      const run = await runCli(scenario.args(target), { killAfterMs: Math.floor(from + random() * (full.ms * 1.3 - from)) });
      if (run.signal === 'SIGKILL') killed++;
      else if (run.status !== 0) fail(`${scenario.name} exited ${run.status}: ${run.stderr.slice(0, 200)}`);
      const after = readContent(target);
      if (typeof after !== 'string') {
        broken++;
        fail(`${scenario.name} #${i}: target unreadable after kill: ${after.error}`);
      } else if (folderState(dir)[`${scenario.name.split(' ')[0]}.groundwork`] === beforeBytes && after === before) old++;
      else if (typeof newContent === 'string' && after === newContent) complete++;
      else if (scenario.name.startsWith('demo') && after.includes('"Northwind')) complete++;
      else {
        broken++;
        fail(`${scenario.name} #${i}: target holds neither the old nor the new content`);
      }
      const left = temporaries(dir) + temporaries(`${target}.backups`);
      leftovers += left;
      // What the next open does (openWorkspace and createBackup call these).
      cleaned += removeStaleTemporaries(target).length + removeStaleTemporariesIn(`${target}.backups`).length;
      const remaining = temporaries(dir) + temporaries(`${target}.backups`);
      if (remaining > 0) fail(`${scenario.name} #${i}: ${remaining} temporary files not cleaned`);
    }
    console.log(
      `  ${scenario.name.padEnd(22)} ${iterations} runs, ${killed} killed: target its old bytes ${old}, the complete new workspace ${complete}, anything else ${broken}; ` +
        `temporary files left ${leftovers}, cleaned on the next open ${cleaned}; one full run ${Math.round(full.ms)} ms (start-up ${Math.round(startup)} ms)`,
    );
  }

  // The writer loop on the storage layer.
  if (!killTargets.has('writer')) return;
  const target = join(dir, 'writer.groundwork');
  copyFileSync(base, target);
  const writer = resolve('scripts/safety/writer.ts');
  let committedTotal = 0;
  let lost = 0;
  let broken = 0;
  let next = 0;
  for (let i = 0; i < iterations; i++) {
    const printed = await new Promise<string>((done) => {
      const child = spawn(process.execPath, ['--import', 'tsx', writer, target, MIGRATIONS, String(next)], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let armed = false;
      // Killed at a random moment once it writes (start-up takes most of a second).
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        out += chunk;
        if (!armed) {
          armed = true;
          setTimeout(() => child.kill('SIGKILL'), Math.floor(random() * 400));
        }
      });
      setTimeout(() => child.kill('SIGKILL'), 20_000);
      child.on('close', () => done(out));
    });
    const committed = printed
      .split('\n')
      .filter((line) => /^\d+$/.test(line))
      .map(Number);
    committedTotal += committed.length;
    if (committed.length > 0) next = (committed.at(-1) as number) + 1;
    try {
      const ws = openWorkspaceReadOnly(target, { migrationsDir: MIGRATIONS });
      const ids = new Set(ws.listPeople().map((p) => p.id));
      ws.close();
      for (const n of committed) if (!ids.has(`writer-${n}`)) lost++;
      // Rows committed but not yet printed are fine; keep numbering after the highest stored.
      while (ids.has(`writer-${next}`)) next++;
    } catch (error) {
      broken++;
      fail(`writer #${i}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  console.log(`  ${'writer loop (storage)'.padEnd(22)} ${iterations} kills, ${committedTotal} commits reported, ${lost} committed rows lost, ${broken} unreadable afterwards`);
  if (lost > 0) fail(`${lost} committed rows lost`);
}

async function diskFull(root: string): Promise<void> {
  console.log('\ndisk full (a 4 MiB tmpfs)');
  const mount = join(root, 'tmpfs');
  mkdirSync(mount);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mount], { stdio: 'ignore' });
  } catch {
    console.log('  skipped: mounting a tmpfs needs root (or a user namespace); run as root to get these figures');
    return;
  }
  try {
    const file = join(mount, 'full.groundwork');
    const ws = openWorkspace(file, { migrationsDir: MIGRATIONS, now: () => new Date('2026-11-27T12:00:00Z') });
    ws.seed(buildDemoOrganisation('2026-11-27'));
    // Fill the disk, leaving a little room.
    try {
      writeFileSync(join(mount, 'filler'), Buffer.alloc(16 * 1024 * 1024));
    } catch {
      // ENOSPC: it wrote what fit.
    }
    rmSync(join(mount, 'filler'), { force: true });
    writeFileSync(join(mount, 'filler'), Buffer.alloc(Math.max(0, Number(execFileSync('df', ['--output=avail', '-B1', mount]).toString().split('\n')[1]) - 96 * 1024)));
    let committed = 0;
    let error: unknown;
    for (let i = 0; i < 10_000; i++) {
      try {
        ws.createCapability({ name: `Filling ${i}`, layer: 'collect', currentMaturity: 0, targetMaturity: 1, notes: 'n'.repeat(4000) });
        committed++;
      } catch (caught) {
        error = caught;
        break;
      }
    }
    const typed = error instanceof WorkspaceError ? error.code : error instanceof Error ? `untyped ${error.name}: ${error.message}` : 'none';
    const count = ws.listCapabilities().filter((c) => c.name.startsWith('Filling ')).length;
    ws.close();
    const reopened = readContent(file);
    const stored = typeof reopened === 'string' ? (JSON.parse(reopened) as { capabilities: { name: string }[] }).capabilities.filter((c) => c.name.startsWith('Filling ')).length : -1;
    console.log(`  storage writes: ${committed} committed, then ${typed}; rows after the failure ${count} (reopened: ${stored}); integrity ${typeof reopened === 'string' ? 'ok' : reopened.error}`);
    if (!(error instanceof WorkspaceError) || error.code !== 'disk-full') fail(`the write on a full disk gave ${typed}`);
    if (count !== committed || stored !== committed) fail('a partial transaction after disk full');

    const backup = await (async () => {
      const w = openWorkspaceReadOnly(file, { migrationsDir: MIGRATIONS });
      try {
        await createBackup(w, 'manual');
        return 'made';
      } catch (caught) {
        return caught instanceof BackupError ? `BackupError ${caught.code}` : `untyped ${String(caught)}`;
      } finally {
        w.close();
      }
    })();
    const leftBackup = temporaries(`${file}.backups`);
    console.log(`  backup on the full disk: ${backup}; temporary files left ${leftBackup}`);
    if (!backup.startsWith('BackupError')) fail(`backup on a full disk: ${backup}`);

    const docFile = join(root, 'big.json');
    const w = openWorkspaceReadOnly(file, { migrationsDir: MIGRATIONS });
    writeFileSync(docFile, formatWorkspaceJson(exportWorkspaceJson(w)));
    w.close();
    const before = folderState(mount);
    for (const [name, cliArgs] of [
      ['import-json', ['import-json', docFile, '--out', join(mount, 'imported.groundwork')]],
      ['demo', ['demo', '--out', join(mount, 'demo.groundwork')]],
      ['export-csv', ['export-csv', file, '--table', 'inventory', '--out', join(mount, 'inventory.csv')]],
      ['export-json', ['export-json', file, '--out', join(mount, 'export.json')]],
    ] as const) {
      const run = await runCli(cliArgs);
      const after = folderState(mount);
      const changed = JSON.stringify(after) !== JSON.stringify(before);
      console.log(`  ${name.padEnd(12)} exit ${run.status} ${changed ? 'LEFT FILES' : 'nothing left'}: ${run.stderr.trim().split('\n').at(-1)?.slice(0, 140) ?? ''}`);
      if (run.status !== 2 || isCrash(run)) fail(`${name} on a full disk exited ${run.status}`);
      if (changed) fail(`${name} left files on the full disk`);
    }
  } finally {
    execFileSync('umount', [mount]);
  }
}

const COMMANDS = (file: string, out: string, csv: string): string[][] => [
  ['status', file],
  ['plan', file, '--today', '2026-11-27'],
  ['export-json', file, '--out', join(out, 'x.json')],
  ['export-pdf', file, '--out', join(out, 'x.pdf'), '--today', '2026-11-27'],
  ['export-csv', file, '--table', 'inventory', '--out', join(out, 'x.csv')],
  ['backups', file],
  ['import-csv', 'people', csv, '--into', file, '--dry-run'],
  ['restore', file, '--out', join(out, `restored-${Math.floor(random() * 1e9)}.groundwork`)],
];

async function damagedCli(root: string): Promise<void> {
  const corpus = damagedCorpus();
  const isRoot = process.getuid?.() === 0;
  console.log(`\ndamaged files: ${corpus.length} files × ${COMMANDS('', '', '').length} commands${isRoot ? ' (and the permission cases again as uid 65534)' : ''}`);
  const dir = join(root, 'damaged');
  mkdirSync(dir);
  chmodSync(root, 0o755);
  chmodSync(dir, 0o755);
  const base = join(dir, 'base.groundwork');
  makeBaseWorkspace(base, MIGRATIONS);
  const csv = join(root, 'people.csv');
  writeFileSync(csv, 'Name,Role\r\nAda,Data engineer\r\n');
  chmodSync(csv, 0o644);
  const tally = { runs: 0, exit0: 0, exit2: 0, crashes: 0, changed: 0 };
  for (const entry of corpus) {
    const users: (number | undefined)[] = entry.needsNonRoot ? (isRoot ? [65534] : [undefined]) : [undefined];
    if (isRoot && ['read-only-file', 'read-only-folder-with-wal', 'unreadable-mode-000'].includes(entry.name) && !users.includes(65534)) users.push(65534);
    for (const uid of users) {
      const caseDir = join(dir, `${entry.name}${uid === undefined ? '' : `-uid${uid}`}`);
      mkdirSync(caseDir);
      chmodSync(caseDir, 0o755);
      const out = mkdtempSync(join(root, 'out-'));
      chmodSync(out, 0o777);
      const file = entry.make(caseDir, base);
      const before = folderState(caseDir);
      for (const command of COMMANDS(file, out, csv)) {
        const run: CliRun = await runCli(command, uid === undefined ? {} : { uid });
        tally.runs++;
        if (run.status === 0) tally.exit0++;
        else if (run.status === 2) tally.exit2++;
        if (isCrash(run)) {
          tally.crashes++;
          fail(`${entry.name}${uid ? ` as ${uid}` : ''}: ${command[0]} exited ${run.status}: ${run.stderr.slice(0, 300)}`);
        }
        if (JSON.stringify(folderState(caseDir)) !== JSON.stringify(before)) {
          tally.changed++;
          fail(`${entry.name}${uid ? ` as ${uid}` : ''}: ${command[0]} changed the folder`);
          break;
        }
      }
    }
  }
  console.log(`  ${tally.runs} runs: exit 0 ${tally.exit0}, exit 2 ${tally.exit2}, crashes ${tally.crashes}, files changed ${tally.changed}`);
}

async function hostileCli(root: string): Promise<void> {
  const dir = join(root, 'hostile');
  mkdirSync(dir);
  const base = baseDocument(MIGRATIONS, join(dir, 'source.groundwork'));
  const target = join(dir, 'target.groundwork');
  importWorkspaceJson(base, target, { migrationsDir: MIGRATIONS });
  const docs = [...hostileJsonDocuments(base), ...hostileCsvDocuments()];
  console.log(`\nhostile documents through the CLI: ${docs.length}`);
  const tally = { accepted: 0, refused: 0, crashes: 0, changedOnRefusal: 0, unexpected: 0, maxMs: 0, maxKiB: 0, maxName: '' };
  let pdfs = 0;
  let pdfMaxMs = 0;
  for (const [i, doc] of docs.entries()) {
    const input = join(dir, `doc-${i}.${doc.kind === 'json' ? 'json' : 'csv'}`);
    writeFileSync(input, doc.bytes());
    const work = join(dir, `work-${i}.groundwork`);
    copyFileSync(target, work);
    const before = folderState(dir);
    const run =
      doc.kind === 'json'
        ? await runCli(['import-json', input, '--out', work, '--force'])
        : await runCli(['import-csv', doc.kind === 'csv-people' ? 'people' : 'capabilities', input, '--into', work]);
    if (run.ms > tally.maxMs) {
      tally.maxMs = run.ms;
      tally.maxName = doc.name;
    }
    tally.maxKiB = Math.max(tally.maxKiB, run.peakKiB);
    if (isCrash(run)) {
      tally.crashes++;
      fail(`${doc.name}: exit ${run.status}: ${run.stderr.slice(0, 300)}`);
    }
    if (run.status === 0) tally.accepted++;
    if (run.status === 2) {
      tally.refused++;
      const after = folderState(dir);
      if (after[`work-${i}.groundwork`] !== before[`work-${i}.groundwork`]) {
        tally.changedOnRefusal++;
        fail(`${doc.name}: refused but the target changed`);
      }
    }
    if (doc.expect !== 'either' && (doc.expect === 'accept') !== (run.status === 0)) {
      tally.unexpected++;
      fail(`${doc.name}: expected ${doc.expect}, exit ${run.status}: ${run.stderr.trim().split('\n').at(-1)?.slice(0, 200)}`);
    }
    // Accepted documents plan; the markup and payload ones also become PDFs.
    if (run.status === 0 && doc.kind === 'json') {
      const planned = await runCli(['plan', work, '--today', '2026-11-27']);
      if (planned.status !== 0) fail(`${doc.name}: plan exited ${planned.status}: ${planned.stderr.slice(0, 200)}`);
      if (/payload|markup|1,000 more/.test(doc.name)) {
        const pdf = await runCli(['export-pdf', work, '--out', join(dir, `doc-${i}.pdf`), '--today', '2026-11-27']);
        pdfs++;
        pdfMaxMs = Math.max(pdfMaxMs, pdf.ms);
        if (pdf.status !== 0) fail(`${doc.name}: export-pdf exited ${pdf.status}: ${pdf.stderr.slice(0, 200)}`);
      }
    }
    rmSync(work, { force: true });
    rmSync(`${work}.backups`, { recursive: true, force: true });
  }
  console.log(
    `  accepted ${tally.accepted}, refused with exit 2 ${tally.refused}, crashes ${tally.crashes}, targets changed on refusal ${tally.changedOnRefusal}, ` +
      `unexpected outcomes ${tally.unexpected}; slowest ${Math.round(tally.maxMs)} ms (${tally.maxName}); peak memory ${Math.round(tally.maxKiB / 1024)} MiB; ` +
      `${pdfs} PDFs of accepted payload documents, slowest ${Math.round(pdfMaxMs)} ms`,
  );
}

const root = mkdtempSync(join(tmpdir(), 'groundwork-faults-'));
const started = performance.now();
try {
  if (sets.has('kill')) await killLoop(root);
  if (sets.has('diskfull')) await diskFull(root);
  if (sets.has('damaged')) await damagedCli(root);
  if (sets.has('hostile')) await hostileCli(root);
} finally {
  try {
    execFileSync('chmod', ['-R', 'u+rwX', root]);
  } catch {
    // Best effort.
  }
  rmSync(root, { recursive: true, force: true });
}
console.log(`\n${failures === 0 ? 'all checks passed' : `${failures} check(s) FAILED`} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
process.exitCode = failures === 0 ? 0 : 1;
