import type { PlanWarning, Severity } from '../../core/planner/types';

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = { critical: 'Critical', warning: 'Warning', info: 'Info' };

/**
 * The severity's own shape, so that it reads without colour: a triangle with "!" (critical), a
 * circle with "!" (warning), a circle with "i" (info). Decorative: the word goes beside it.
 */
export function SeverityIcon({ severity }: { readonly severity: Severity }) {
  return (
    <svg className={`severity-icon severity-${severity}`} viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      {severity === 'critical' ? (
        <>
          <path d="M8 1.5 15 14H1z" className="severity-shape" />
          <path d="M7.2 5.5h1.6l-.3 4.6H7.5zM7.2 11.4h1.6V13H7.2z" className="severity-mark" />
        </>
      ) : severity === 'warning' ? (
        <>
          <circle cx="8" cy="8" r="7" className="severity-shape" />
          <path d="M7.2 3.8h1.6l-.3 5.3H7.5zM7.2 10.5h1.6v1.7H7.2z" className="severity-mark" />
        </>
      ) : (
        <>
          <circle cx="8" cy="8" r="6.3" className="severity-shape" />
          <path d="M7.2 3.6h1.6v1.7H7.2zM7.2 6.6h1.6v5.8H7.2z" className="severity-mark" />
        </>
      )}
    </svg>
  );
}

/** The icon and the word, in the severity's colour. */
export function SeverityBadge({ severity, children }: { readonly severity: Severity; readonly children?: string }) {
  return (
    <span className={`severity-badge is-${severity}`}>
      <SeverityIcon severity={severity} />
      {children ?? SEVERITY_LABELS[severity]}
    </span>
  );
}

/** The warnings about a hire of the plan (by hire id, or the headcount's person for an existing requisition). */
export function warningsOfHire(warnings: readonly PlanWarning[], hire: { readonly id: string; readonly personId: string | null }): PlanWarning[] {
  return warnings.filter((w) => (w.hireId !== undefined && w.hireId === hire.id) || (w.personId !== undefined && hire.personId !== null && w.personId === hire.personId));
}

/** "1 critical · 2 warnings · 3 info", each with its icon. */
export function WarningCounts({ warnings }: { readonly warnings: readonly PlanWarning[] }) {
  const counts = (['critical', 'warning', 'info'] as const)
    .map((severity) => ({ severity, n: warnings.filter((w) => w.severity === severity).length }))
    .filter((c) => c.n > 0);
  if (counts.length === 0) return null;
  return (
    <span className="warning-counts">
      {counts.map((c) => (
        <span key={c.severity} className={`severity-badge is-${c.severity}`}>
          <SeverityIcon severity={c.severity} />
          {c.n} {c.severity === 'info' ? 'info' : SEVERITY_LABELS[c.severity].toLowerCase() + (c.n === 1 ? '' : 's')}
        </span>
      ))}
    </span>
  );
}
