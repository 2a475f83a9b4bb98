import { ScheduleError, type Problem } from './types';
import { dependencyCycle } from '../domain/dependencies';

/** Larger than any week: "no deadline". */
export const NO_DEADLINE = 0x3fffffff;
/** Upper limit on week × resource cells of the capacity arrays (128 MB of Int32). */
const MAX_CELLS = 32_000_000;

/**
 * The problem in flat typed arrays (compressed sparse rows for predecessors, successors and
 * demands) so that the schedule-generation hot loop allocates nothing.
 */
export interface Compiled {
  readonly problem: Problem;
  readonly n: number;
  /** Resources that some task with a duration uses; index → id. */
  readonly resourceIds: readonly string[];
  /** Weeks covered by the capacity arrays; every schedule found finishes by then. */
  readonly horizon: number;
  readonly duration: Int32Array;
  /** Earliest start from `release` (0 without one). */
  readonly release: Int32Array;
  /** Pinned start, or -1. */
  readonly pin: Int32Array;
  readonly predStart: Int32Array;
  readonly preds: Int32Array;
  readonly succStart: Int32Array;
  readonly succs: Int32Array;
  readonly reqStart: Int32Array;
  readonly reqRes: Int32Array;
  readonly reqAmt: Int32Array;
  /** capacity[r * horizon + t]: units of resource r in week t. */
  readonly capacity: Int32Array;
  /** Capacity left in each week once the pinned tasks hold theirs. */
  readonly base: Int32Array;
  readonly topo: Int32Array;
  /** Position of each task in `topo`. */
  readonly topoRank: Int32Array;
  /** Earliest start from precedence, releases and pins (resources ignored). */
  readonly earliest: Int32Array;
  /** Latest finish imposed by pinned successors, or NO_DEADLINE. */
  readonly deadline: Int32Array;
  /** Latest finish for the critical-path length (and deadlines): the LFT priority. */
  readonly latestFinish: Int32Array;
  readonly lowerBound: number;
  readonly criticalPath: number;
}

function fail(code: ScheduleError['code'], message: string, where: { taskId?: string; resourceId?: string; field?: string } = {}): never {
  throw new ScheduleError({ code, message, ...where });
}

function quote(ids: readonly string[]): string {
  return ids.map((id) => JSON.stringify(id)).join(', ');
}

const cache = new WeakMap<Problem, Compiled>();

/** Semantic checks (ids, cycles, infeasible demands, pins) and compilation. Throws ScheduleError. */
export function compileProblem(problem: Problem): Compiled {
  const cached = cache.get(problem);
  if (cached) return cached;
  const compiled = compile(problem);
  cache.set(problem, compiled);
  return compiled;
}

