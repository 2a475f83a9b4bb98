import type { Compiled } from './compile';

/** Why a decode failed: the task that found no room, and whether a pinned successor was in the way. */
export interface DecodeFailure {
  readonly task: number;
  readonly deadline: boolean;
}

/**
 * Serial schedule-generation scheme and forward–backward improvement over time-indexed capacity
 * arrays (one Int32Array row per resource). All scratch memory is allocated once here, so the
 * search's inner loop allocates nothing.
 */
export class Kernel {
  readonly start: Int32Array;
  /** Capacity left per resource and week for the current schedule. */
  private readonly avail: Int32Array;
  private readonly order: Int32Array;
  private bucket: Int32Array;
  failure: DecodeFailure | null = null;

  constructor(readonly c: Compiled) {
    this.start = new Int32Array(c.n);
    this.avail = new Int32Array(c.base.length);
    this.order = new Int32Array(c.n);
    this.bucket = new Int32Array(c.horizon + 2);
  }

  /** Units of resource r left in week t. */
  available(r: number, t: number): number {
    return this.avail[r * this.c.horizon + t]!;
  }

  /**
   * Serial SGS (Kelley 1963; Kolisch 1996): in list order, each task starts at the earliest week
   * that respects its predecessors, release and every resource. Returns the makespan, or -1 when a
   * task finds no room (before a pinned successor, or before the capacity ends).
   */
  decode(list: Int32Array): number {
    const c = this.c;
    const { duration, pin, predStart, preds, release, deadline } = c;
    const start = this.start;
    this.avail.set(c.base);
    let makespan = 0;
    for (let j = 0; j < c.n; j++) {
      if (pin[j]! >= 0) {
        start[j] = pin[j]!;
        makespan = Math.max(makespan, pin[j]! + duration[j]!);
      }
    }
    for (let i = 0; i < list.length; i++) {
      const j = list[i]!;
      if (pin[j]! >= 0) continue;
      let es = release[j]!;
      for (let k = predStart[j]!; k < predStart[j + 1]!; k++) {
        const p = preds[k]!;
        const f = start[p]! + duration[p]!;
        if (f > es) es = f;
      }
      const s = this.earliestFeasible(j, es, deadline[j]! - duration[j]!);
      if (s < 0) {
        this.failure = { task: j, deadline: s === -2 };
        return -1;
      }
      start[j] = s;
      this.hold(j, s, -1);
      const f = s + duration[j]!;
      if (f > makespan) makespan = f;
    }
    this.failure = null;
    return makespan;
  }

  /** Makes `start` the current schedule (for tasks not pinned) and recomputes the capacity left. */
  load(start: Int32Array): void {
    this.avail.set(this.c.base);
    this.start.set(start);
    for (let j = 0; j < this.c.n; j++) if (this.c.pin[j]! < 0) this.hold(j, start[j]!, -1);
  }

  /** Adds (sign −1) or releases (sign +1) task j's demands over [s, s + duration). */
  private hold(j: number, s: number, sign: number): void {
    const c = this.c;
    const H = c.horizon;
    const end = s + c.duration[j]!;
    const avail = this.avail;
    for (let k = c.reqStart[j]!; k < c.reqStart[j + 1]!; k++) {
      const a = sign * c.reqAmt[k]!;
      const row = c.reqRes[k]! * H;
      for (let t = row + s; t < row + end; t++) avail[t]! += a;
    }
  }

  /**
   * Earliest s ≥ es where task j fits, with s ≤ latest. A conflict in week u moves the candidate
   * to u + 1, so every week is examined at most once per resource row. −2: past `latest`
   * (a pinned successor); −1: past the horizon.
   */
  private earliestFeasible(j: number, es: number, latest: number): number {
    const c = this.c;
    const d = c.duration[j]!;
    const k0 = c.reqStart[j]!;
    const k1 = c.reqStart[j + 1]!;
    if (d === 0 || k0 === k1) return es <= latest ? es : -2;
    const H = c.horizon;
    const avail = this.avail;
    let s = es;
    for (;;) {
      if (s > latest) return -2;
      if (s + d > H) return -1;
      let ok = true;
      for (let k = k0; k < k1 && ok; k++) {
        const a = c.reqAmt[k]!;
        const row = c.reqRes[k]! * H;
        for (let u = s + d - 1; u >= s; u--) {
          if (avail[row + u]! < a) {
            s = u + 1;
            ok = false;
            break;
          }
        }
      }
      if (ok) return s;
    }
  }

