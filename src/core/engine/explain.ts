import type { Compiled } from './compile';
import type { Reason } from './types';

function quote(ids: readonly string[]): string {
  return ids.map((id) => JSON.stringify(id)).join(', ');
}

function units(k: number): string {
  return k === 1 ? '1 unit' : `${k} units`;
}

/**
 * The binding reason of each start in a settled schedule (no task can start a week earlier):
 * what makes week start − 1 impossible. Checked in this order: pin, week 0, a predecessor that
 * finishes exactly then, the release, and else a resource in the week before the start — too
 * little capacity at all (`capacity`, e.g. a hire starts at the start week) or held by others
 * (`resource`).
 */
export function explain(c: Compiled, start: Int32Array): Reason[] {
  const { n, duration, pin, release, predStart, preds, reqStart, reqRes, reqAmt, capacity, horizon } = c;
  const ids = c.problem.tasks.map((t) => t.id);
  const used = new Int32Array(c.capacity.length);
  const byStart = Array.from({ length: n }, (_, j) => j).sort((a, b) => start[a]! - start[b]! || a - b);
  let maxDuration = 0;
  for (let j = 0; j < n; j++) {
    maxDuration = Math.max(maxDuration, duration[j]!);
    const s = start[j]!;
    for (let k = reqStart[j]!; k < reqStart[j + 1]!; k++) {
      const row = reqRes[k]! * horizon;
      for (let t = s; t < s + duration[j]!; t++) used[row + t]! += reqAmt[k]!;
    }
  }
  /** Tasks holding resource r in week w. */
  const holders = (r: number, w: number): string[] => {
    let lo = 0;
    let hi = n;
    const from = w - maxDuration + 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (start[byStart[mid]!]! < from) lo = mid + 1;
      else hi = mid;
    }
    const found: string[] = [];
    for (let i = lo; i < n && start[byStart[i]!]! <= w; i++) {
      const o = byStart[i]!;
      if (start[o]! + duration[o]! <= w) continue;
      for (let k = reqStart[o]!; k < reqStart[o + 1]!; k++) if (reqRes[k] === r) found.push(ids[o]!);
    }
    return found;
  };

  const reasons: Reason[] = [];
  for (let j = 0; j < n; j++) {
    const s = start[j]!;
    if (pin[j]! >= 0) {
      reasons.push({ kind: 'pin', week: s, text: `pinned to week ${s}` });
      continue;
    }
    if (s === 0) {
      reasons.push({ kind: 'start', text: 'starts in week 0: nothing holds it back' });
      continue;
    }
    const finishing: string[] = [];
    for (let k = predStart[j]!; k < predStart[j + 1]!; k++) {
      const p = preds[k]!;
      if (start[p]! + duration[p]! === s) finishing.push(ids[p]!);
    }
    if (finishing.length > 0) {
      const who = finishing.length === 1 ? `its predecessor ${quote(finishing)} finishes` : `its predecessors ${quote(finishing)} finish`;
      reasons.push({ kind: 'predecessor', taskIds: finishing, week: s, text: `waits until week ${s}, when ${who}` });
      continue;
    }
    if (release[j] === s) {
      reasons.push({ kind: 'release', week: s, text: `starts at its release week ${s}` });
      continue;
    }
    const w = s - 1;
    let reason: Reason | null = null;
    for (let k = reqStart[j]!; k < reqStart[j + 1]! && reason === null; k++) {
      const r = reqRes[k]!;
      const need = reqAmt[k]!;
      const cap = capacity[r * horizon + w]!;
      const rid = c.resourceIds[r]!;
      if (cap < need) {
        reason = {
          kind: 'capacity',
          resourceId: rid,
          week: s,
          unitsBefore: cap,
          needed: need,
          text: `waits for "${rid}" capacity: ${units(cap)} in week ${w}, it needs ${need}; ${capacity[r * horizon + s]} from week ${s}`,
        };
      } else if (used[r * horizon + w]! + need > cap) {
        const by = holders(r, w);
        reason = {
          kind: 'resource',
          resourceId: rid,
          week: s,
          taskIds: by,
          text: `waits for "${rid}" until week ${s}: in week ${w} ${quote(by)} ${by.length === 1 ? "holds" : "hold"} ${used[r * horizon + w]} of its ${units(cap)} and it needs ${need}`,
        };
      }
    }
    if (reason === null) throw new Error(`internal: start of task "${ids[j]}" at week ${s} is not held by any constraint`);
    reasons.push(reason);
  }
  return reasons;
}
