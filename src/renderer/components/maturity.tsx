import { MATURITY_RUBRIC, type Maturity } from '../../core/domain/maturity';

export function maturityName(level: number): string {
  return MATURITY_RUBRIC[level]?.name ?? String(level);
}

export function maturityRubric(level: number): string {
  return MATURITY_RUBRIC[level]?.rubric ?? '';
}

/** The 0–4 options, named by the rubric, each with its one-line rubric as a tooltip. */
export function MaturityOptions() {
  return MATURITY_RUBRIC.map((m) => (
    <option key={m.level} value={String(m.level)} title={m.rubric}>
      {m.level} · {m.name}
    </option>
  ));
}

export function toMaturity(value: string): Maturity {
  const n = Number(value);
  return (n >= 0 && n <= 4 && Number.isInteger(n) ? n : 0) as Maturity;
}
