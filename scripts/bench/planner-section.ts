import { marginalHireValues, plan } from '../../src/core/planner';
import { median, type BenchContext, type BenchSection } from './context';
import { planWorkspace } from './plan-workspace';

async function run(context: BenchContext): Promise<void> {
  if (!context.wants('planner')) return;
  context.print('planner (the whole xstate climb: proposals, engine passes per layer, hire decisions, explanations):');
  for (const items of [0, 100, 300]) {
    const input = planWorkspace(items, 11);
    plan(input);
    plan(input);
    const times: number[] = [];
    let result = plan(input);
    for (let i = 0; i < 15; i++) {
      // An edit between runs, as in the app: one item a week longer each time.
      const edited = { ...input, workItems: input.workItems.map((w, j) => (j === i ? { ...w, durationWeeks: w.durationWeeks + 1 } : w)) };
      const t0 = performance.now();
      result = plan(edited);
      times.push(performance.now() - t0);
    }
    const scheduled = result.items.filter((i) => i.start !== null).length;
    // The marginal value of a hire is a re-plan per role: the app asks for it after the plan shows.
    const marginal: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      marginalHireValues(input, result);
      marginal.push(performance.now() - t0);
    }
    context.print(
      `  ${String(result.items.length).padStart(4)} items (${items} of the user's + proposals), ${scheduled} scheduled, ${result.hires.length} hires, ` +
        `${result.warnings.length} warnings: re-plan median ${median(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms; ` +
        `marginal value of a hire for ${input.roles.length} roles (asked for separately) median ${median(marginal).toFixed(0)} ms`,
    );
  }
  await Promise.resolve();
}

export const plannerSection: BenchSection = { name: 'planner', run };
