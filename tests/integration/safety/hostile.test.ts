import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plan } from '../../../src/core/planner';
import { buildReportModel } from '../../../src/core/report';
import { parseWorkspaceJsonBytes, WorkspaceJsonError, type WorkspaceJson } from '../../../src/core/workspace-json';
import { applyCsvImport, CsvError, exportWorkspaceJson, importWorkspaceJson, loadPlanInput, openWorkspace, openWorkspaceReadOnly, StorageError } from '../../../src/storage';
import { baseDocument, hostileCsvDocuments, hostileJsonDocuments, type HostileDocument } from '../../corpus/hostile';
import { everything, MIGRATIONS, sha256 } from '../storage/helpers';

let root = '';
let base: WorkspaceJson;
let baseFile = '';
let count = 0;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'groundwork-hostile-'));
  base = baseDocument(MIGRATIONS, join(root, 'source.groundwork'));
  baseFile = join(root, 'base.groundwork');
  importWorkspaceJson(base, baseFile, { migrationsDir: MIGRATIONS });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The copy of the base workspace a document is imported over. */
function freshTarget(): string {
  const file = join(root, `target-${count++}.groundwork`);
  copyFileSync(baseFile, file);
  return file;
}

const withoutTime = (doc: WorkspaceJson) => ({ ...doc, exportedAt: '' });

function runJson(doc: HostileDocument): 'accepted' | 'refused' {
  const target = freshTarget();
  const before = sha256(target);
  let parsed: WorkspaceJson;
  try {
    parsed = parseWorkspaceJsonBytes(doc.bytes());
    importWorkspaceJson(parsed, target, { migrationsDir: MIGRATIONS, overwrite: true });
  } catch (error) {
    if (!(error instanceof WorkspaceJsonError || error instanceof StorageError)) throw error;
    // Messages never quote a huge value whole.
    expect(error.message.length).toBeLessThan(5_000);
    expect(sha256(target)).toBe(before);
    return 'refused';
  }
  // Accepted: the data is exactly what the document said; the documents of interesting data
  // (payloads, limits, edge values) also plan and lay out a report — a plan takes about a second.
  const ws = openWorkspaceReadOnly(target, { migrationsDir: MIGRATIONS });
  try {
    expect(withoutTime(exportWorkspaceJson(ws))).toEqual(withoutTime(JSON.parse(JSON.stringify(parsed)) as WorkspaceJson));
    if (!/^payload|^role ids|more capabilities|2199-12-31|budget -0/.test(doc.name)) return 'accepted';
    const { input } = loadPlanInput(ws, { today: '2026-11-27' });
    const result = plan(input);
    const model = buildReportModel({ organisation: input.organisation, capabilities: input.capabilities, people: input.people, roles: input.roles, plan: result, generatedOn: '2026-11-27', paper: 'a4' });
    expect(JSON.stringify(model)).not.toContain('[native code]');
  } finally {
    ws.close();
  }
  return 'accepted';
}

function runCsv(doc: HostileDocument): 'accepted' | 'refused' {
  const target = freshTarget();
  const ws = openWorkspace(target, { migrationsDir: MIGRATIONS, create: false });
  try {
    const before = everything(ws);
    try {
      applyCsvImport(ws, doc.kind === 'csv-people' ? 'people' : 'capabilities', doc.bytes());
    } catch (error) {
      if (!(error instanceof CsvError || error instanceof StorageError)) throw error;
      expect(error.message.length).toBeLessThan(5_000);
      expect(everything(ws)).toEqual(before);
      return 'refused';
    }
    return 'accepted';
  } finally {
    ws.close();
  }
}

describe('hostile Workspace JSON and CSV documents: accepted unchanged or refused with a typed error, never a crash', () => {
  const json = () => hostileJsonDocuments(base);
  it('has at least 200 documents', () => {
    expect(json().length + hostileCsvDocuments().length).toBeGreaterThanOrEqual(200);
  });

  it('Workspace JSON', { timeout: 240_000 }, () => {
    const outcomes: string[] = [];
    for (const doc of json()) {
      const outcome = runJson(doc);
      if (doc.expect !== 'either' && (doc.expect === 'accept') !== (outcome === 'accepted')) outcomes.push(`${doc.name}: expected ${doc.expect}, got ${outcome}`);
    }
    expect(outcomes).toEqual([]);
  });

  it('CSV', { timeout: 120_000 }, () => {
    const outcomes: string[] = [];
    for (const doc of hostileCsvDocuments()) {
      const outcome = runCsv(doc);
      if (doc.expect !== 'either' && (doc.expect === 'accept') !== (outcome === 'accepted')) outcomes.push(`${doc.name}: expected ${doc.expect}, got ${outcome}`);
    }
    expect(outcomes).toEqual([]);
  });
});