  /** Latest s ≤ latest where task j fits, but not below `floor` (where it is known to fit). */
  private latestFeasible(j: number, latest: number, floor: number): number {
    const c = this.c;
    const d = c.duration[j]!;
    const k0 = c.reqStart[j]!;
    const k1 = c.reqStart[j + 1]!;
    if (d === 0 || k0 === k1) return latest;
    const H = c.horizon;
    const avail = this.avail;
    let s = latest;
    for (;;) {
      if (s <= floor) return floor;
      let ok = true;
      for (let k = k0; k < k1 && ok; k++) {
        const a = c.reqAmt[k]!;
        const row = c.reqRes[k]! * H;
        for (let u = s; u < s + d; u++) {
          if (avail[row + u]! < a) {
            s = u - d;
            ok = false;
            break;
          }
        }
      }
      if (ok) return s;
    }
  }

  /**
   * Tasks by increasing start (ties in topological order), into `out`; with `byFinishDesc`, by
   * decreasing finish (ties in reverse topological order). Counting sort: O(n + makespan).
   */
  sortByTime(out: Int32Array, makespan: number, byFinishDesc: boolean): void {
    const c = this.c;
    const { topo, duration } = c;
    const start = this.start;
    if (this.bucket.length < makespan + 2) this.bucket = new Int32Array(makespan + 2);
    const bucket = this.bucket;
    bucket.fill(0, 0, makespan + 2);
    const n = c.n;
    for (let i = 0; i < n; i++) {
      const j = topo[i]!;
      const key = byFinishDesc ? makespan - start[j]! - duration[j]! : start[j]!;
      bucket[key + 1]! += 1;
    }
    for (let t = 0; t <= makespan; t++) bucket[t + 1]! += bucket[t]!;
    for (let i = 0; i < n; i++) {
      const j = byFinishDesc ? topo[n - 1 - i]! : topo[i]!;
      const key = byFinishDesc ? makespan - start[j]! - duration[j]! : start[j]!;
      out[bucket[key]!++] = j;
    }
  }

  /**
   * Double justification (Valls, Ballestín & Quintanilla 2005): shift every task as far right as
   * it goes without passing the makespan (latest finish first), then as far left as it goes
   * (earliest start first). Never worse; usually shorter. Works on the schedule just decoded;
   * writes the new start order into `list` (the Lamarckian update of the activity list).
   */
  justify(list: Int32Array, makespan: number): number {
    const c = this.c;
    const { duration, pin, predStart, preds, succStart, succs, release } = c;
    const start = this.start;
    const order = this.order;
    this.sortByTime(order, makespan, true);
    for (let i = 0; i < c.n; i++) {
      const j = order[i]!;
      if (pin[j]! >= 0) continue;
      let lf = makespan;
      for (let k = succStart[j]!; k < succStart[j + 1]!; k++) {
        const s = start[succs[k]!]!;
        if (s < lf) lf = s;
      }
      const s0 = start[j]!;
      const target = lf - duration[j]!;
      if (target <= s0) continue;
      this.hold(j, s0, 1);
      const s = this.latestFeasible(j, target, s0);
      start[j] = s;
      this.hold(j, s, -1);
    }
    // After the right pass nothing starts before the earliest start of the shifted schedule.
    this.sortByTime(order, makespan, false);
    let newMakespan = 0;
    for (let i = 0; i < c.n; i++) {
      const j = order[i]!;
      if (pin[j]! < 0) {
        let es = release[j]!;
        for (let k = predStart[j]!; k < predStart[j + 1]!; k++) {
          const p = preds[k]!;
          const f = start[p]! + duration[p]!;
          if (f > es) es = f;
        }
        const s0 = start[j]!;
        if (es < s0) {
          this.hold(j, s0, 1);
          const s = this.earliestFeasible(j, es, s0);
          start[j] = s;
          this.hold(j, s, -1);
        }
      }
      const f = start[j]! + duration[j]!;
      if (f > newMakespan) newMakespan = f;
    }
    this.sortByTime(list, newMakespan, false);
    return newMakespan;
  }

  /**
   * Left-shifts tasks until none can start earlier given all the others, so that every start is
   * held by a constraint in the week before it (what the explanations report).
   */
  settle(makespan: number): number {
    const c = this.c;
    const { duration, pin, predStart, preds, release } = c;
    const start = this.start;
    const order = this.order;
    let moved = true;
    let result = makespan;
    while (moved) {
      moved = false;
      this.sortByTime(order, result, false);
      result = 0;
      for (let i = 0; i < c.n; i++) {
        const j = order[i]!;
        if (pin[j]! < 0) {
          let es = release[j]!;
          for (let k = predStart[j]!; k < predStart[j + 1]!; k++) {
            const p = preds[k]!;
            const f = start[p]! + duration[p]!;
            if (f > es) es = f;
          }
          const s0 = start[j]!;
          if (es < s0) {
            this.hold(j, s0, 1);
            const s = this.earliestFeasible(j, es, s0);
            if (s < s0) moved = true;
            start[j] = s;
            this.hold(j, s, -1);
          }
        }
        result = Math.max(result, start[j]! + duration[j]!);
      }
    }
    return result;
  }
}
