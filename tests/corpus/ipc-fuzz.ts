import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { createHandlers } from '../../src/host/handlers';
import { dispatch, type Handlers } from '../../src/host/dispatch';
import { WorkspaceSession } from '../../src/host/session';
import { contract, ERROR_CODES, METHODS, type Method } from '../../src/shared/contract';

/** Valid payloads of every method, to mutate into near misses. */
const VALID: Record<Method, unknown> = {
  'workspace.snapshot': {},
  'workspace.setOrganisation': { name: 'Acme' },
  'workspace.startFromCatalog': {},
  'workspace.openDemo': {},
  'capability.create': { name: 'New capability', layer: 'collect', currentMaturity: 0, targetMaturity: 2 },
  'capability.update': { id: 'warehouse', patch: { currentMaturity: 2 } },
  'capability.delete': { id: 'no-such-capability' },
  'role.create': { name: 'New role', builds: ['collect'] },
  'role.update': { id: 'data-engineer', patch: { description: 'x' } },
  'role.delete': { id: 'no-such-role' },
  'person.create': { name: 'Ada', roleId: 'data-engineer', fte: 1, status: 'on_staff' },
  'person.update': { id: 'demo-priya-raman', patch: { fte: 0.5 } },
  'person.delete': { id: 'no-such-person' },
  'workItem.create': { title: 'Item', durationWeeks: 2, demand: { 'data-engineer': 1 } },
  'workItem.update': { id: 'no-such-item', patch: { durationWeeks: 3 } },
  'workItem.delete': { id: 'no-such-item' },
  'scenario.create': { name: 'S', startDate: '2027-01-01', horizonQuarters: 4, targetLayer: 'ai', maxHiresPerQuarter: 1, gateThreshold: 0.5, leadTimeWeeks: 4 },
  'scenario.update': { id: 'default', patch: { horizonQuarters: 6 } },
  'scenario.delete': { id: 'no-such-scenario' },
  'scenario.setDefault': { id: 'default' },
  'plan.run': {},
  'plan.compare': { scenarioIds: ['default', 'default'] },
  'plan.accept': { scenarioId: 'no-such-scenario' },
  'scenario.choose': { scenarioId: 'default' },
  'backup.list': {},
  'backup.create': {},
  'backup.restore': { path: '/etc/passwd', target: 'current' },
  'csv.preview': { kind: 'people', data: Buffer.from('Name,Role\r\nAda,Data engineer\r\n').toString('base64') },
  'csv.import': { kind: 'people', data: Buffer.from('Name,Role\r\nAda,Wizard\r\n').toString('base64') },
  'csv.export': { table: 'inventory' },
  'plan.exportComparison': { scenarioIds: ['default', 'default'] },
  'workItem.progress': { id: 'no-such-item', status: 'done', actualFinish: '2026-11-20' },
  'person.join': { id: 'demo-ml-engineer-req', startDate: '2026-11-20' },
  'settings.update': { fiscalYearStartMonth: 4, currency: 'EUR' },
  // A scenario or baseline that is not there: refused before any plan is made, so the fuzz stays fast.
  'plan.marginal': { scenarioId: 'no-such-scenario' },
  'baseline.list': {},
  'baseline.get': { id: 'no-such-baseline' },
  'baseline.create': { name: 'Fuzzed', scenarioId: 'no-such-scenario' },
  'baseline.rename': { id: 'no-such-baseline', name: 'Renamed' },
  'baseline.delete': { id: 'no-such-baseline' },
  'progress.get': { baselineId: 'no-such-baseline' },
};

const HOSTILE_VALUES = fc.oneof(
  fc.constantFrom<unknown>(Number.NaN, Infinity, -Infinity, -0, 2 ** 53, -1, 1e308, '', ' ', '\u0000', '\ud800', '__proto__', 'constructor', 'toString', '<script>x</script>', '2026-02-30', '9999-12-31', null, true, [], {}),
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.double(),
  fc.constant('x'.repeat(30_000)),
  fc.anything({ maxDepth: 3, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withBoxedValues: true }),
);

/** A valid payload with one value (at a random key, or a new key such as `__proto__`) replaced. */
function nearMiss(method: Method): fc.Arbitrary<unknown> {
  const valid = VALID[method] as Record<string, unknown>;
  const keys = Object.keys(valid);
  return fc.tuple(fc.constantFrom(...keys, '__proto__', 'constructor', 'extra'), HOSTILE_VALUES, fc.boolean()).map(([key, value, nest]) => {
    const copy: Record<string, unknown> = { ...valid };
    const target = nest && typeof copy['patch'] === 'object' ? { ...(copy['patch'] as Record<string, unknown>) } : copy;
    Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
    if (target !== copy) copy['patch'] = target;
    return copy;
  });
}

