import { catalogCapability } from '../../core/domain/catalog/capabilities';
import { MATURITY_RUBRIC, type Maturity } from '../../core/domain/maturity';

export function maturityName(level: number): string {
  return MATURITY_RUBRIC[level]?.name ?? String(level);
}

/**
 * The rubric line for a level, and for a catalog capability what that level looks like for it
 * ("2 · Repeatable: a written tracking plan; …"), since the generic rubric is abstract.
 */
export function maturityHint(level: number, capabilityId?: string): string {
  const generic = `${level} · ${maturityName(level)}: ${MATURITY_RUBRIC[level]?.rubric ?? ''}`;
  if (level === 0 || capabilityId === undefined) return generic;
  const note = catalogCapability(capabilityId)?.levelNotes?.[level as Exclude<Maturity, 0>];
  return note ? `${generic}\nHere: ${note}` : generic;
}

/** The 0–4 options, named by the rubric, each with its rubric (and the capability's own note) as a tooltip. */
export function MaturityOptions({ capabilityId }: { readonly capabilityId?: string }) {
  return MATURITY_RUBRIC.map((m) => (
    <option key={m.level} value={String(m.level)} title={maturityHint(m.level, capabilityId)}>
      {m.level} · {m.name}
    </option>
  ));
}

export function toMaturity(value: string): Maturity {
  const n = Number(value);
  return (n >= 0 && n <= 4 && Number.isInteger(n) ? n : 0) as Maturity;
}
