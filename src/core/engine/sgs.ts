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
  /** Offset of the capacity row of each demand (reqRes × horizon). */
  private readonly reqRow: Int32Array;
  private readonly pinnedCount: number;
  failure: DecodeFailure | null = null;

  constructor(readonly c: Compiled) {
    this.start = new Int32Array(c.n);
    this.avail = new Int32Array(c.base.length);
    this.order = new Int32Array(c.n);
    this.bucket = new Int32Array(c.horizon + 2);
    this.reqRow = c.reqRes.map((r) => r * c.horizon);
    this.pinnedCount = c.pin.reduce((sum, p) => sum + (p >= 0 ? 1 : 0), 0);
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
    const { duration, pin, predStart, preds, release, deadline, reqStart } = c;
    const start = this.start;
    this.avail.set(c.base);
    let makespan = 0;
    if (this.pinnedCount > 0) {
      for (let j = 0; j < c.n; j++) {
        if (pin[j]! >= 0) {
          start[j] = pin[j]!;
          makespan = Math.max(makespan, pin[j]! + duration[j]!);
        }
      }
    }
    const count = list.length;
    for (let i = 0; i < count; i++) {
      const j = list[i]!;
      if (pin[j]! >= 0) continue;
      let s = release[j]!;
      const p1 = predStart[j + 1]!;
      for (let k = predStart[j]!; k < p1; k++) {
        const p = preds[k]!;
        const f = start[p]! + duration[p]!;
        if (f > s) s = f;
      }
      const d = duration[j]!;
      const k0 = reqStart[j]!;
      const k1 = reqStart[j + 1]!;
      const latest = deadline[j]! - d;
      if (d > 0 && k0 < k1) {
        s = this.fitEarliest(k0, k1, d, s, latest);
        if (s < 0) return this.fail(j, s === -2);
        this.take(k0, k1, s, s + d, -1);
      } else if (s > latest) return this.fail(j, true);
      start[j] = s;
      const f = s + d;
      if (f > makespan) makespan = f;
    }
    this.failure = null;
    return makespan;
  }

  private fail(task: number, deadline: boolean): number {
    this.failure = { task, deadline };
    return -1;
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
    this.take(c.reqStart[j]!, c.reqStart[j + 1]!, s, s + c.duration[j]!, sign);
  }

  /** Adds (sign −1) or releases (sign +1) demands k0..k1 over weeks [s, e). */
  private take(k0: number, k1: number, s: number, e: number, sign: number): void {
    const reqAmt = this.c.reqAmt;
    const reqRow = this.reqRow;
    const avail = this.avail;
    for (let k = k0; k < k1; k++) {
      const a = sign * reqAmt[k]!;
      const row = reqRow[k]!;
      for (let t = row + s; t < row + e; t++) avail[t]! += a;
    }
  }

  /** Earliest s ≥ es where task j fits, with s ≤ latest; −2: past `latest`, −1: past the horizon. */
  private earliestFeasible(j: number, es: number, latest: number): number {
    const c = this.c;
    const d = c.duration[j]!;
    const k0 = c.reqStart[j]!;
    const k1 = c.reqStart[j + 1]!;
    if (d === 0 || k0 === k1) return es <= latest ? es : -2;
    return this.fitEarliest(k0, k1, d, es, latest);
  }

  /**
   * Earliest s ≥ from, s ≤ latest, at which demands k0..k1 fit for d weeks (d > 0). When the
   * window has a week u too full for one demand, the next candidate is the start of that
   * demand's next run of d weeks with room after u, found by walking its row alone, so the
   * other demands are not re-checked at starts this one rules out anyway. −2: past `latest` (a
   * pinned successor); −1: past the horizon.
   */
  private fitEarliest(k0: number, k1: number, d: number, from: number, latest: number): number {
    const { reqAmt } = this.c;
    const H = this.c.horizon;
    const reqRow = this.reqRow;
    const avail = this.avail;
    let s = from;
    for (;;) {
      if (s > latest) return -2;
      if (s + d > H) return -1;
      let ok = true;
      for (let k = k0; k < k1; k++) {
        const a = reqAmt[k]!;
        const row = reqRow[k]!;
        let u = s + d - 1;
        while (u >= s && avail[row + u]! >= a) u--;
        if (u >= s) {
          // Week u is too full: the next run of d weeks with room for this demand. Each probe
          // checks a window from its last week down to the weeks already known to have room,
          // and a week too full moves the window past it, so a full stretch costs one read
          // per d weeks.
          let next = u + 1;
          let known = next;
          for (;;) {
            if (next + d > H) return -1;
            let v = next + d - 1;
            while (v >= known && avail[row + v]! >= a) v--;
            if (v < known) break;
            known = next + d;
            next = v + 1;
          }
          s = next;
          ok = false;
          break;
        }
      }
      if (ok) return s;
    }
  }

  /**
   * Latest s ≤ from, not below `floor` (where the task is known to fit), at which demands
   * k0..k1 fit for d weeks (d > 0): the mirror image of fitEarliest.
   */
  private fitLatest(k0: number, k1: number, d: number, from: number, floor: number): number {
    const { reqAmt } = this.c;
    const reqRow = this.reqRow;
    const avail = this.avail;
    let s = from;
    for (;;) {
      if (s <= floor) return floor;
      let ok = true;
      for (let k = k0; k < k1; k++) {
        const a = reqAmt[k]!;
        const row = reqRow[k]!;
        let u = s;
        while (u < s + d && avail[row + u]! >= a) u++;
        if (u < s + d) {
          // The latest run of d weeks with room that ends by week u, probed as in fitEarliest.
          let next = u - d;
          let known = u;
          for (;;) {
            if (next <= floor) return floor;
            let v = next;
            while (v < known && avail[row + v]! >= a) v++;
            if (v >= known) break;
            known = next;
            next = v - d;
          }
          s = next;
          ok = false;
          break;
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
   * Both passes rebuild the capacity profile from scratch (a backward and a forward serial SGS
   * in the order of the current schedule) instead of lifting each task out and putting it back,
   * which saves a third of the work; the arguments below show that neither pass can move a task
   * the wrong way or fail.
   */
  justify(list: Int32Array, makespan: number): number {
    const c = this.c;
    const { duration, pin, succStart, succs, reqStart } = c;
    const start = this.start;
    const order = this.order;
    const n = c.n;
    // Right pass, as a backward serial SGS: latest finish first, each task as late as its placed
    // successors and the makespan allow. Tasks placed before it held weeks at or after its finish
    // and have only moved right, so its current start still fits: never earlier than before,
    // hence never before its release, and never past a pinned successor.
    this.sortByTime(order, makespan, true);
    this.avail.set(c.base);
    for (let i = 0; i < n; i++) {
      const j = order[i]!;
      if (pin[j]! >= 0) continue;
      let lf = makespan;
      const q1 = succStart[j + 1]!;
      for (let q = succStart[j]!; q < q1; q++) {
        const t = start[succs[q]!]!;
        if (t < lf) lf = t;
      }
      const s0 = start[j]!;
      const d = duration[j]!;
      const k0 = reqStart[j]!;
      const k1 = reqStart[j + 1]!;
      let s = lf - d;
      if (d === 0 || k0 === k1) {
        start[j] = s;
        continue;
      }
      s = this.fitLatest(k0, k1, d, s, s0);
      this.take(k0, k1, s, s + d, -1);
      start[j] = s;
    }
    // Left pass, as a serial SGS over the right-justified start order: the same argument
    // mirrored, so every task starts no later than after the right pass and the makespan never
    // grows (nor can the pass fail).
    this.sortByTime(order, makespan, false);
    const newMakespan = this.decode(order);
    if (newMakespan < 0) throw new Error('engine: the forward justification pass found no room, which cannot happen');
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