export function payloads(method: Method): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.anything({ maxDepth: 4, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withBoxedValues: true }) },
    { weight: 5, arbitrary: nearMiss(method) },
    { weight: 1, arbitrary: fc.constant(VALID[method]) },
  );
}

export interface FuzzFigures {
  readonly method: Method;
  readonly runs: number;
  readonly invalid: number;
  readonly typedRejections: number;
  readonly writesOnInvalid: number;
  readonly uncaught: number;
  readonly internal: number;
  readonly accepted: number;
}

/** The workspace file's -wal (size and time): every commit appends to it. */
function writeMark(file: string): string {
  const wal = `${file}-wal`;
  const parts = [file, wal].filter(existsSync).map((f) => {
    const s = statSync(f);
    return `${s.size}:${s.mtimeMs}`;
  });
  return parts.join('|');
}

/**
 * Every IPC method × `runs` payloads against the real handler map over a real workspace file (the
 * demo): counts invalid payloads (by the contract's own schema), typed rejections among them,
 * writes on invalid input, uncaught exceptions and 'internal' answers.
 */
export async function fuzzIpc(migrationsDir: string, runs: number, seed = 12): Promise<FuzzFigures[]> {
  const dir = mkdtempSync(join(tmpdir(), 'groundwork-ipc-fuzz-'));
  const file = join(dir, 'fuzz.groundwork');
  const session = new WorkspaceSession({ migrationsDir });
  session.switchTo(file, true);
  const handlers: Handlers = createHandlers({
    workspace: () => session.current,
    today: () => '2026-11-27',
    session,
    chooseSavePath: async () => null,
  });
  const figures: FuzzFigures[] = [];
  try {
    const demo = await dispatch(handlers, 'workspace.openDemo', {});
    if (!demo.ok) throw new Error(demo.error.message);
    for (const [index, method] of METHODS.entries()) {
      const counts = { method, runs: 0, invalid: 0, typedRejections: 0, writesOnInvalid: 0, uncaught: 0, internal: 0, accepted: 0 };
      await fc.assert(
        fc.asyncProperty(payloads(method), async (payload) => {
          counts.runs++;
          const invalid = !contract[method].input.safeParse(payload).success;
          const before = writeMark(file);
          let result;
          try {
            result = await dispatch(handlers, method, payload);
          } catch {
            counts.uncaught++;
            return;
          }
          if (result.ok) counts.accepted++;
          else if (result.error.code === 'internal') counts.internal++;
          if (invalid) {
            counts.invalid++;
            if (!result.ok && result.error.code === 'invalid-input' && (ERROR_CODES as readonly string[]).includes(result.error.code)) counts.typedRejections++;
            if (writeMark(file) !== before) counts.writesOnInvalid++;
          }
        }),
        { numRuns: runs, seed: seed + index },
      );
      figures.push(counts);
    }
  } finally {
    session.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

export function formatFuzzFigures(figures: readonly FuzzFigures[]): string {
  const total = figures.reduce(
    (t, f) => ({ runs: t.runs + f.runs, invalid: t.invalid + f.invalid, typed: t.typed + f.typedRejections, writes: t.writes + f.writesOnInvalid, uncaught: t.uncaught + f.uncaught, internal: t.internal + f.internal }),
    { runs: 0, invalid: 0, typed: 0, writes: 0, uncaught: 0, internal: 0 },
  );
  const lines = figures.map(
    (f) => `  ${f.method.padEnd(28)} ${String(f.runs).padStart(5)} payloads, ${String(f.invalid).padStart(4)} invalid, ${String(f.typedRejections).padStart(4)} typed rejections, ${f.writesOnInvalid} writes on invalid, ${f.uncaught} uncaught, ${f.internal} internal`,
  );
  lines.push(
    `IPC fuzz: ${figures.length} methods, ${total.runs} payloads, ${total.invalid} invalid, typed rejections ${total.invalid === 0 ? 'n/a' : `${((100 * total.typed) / total.invalid).toFixed(1)} %`}, ` +
      `${total.writes} writes on invalid input, ${total.uncaught} uncaught exceptions, ${total.internal} internal errors`,
  );
  return lines.join('\n');
}
