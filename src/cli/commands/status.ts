import { resolve } from 'node:path';
import { computeReadiness } from '../../core/domain/readiness';
import { headcountByRole, totalByStatus } from '../../core/domain/headcount';
import { PERSON_STATUS_LABELS, PERSON_STATUSES, type Capability } from '../../core/domain/types';
import { formatPercent, LAYERS_TOP_DOWN } from '../../core/format';
import { parseCommandArgs } from '../args';
import type { CliIO } from '../io';
import { withWorkspace } from '../workspace';
import { jsonForTerminal } from '../terminal';

const USAGE = 'groundwork status FILE [--json]';

const bar = (value: number | null, width = 20) => {
  if (value === null) return ' '.repeat(width);
  // Down, like the percentages (core/format.ts): a bar never shows more than is there.
  const filled = Math.floor(value * width + 1e-9);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
};

/** The workspace at a glance: readiness per layer and headcount by role and status. */
export async function run(args: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean', default: false } }, { min: 1, max: 1, usage: USAGE });
  const file = resolve(positionals[0] ?? '');

  return withWorkspace(file, (workspace) => {
    const organisation = workspace.getOrganisation();
    const capabilities = workspace.listCapabilities();
    const roles = workspace.listRoles();
    const people = workspace.listPeople();
    const readiness = computeReadiness(capabilities);
    const headcount = headcountByRole(people, roles);

    if (values.json) {
      io.stdout(`${jsonForTerminal({ file, organisation, schemaVersion: workspace.schemaVersion, readiness, headcount })}\n`);
      return 0;
    }

    const byId = new Map<string, Capability>(capabilities.map((c) => [c.id, c]));
    const lines: string[] = [];
    lines.push(`${organisation.name} — ${file} (schema ${workspace.schemaVersion})`, '');
    lines.push('Readiness by layer (a layer is as ready as its weakest capability; the mean and the maturity steps in place show the rest)');
    for (const layer of LAYERS_TOP_DOWN) {
      const r = readiness.layers.find((l) => l.layer === layer.id);
      const weakest = (r?.weakest ?? [])
        .slice(0, 3)
        .map((id) => byId.get(id))
        .filter((c): c is Capability => c !== undefined)
        .map((c) => `${c.name} ${c.currentMaturity}/${c.targetMaturity}`);
      const why = weakest.length ? `  weakest: ${weakest.join(', ')}` : '';
      // The progress inside the layer that its weakest capability hides.
      const inside = r && r.capabilityCount > 0 ? `  mean ${formatPercent(r.mean).padStart(4)} · ${`${r.stepsReached}/${r.stepsTargeted}`.padStart(5)} steps` : '';
      lines.push(`  ${layer.name.padEnd(18)} ${bar(r?.readiness ?? null)} ${formatPercent(r?.readiness ?? null, 'untracked').padStart(9)}${inside}${why}`);
    }
    lines.push(`  ${'Overall'.padEnd(18)} ${bar(readiness.overall)} ${formatPercent(readiness.overall, 'untracked').padStart(9)}  (mean of tracked layers)`, '');

    const header = PERSON_STATUSES.map((s) => PERSON_STATUS_LABELS[s].padStart(17)).join('');
    lines.push(`Headcount by role${' '.repeat(13)}${header}`);
    if (headcount.length === 0) lines.push('  nobody yet');
    for (const row of headcount) {
      const cells = PERSON_STATUSES.map((s) => `${row.count[s]} (${row.fte[s]} FTE)`.padStart(17)).join('');
      lines.push(`  ${row.roleName.padEnd(28)}${cells}`);
    }
    const total = totalByStatus(headcount);
    lines.push(`  ${'Total'.padEnd(28)}${PERSON_STATUSES.map((s) => `${total[s].count} (${total[s].fte} FTE)`.padStart(17)).join('')}`);
    io.stdout(`${lines.join('\n')}\n`);
    return 0;
  });
}
