import { describe, expect, it } from 'vitest';
import { buildDemoOrganisation } from '../../../../src/core/domain/demo';
import { defaultScenario, type WorkItem } from '../../../../src/core/domain/planning';
import { planAcceptance, workItemFromProposal } from '../../../../src/core/planner/acceptance';
import { plan, type PlanInput } from '../../../../src/core/planner';

const TODAY = '2026-11-27';
const demo = buildDemoOrganisation(TODAY);
const withoutMine = plan({ ...demo, workItems: [], scenario: defaultScenario(TODAY) });
const someProposal = withoutMine.items.find((i) => i.source === 'proposal');
if (!someProposal) throw new Error('the demo plan proposes nothing');
// The user's own item: work that raises no capability (its fields borrowed from a proposal).
const mine: WorkItem = {
  ...workItemFromProposal(someProposal, { predecessorId: () => null, pinnedStart: null, notes: '' }),
  id: 'mine',
  title: 'Move the loads to the new scheduler',
  capabilityId: null,
  fromMaturity: null,
  toMaturity: null,
};
const input: PlanInput = { ...demo, workItems: [mine], scenario: defaultScenario(TODAY) };
const result = plan(input);

describe('planAcceptance', () => {
  const accepted = planAcceptance(result, TODAY);
  const scheduledProposals = result.items.filter((i) => i.source === 'proposal' && i.start !== null);

  it('turns every scheduled proposal, and nothing else, into a planned work item that says where it came from', () => {
    expect(accepted.workItems.map((w) => w.title)).toEqual(scheduledProposals.map((i) => i.title));
    for (const item of accepted.workItems) {
      expect(item.status).toBe('planned');
      expect(item.id.startsWith(`accepted-${TODAY}-`)).toBe(true);
      expect(item.notes).toMatch(new RegExp(`^Accepted on ${TODAY} from the plan of scenario “Baseline” \\(\\d{4}-Q\\d\\)\\. .+`));
    }
  });

  it('points predecessors at accepted items or the user’s own, never at a proposal left behind', () => {
    const written = new Set([...accepted.workItems.map((w) => w.id), mine.id]);
    const withPredecessors = accepted.workItems.filter((w) => w.predecessors.length > 0);
    expect(withPredecessors.length).toBeGreaterThan(0);
    for (const item of withPredecessors) for (const p of item.predecessors) expect(written.has(p), `${item.id} → ${p}`).toBe(true);
  });

  it('makes each proposed hire a planned person starting when the plan has them start', () => {
    const proposed = result.hires.filter((h) => h.source === 'proposed');
    expect(proposed.length).toBeGreaterThan(0);
    expect(accepted.people).toEqual(
      proposed.map((h) => ({ name: `${h.roleName} hire (${h.quarter})`, roleId: h.roleId, fte: 1, status: 'planned', startDate: h.startDate, endDate: null })),
    );
  });
});

describe('workItemFromProposal', () => {
  it('copies the proposal’s work, planned, and keeps only the predecessors it is told exist', () => {
    const proposal = result.items.find((i) => i.source === 'proposal' && i.predecessors.length > 0);
    expect(proposal).toBeDefined();
    if (!proposal) return;
    const item = workItemFromProposal(proposal, { predecessorId: () => null, pinnedStart: '2027-04-05', notes: '' });
    expect(item).toEqual({
      title: proposal.title,
      capabilityId: proposal.capabilityId,
      fromMaturity: proposal.fromMaturity,
      toMaturity: proposal.toMaturity,
      durationWeeks: proposal.durationWeeks,
      demand: proposal.demand,
      predecessors: [],
      releaseDate: null,
      pinnedStart: '2027-04-05',
      status: 'planned',
      actualStart: null,
      actualFinish: null,
      notes: '',
    });
  });
});
