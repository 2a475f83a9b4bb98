// PSPLIB single-mode (.sm) files and solution tables (format: ../shared/benchmarks/psplib/README.md).
import type { Problem } from '../../src/core/engine';

/** Parses one .sm instance into Schedule JSON v1 (task ids are the PSPLIB job numbers). */
export function parseSm(text: string): Problem {
  const lines = text.split(/\r?\n/);
  const section = (title: string): string[] => {
    const at = lines.findIndex((l) => l.startsWith(title));
    if (at < 0) throw new Error(`.sm file without "${title}"`);
    const rows: string[] = [];
    for (let i = at + 1; i < lines.length && !lines[i]!.startsWith('***'); i++) rows.push(lines[i]!);
    return rows;
  };
  const numbers = (row: string): number[] => row.trim().split(/\s+/).filter(Boolean).map(Number);
  const successors = new Map<number, number[]>();
  for (const row of section('PRECEDENCE RELATIONS:')) {
    const f = numbers(row);
    if (f.length < 3 || f.some(Number.isNaN)) continue;
    successors.set(f[0]!, f.slice(3, 3 + f[2]!));
  }
  const jobs: { job: number; duration: number; demand: number[] }[] = [];
  for (const row of section('REQUESTS/DURATIONS:')) {
    const f = numbers(row);
    if (f.length < 3 || f.some(Number.isNaN)) continue;
    jobs.push({ job: f[0]!, duration: f[2]!, demand: f.slice(3) });
  }
  const capacityRow = section('RESOURCEAVAILABILITIES:').map(numbers).find((f) => f.length > 0 && !f.some(Number.isNaN));
  if (!capacityRow) throw new Error('.sm file without resource availabilities');
  const predecessors = new Map<number, string[]>();
  for (const [job, succ] of successors) for (const s of succ) predecessors.set(s, [...(predecessors.get(s) ?? []), String(job)]);
  return {
    version: 1,
    resources: capacityRow.map((units, r) => ({ id: `R${r + 1}`, capacity: units })),
    tasks: jobs.map(({ job, duration, demand }) => ({
      id: String(job),
      duration,
      demand: Object.fromEntries(demand.flatMap((units, r) => (units > 0 ? [[`R${r + 1}`, units]] : []))),
      predecessors: predecessors.get(job) ?? [],
    })),
  };
}

/** Reference makespans keyed "parameter_instance" (rows whose first three fields are integers). */
export function parseSolutions(text: string): Map<string, number> {
  const result = new Map<string, number>();
  for (const line of text.split(/\r?\n/)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 3 || !f.slice(0, 3).every((x) => /^\d+$/.test(x))) continue;
    result.set(`${f[0]}_${f[1]}`, Number(f[2]));
  }
  return result;
}
