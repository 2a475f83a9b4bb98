import type { PlannedHire } from '../../core/planner/types';

/** A backfill says whom it replaces and when they leave. */
export function BackfillNote({ hire }: { readonly hire: PlannedHire }) {
  if (hire.kind !== 'backfill') return null;
  return (
    <span className="badge backfill-badge" title={hire.backfillFor ? `Replaces ${hire.backfillFor.name}, who leaves on ${hire.backfillFor.endDate}` : 'Replaces a leaver'}>
      Backfill{hire.backfillFor ? ` for ${hire.backfillFor.name} (leaves ${hire.backfillFor.endDate})` : ''}
    </span>
  );
}
