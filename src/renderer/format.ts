/** FTE with at most two decimals, without trailing zeros. */
export function fte(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** A tone for colour, always paired with the number in text. */
export function readinessTone(value: number | null): 'none' | 'low' | 'mid' | 'good' {
  if (value === null) return 'none';
  if (value >= 0.75) return 'good';
  if (value >= 0.4) return 'mid';
  return 'low';
}

/** A server message as a sentence on its own (they start in lower case, to read after a field name). */
export function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}