function compile(problem: Problem): Compiled {
  const { tasks, resources } = problem;
  const n = tasks.length;
  const taskIndex = new Map<string, number>();
  tasks.forEach((t, i) => {
    if (taskIndex.has(t.id)) fail('duplicate-id', `task "${t.id}": duplicate task id`, { taskId: t.id, field: 'id' });
    taskIndex.set(t.id, i);
  });
  const resourceIndex = new Map<string, number>();
  resources.forEach((r, i) => {
    if (resourceIndex.has(r.id)) fail('duplicate-id', `resource "${r.id}": duplicate resource id`, { resourceId: r.id, field: 'id' });
    resourceIndex.set(r.id, i);
  });

  const duration = new Int32Array(n);
  const release = new Int32Array(n);
  const pin = new Int32Array(n).fill(-1);
  let sumDuration = 0;
  let lastWeek = 0;
  const used = new Int32Array(resources.length).fill(-1);
  const resourceIds: string[] = [];
  const predLists: number[][] = [];
  const reqLists: [number, number][][] = [];
  tasks.forEach((t, i) => {
    duration[i] = t.duration;
    release[i] = t.release ?? 0;
    sumDuration += t.duration;
    lastWeek = Math.max(lastWeek, release[i] ?? 0);
    if (t.pin !== undefined) {
      pin[i] = t.pin;
      lastWeek = Math.max(lastWeek, t.pin + t.duration);
    }
    const predList: number[] = [];
    const seen = new Set<number>();
    for (const p of t.predecessors) {
      const k = taskIndex.get(p);
      if (k === undefined) fail('unknown-id', `task "${t.id}".predecessors: unknown task "${p}"`, { taskId: t.id, field: 'predecessors' });
      if (k === i) fail('cycle', `cycle: ${t.id} → ${t.id}`, { taskId: t.id, field: 'predecessors' });
      if (!seen.has(k)) predList.push(k);
      seen.add(k);
    }
    predLists.push(predList);
    const reqs: [number, number][] = [];
    for (const [rid, units] of Object.entries(t.demand)) {
      const r = resourceIndex.get(rid);
      if (r === undefined) fail('unknown-id', `task "${t.id}".demand: unknown resource "${rid}"`, { taskId: t.id, resourceId: rid, field: 'demand' });
      if (units === 0 || t.duration === 0) continue;
      let c = used[r] ?? -1;
      if (c < 0) {
        c = resourceIds.length;
        used[r] = c;
        resourceIds.push(rid);
      }
      reqs.push([c, units]);
    }
    reqLists.push(reqs);
  });
  for (const r of resources) {
    if (Array.isArray(r.capacity)) for (const s of r.capacity) lastWeek = Math.max(lastWeek, s.from);
  }

  // Topological order (Kahn); what is left over lies on or behind a cycle.
  const succCount = new Int32Array(n + 1);
  for (const list of predLists) for (const p of list) succCount[p + 1]! += 1;
  for (let i = 0; i < n; i++) succCount[i + 1]! += succCount[i]!;
  const succStart = succCount.slice();
  const succs = new Int32Array(succStart[n] ?? 0);
  const fillAt = succStart.slice(0, n);
  predLists.forEach((list, j) => {
    for (const p of list) succs[fillAt[p]!++] = j;
  });
  const predStart = new Int32Array(n + 1);
  predLists.forEach((list, j) => (predStart[j + 1] = predStart[j]! + list.length));
  const preds = new Int32Array(predStart[n] ?? 0);
  predLists.forEach((list, j) => list.forEach((p, k) => (preds[predStart[j]! + k] = p)));

  const indegree = new Int32Array(n);
  for (let j = 0; j < n; j++) indegree[j] = predStart[j + 1]! - predStart[j]!;
  const topo = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let j = 0; j < n; j++) if (indegree[j] === 0) topo[tail++] = j;
  while (head < tail) {
    const j = topo[head++]!;
    for (let k = succStart[j]!; k < succStart[j + 1]!; k++) {
      const s = succs[k]!;
      if (--indegree[s]! === 0) topo[tail++] = s;
    }
  }
  if (tail < n) throw cycleError(problem);
  const topoRank = new Int32Array(n);
  topo.forEach((j, k) => (topoRank[j] = k));

  // Earliest starts with releases and pins; a pinned task that cannot start at its pin is a conflict.
  const earliest = new Int32Array(n);
  for (const j of topo) {
    let es = release[j]!;
    let binding = -1;
    for (let k = predStart[j]!; k < predStart[j + 1]!; k++) {
      const p = preds[k]!;
      const f = earliest[p]! + duration[p]!;
      if (f > es) {
        es = f;
        binding = p;
      }
    }
    const pinned = pin[j]!;
    if (pinned >= 0) {
      const id = tasks[j]!.id;
      if (pinned < release[j]!) {
        fail('pin-conflict', `task "${id}".pin: week ${pinned} is before its release week ${release[j]}`, { taskId: id, field: 'pin' });
      }
      if (es > pinned && binding >= 0) {
        const p = tasks[binding]!;
        const how = pin[binding]! >= 0 ? `its pinned predecessor "${p.id}" finishes at week ${es}` : `its predecessor "${p.id}" cannot finish before week ${es}`;
        fail('pin-conflict', `task "${id}".pin: week ${pinned} is too early: ${how}`, { taskId: id, field: 'pin' });
      }
      es = pinned;
    }
    earliest[j] = es;
  }
  let criticalPath = 0;
  for (let j = 0; j < n; j++) criticalPath = Math.max(criticalPath, earliest[j]! + duration[j]!);

  const R = resourceIds.length;
  const horizon = lastWeek + sumDuration + 1;
  if (R * horizon > MAX_CELLS) {
    fail('too-large', `the problem spans ${horizon} weeks × ${R} resources, more than this engine handles (${MAX_CELLS} week-resource cells); shorten durations or releases`);
  }
  const capacity = new Int32Array(R * horizon);
  const finalCapacity = new Int32Array(R);
  resourceIds.forEach((rid, r) => {
    const spec = resources[resourceIndex.get(rid)!]!.capacity;
    const row = capacity.subarray(r * horizon, (r + 1) * horizon);
    if (typeof spec === 'number') {
      row.fill(spec);
      finalCapacity[r] = spec;
    } else {
      spec.forEach((step, k) => {
        const next = spec[k + 1];
        row.fill(step.units, Math.min(step.from, horizon), next ? Math.min(next.from, horizon) : horizon);
        finalCapacity[r] = step.units;
      });
    }
  });

  const reqStart = new Int32Array(n + 1);
  reqLists.forEach((list, j) => (reqStart[j + 1] = reqStart[j]! + list.length));
  const reqRes = new Int32Array(reqStart[n] ?? 0);
  const reqAmt = new Int32Array(reqStart[n] ?? 0);
  reqLists.forEach((list, j) =>
    list.forEach(([r, a], k) => {
      reqRes[reqStart[j]! + k] = r;
      reqAmt[reqStart[j]! + k] = a;
    }),
  );
  checkDemands(problem, { n, horizon, duration, release, pin, reqStart, reqRes, reqAmt, capacity, finalCapacity, resourceIds });

  // Pinned tasks hold their resources first; together they must fit.
  const base = capacity.slice();
  for (let j = 0; j < n; j++) {
    const s = pin[j]!;
    if (s < 0) continue;
    for (let k = reqStart[j]!; k < reqStart[j + 1]!; k++) {
      const r = reqRes[k]!;
      const a = reqAmt[k]!;
      for (let t = s; t < s + duration[j]!; t++) {
        const cell = r * horizon + t;
        base[cell]! -= a;
        if (base[cell]! < 0) {
          const id = tasks[j]!.id;
          const others: string[] = [];
          for (let o = 0; o < j; o++) {
            const po = pin[o]!;
            if (po >= 0 && po <= t && t < po + duration[o]!) {
              for (let q = reqStart[o]!; q < reqStart[o + 1]!; q++) if (reqRes[q] === r) others.push(tasks[o]!.id);
            }
          }
          const rid = resourceIds[r]!;
          const who = others.length > 0 ? `together with pinned ${quote(others)} it needs` : 'it needs';
          fail('pin-conflict', `task "${id}".pin: at week ${t} ${who} ${capacity[cell]! - base[cell]!} of "${rid}", capacity ${capacity[cell]}`, {
            taskId: id,
            resourceId: rid,
            field: 'pin',
          });
        }
      }
    }
  }

  // Latest finish: critical-path length backwards, tightened by pinned successors (deadlines).
  const deadline = new Int32Array(n).fill(NO_DEADLINE);
  const latestFinish = new Int32Array(n);
  for (let k = n - 1; k >= 0; k--) {
    const j = topo[k]!;
    let lf = criticalPath;
    let dl = NO_DEADLINE;
    for (let q = succStart[j]!; q < succStart[j + 1]!; q++) {
      const s = succs[q]!;
      lf = Math.min(lf, latestFinish[s]! - duration[s]!);
      dl = Math.min(dl, pin[s]! >= 0 ? pin[s]! : deadline[s]! - duration[s]!);
    }
    deadline[j] = dl;
    latestFinish[j] = Math.min(lf, dl);
  }

  const lowerBound = Math.max(criticalPath, resourceBound({ n, horizon, duration, reqStart, reqRes, reqAmt, capacity, resourceIds }));
  return {
    problem,
    n,
    resourceIds,
    horizon,
    duration,
    release,
    pin,
    predStart,
    preds,
    succStart,
    succs,
    reqStart,
    reqRes,
    reqAmt,
    capacity,
    base,
    topo,
    topoRank,
    earliest,
    deadline,
    latestFinish,
    lowerBound,
    criticalPath,
  };
}

