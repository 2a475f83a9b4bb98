import type { Scenario, WorkItem } from '../domain/planning';
import type { WorkspaceSettings } from '../domain/settings';
import type { Baseline } from '../progress/baseline';
import { scenarioParameters } from '../domain/scenarios';
import type { Capability, Organisation, Person, Role } from '../domain/types';
import { WORKSPACE_JSON_FORMAT, WORKSPACE_JSON_VERSION, type HistoryJson, type WorkspaceJson } from './schema';

/** What a Workspace JSON document is built from: the workspace's lists, in their own order. */
export interface WorkspaceJsonParts {
  readonly organisation: Organisation;
  readonly capabilities: readonly Capability[];
  readonly roles: readonly Role[];
  readonly people: readonly Person[];
  readonly workItems: readonly WorkItem[];
  readonly scenarios: readonly Scenario[];
  readonly history: readonly HistoryJson[];
  readonly settings: WorkspaceSettings;
  /** Oldest first, so that an import lists them as the workspace does. */
  readonly baselines: readonly Baseline[];
}

/** A copy of a record with its keys sorted, so that the same data always prints the same. */
function sortedRecord(record: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The canonical document: keys in the documented order, role-keyed maps sorted by key, arrays in
 * the workspace's list order (which an import reproduces). So the same workspace always gives
 * the same bytes, and export → import → export is identical apart from `exportedAt`.
 */
export function buildWorkspaceJson(parts: WorkspaceJsonParts, exportedAt: string): WorkspaceJson {
  return {
    format: WORKSPACE_JSON_FORMAT,
    version: WORKSPACE_JSON_VERSION,
    exportedAt,
    organisation: { name: parts.organisation.name },
    settings: { fiscalYearStartMonth: parts.settings.fiscalYearStartMonth, currency: parts.settings.currency },
    capabilities: parts.capabilities.map((c) => ({
      id: c.id,
      name: c.name,
      layer: c.layer,
      description: c.description,
      currentMaturity: c.currentMaturity,
      targetMaturity: c.targetMaturity,
      owner: c.owner,
      tools: c.tools,
      notes: c.notes,
      fromCatalog: c.fromCatalog,
    })),
    roles: parts.roles.map((r) => ({
      id: r.id,
      name: r.name,
      description: r.description,
      builds: [...r.builds],
      prerequisites: r.prerequisites.map((p) =>
        p.kind === 'capability'
          ? { kind: 'capability' as const, capabilityId: p.capabilityId, minMaturity: p.minMaturity }
          : { kind: 'layer' as const, layer: p.layer, minReadiness: p.minReadiness },
      ),
      needsFoundations: r.needsFoundations,
      fromCatalog: r.fromCatalog,
    })),
    people: parts.people.map((p) => ({
      id: p.id,
      name: p.name,
      roleId: p.roleId,
      fte: p.fte,
      status: p.status,
      startDate: p.startDate,
      endDate: p.endDate,
    })),
    workItems: parts.workItems.map((w) => ({
      id: w.id,
      title: w.title,
      capabilityId: w.capabilityId,
      fromMaturity: w.fromMaturity,
      toMaturity: w.toMaturity,
      durationWeeks: w.durationWeeks,
      demand: sortedRecord(w.demand),
      predecessors: [...w.predecessors],
      releaseDate: w.releaseDate,
      pinnedStart: w.pinnedStart,
      status: w.status,
      notes: w.notes,
      actualStart: w.actualStart,
      actualFinish: w.actualFinish,
    })),
    // Every parameter the domain has, in defaultScenario's order (a new one is exported at once;
    // scenarioJsonSchema must learn it before such a file imports).
    scenarios: parts.scenarios.map((s) => {
      const { name, ...parameters } = scenarioParameters(s);
      return { id: s.id, name, isDefault: s.isDefault, ...parameters, salaries: sortedRecord(s.salaries) };
    }),
    history: parts.history.map((h) => ({
      at: h.at,
      entity: h.entity,
      entityId: h.entityId,
      field: h.field,
      oldValue: h.oldValue,
      newValue: h.newValue,
    })),
    baselines: parts.baselines.map((b) => ({ id: b.id, name: b.name, scenarioId: b.scenarioId, asOf: b.asOf, createdAt: b.createdAt, plan: b.snapshot })),
  };
}

/** The file's text: two-space indented JSON and a final newline. */
export function formatWorkspaceJson(doc: WorkspaceJson): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
