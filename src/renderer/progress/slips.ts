import type { ItemSlip } from '../../core/progress/progress';

/** The badge's text: "+12 d" (later), "−5 d" (earlier), "New" (added since the baseline); null when it did not move. */
export function slipLabel(slip: ItemSlip | undefined): string | null {
  if (!slip) return null;
  if (slip.change === 'added') return 'New';
  if ((slip.change === 'later' || slip.change === 'earlier') && slip.days !== null && slip.days !== 0) return `${slip.days > 0 ? '+' : '−'}${Math.abs(slip.days)} d`;
  if (slip.change === 'later') return 'Slipped';
  return null;
}