/** The tasks left over by the topological sort lie on or behind a cycle: name one (dependencies.ts). */
function cycleError(problem: Problem): ScheduleError {
  const cycle = dependencyCycle(problem.tasks) ?? [];
  const first = cycle[0] ?? '';
  return new ScheduleError({ code: 'cycle', message: `cycle: ${cycle.join(' → ')}`, taskId: first, field: 'predecessors' });
}

interface DemandView {
  readonly n: number;
  readonly horizon: number;
  readonly duration: Int32Array;
  readonly release: Int32Array;
  readonly pin: Int32Array;
  readonly reqStart: Int32Array;
  readonly reqRes: Int32Array;
  readonly reqAmt: Int32Array;
  readonly capacity: Int32Array;
  readonly finalCapacity: Int32Array;
  readonly resourceIds: readonly string[];
}

/** A task needs `duration` consecutive weeks, from its release on, where every demand fits. */
function checkDemands(problem: Problem, v: DemandView): void {
  const { horizon } = v;
  for (let j = 0; j < v.n; j++) {
    const d = v.duration[j]!;
    let allFinal = true;
    for (let k = v.reqStart[j]!; k < v.reqStart[j + 1]!; k++) if (v.finalCapacity[v.reqRes[k]!]! < v.reqAmt[k]!) allFinal = false;
    if (allFinal) continue;
    const id = problem.tasks[j]!.id;
    const from = v.pin[j]! >= 0 ? v.pin[j]! : v.release[j]!;
    const window = (resources: number[]): boolean => {
      let run = 0;
      for (let t = from; t < horizon; t++) {
        let ok = true;
        for (const k of resources) if (v.capacity[v.reqRes[k]! * horizon + t]! < v.reqAmt[k]!) ok = false;
        run = ok ? run + 1 : 0;
        if (run >= d) return true;
      }
      return false;
    };
    const all: number[] = [];
    for (let k = v.reqStart[j]!; k < v.reqStart[j + 1]!; k++) {
      all.push(k);
      if (!window([k])) {
        const rid = v.resourceIds[v.reqRes[k]!]!;
        const since = from > 0 ? ` from week ${from} on` : '';
        fail('infeasible-demand', `task "${id}".demand: needs ${v.reqAmt[k]} of "${rid}" for ${d} consecutive weeks, but "${rid}" never has that much for that long${since}`, {
          taskId: id,
          resourceId: rid,
          field: 'demand',
        });
      }
    }
    if (!window(all)) {
      const rids = all.map((k) => v.resourceIds[v.reqRes[k]!]!);
      fail('infeasible-demand', `task "${id}".demand: no ${d} consecutive weeks where ${quote(rids)} all have the units it needs`, {
        taskId: id,
        resourceId: rids[0]!,
        field: 'demand',
      });
    }
  }
}

interface BoundView {
  readonly n: number;
  readonly horizon: number;
  readonly duration: Int32Array;
  readonly reqStart: Int32Array;
  readonly reqRes: Int32Array;
  readonly reqAmt: Int32Array;
  readonly capacity: Int32Array;
  readonly resourceIds: readonly string[];
}

/** Each resource's total work must fit into its capacity before the makespan. */
function resourceBound(v: BoundView): number {
  const R = v.resourceIds.length;
  const work = new Float64Array(R);
  for (let j = 0; j < v.n; j++) {
    for (let k = v.reqStart[j]!; k < v.reqStart[j + 1]!; k++) work[v.reqRes[k]!]! += v.reqAmt[k]! * v.duration[j]!;
  }
  let bound = 0;
  for (let r = 0; r < R; r++) {
    let sum = 0;
    let t = 0;
    while (t < v.horizon && sum < work[r]!) sum += v.capacity[r * v.horizon + t++]!;
    bound = Math.max(bound, t);
  }
  return bound;
}
