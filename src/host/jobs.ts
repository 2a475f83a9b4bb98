import { marginalHireValues, plan, type MarginalHireValue, type PlanInput, type PlanResult } from '../core/planner';
import type { Baseline } from '../core/progress/baseline';
import { progressReport, type HistoryRow, type ProgressReport } from '../core/progress/progress';
import { buildComparisonReport, buildRoadmapReport, type Paper } from '../core/report';
import type { Role } from '../core/domain/types';
import { writeRoadmapPdf } from '../report';
import { throwIfCancelled } from './dispatch';

/**
 * The long work of the handler host: plans and the roadmap PDF. Each job takes plain data (no
 * workspace handle: the host reads the workspace, the job only computes and writes its file), so
 * that it can run on a worker thread while the host keeps answering calls.
 */
export type Job =
  | { readonly kind: 'plan'; readonly input: PlanInput }
  | { readonly kind: 'compare'; readonly inputs: readonly PlanInput[] }
  | { readonly kind: 'marginal'; readonly input: PlanInput }
  | { readonly kind: 'progress'; readonly input: PlanInput; readonly baseline: Baseline; readonly history: readonly HistoryRow[] }
  | {
      readonly kind: 'roadmapPdf';
      readonly input: PlanInput;
      readonly generatedOn: string;
      readonly paper: Paper;
      readonly file: string;
      /** The baseline of the "Progress since" section (the scenario's newest), with the history it reads; null: no section. */
      readonly progress?: { readonly baseline: Baseline; readonly history: readonly HistoryRow[] } | null;
      /** Other scenarios to compare with on a page of their own. */
      readonly compareWith?: readonly PlanInput[];
    }
  | {
      /** Two or three scenarios compared, on their own page(s). */
      readonly kind: 'comparisonPdf';
      readonly inputs: readonly PlanInput[];
      readonly organisation: string;
      readonly roles: readonly Role[];
      readonly generatedOn: string;
      readonly paper: Paper;
      readonly file: string;
    };

export interface JobResults {
  readonly plan: PlanResult;
  readonly compare: readonly PlanResult[];
  readonly marginal: readonly MarginalHireValue[];
  readonly progress: ProgressReport;
  readonly roadmapPdf: { readonly pages: number; readonly scenarioName: string };
  readonly comparisonPdf: { readonly pages: number };
}

export type JobResult<J extends Job> = JobResults[J['kind']];

/** Progress of a job: a fraction in [0, 1] and what it is doing. */
export type ReportProgress = (fraction: number, stage: string) => void;

/**
 * Runs a job in the calling thread. `signal` is checked between its steps (between two plans,
 * before the PDF is written), so a cancelled job writes nothing; a step itself runs to its end.
 */
export async function runJob<J extends Job>(job: J, progress: ReportProgress, signal: AbortSignal = new AbortController().signal): Promise<JobResult<J>> {
  return (await runAnyJob(job, progress, signal)) as JobResult<J>;
}

async function runAnyJob(job: Job, progress: ReportProgress, signal: AbortSignal): Promise<JobResults[Job['kind']]> {
  switch (job.kind) {
    case 'plan':
      progress(0, `planning scenario “${job.input.scenario.name}”`);
      return plan(job.input);
    case 'compare':
      return job.inputs.map((input, index) => {
        throwIfCancelled(signal);
        progress(index / job.inputs.length, `planning scenario “${input.scenario.name}” (${index + 1} of ${job.inputs.length})`);
        return plan(input);
      });
    case 'marginal':
      progress(0, `weighing one more hire of each role in “${job.input.scenario.name}”`);
      return marginalHireValues(job.input);
    case 'progress': {
      progress(0, `planning scenario “${job.input.scenario.name}”`);
      const current = plan(job.input);
      throwIfCancelled(signal);
      progress(0.5, `comparing with the baseline “${job.baseline.name}”`);
      return progressReport({
        baseline: job.baseline,
        plan: current,
        workItems: job.input.workItems,
        people: job.input.people,
        capabilities: job.input.capabilities,
        history: job.history,
        asOf: job.input.asOf ?? current.asOf,
      });
    }
    case 'roadmapPdf': {
      progress(0, `planning scenario “${job.input.scenario.name}”`);
      const result = plan(job.input);
      throwIfCancelled(signal);
      const compareWith = (job.compareWith ?? []).map((input, index, all) => {
        throwIfCancelled(signal);
        progress((0.02 * (index + 1)) / all.length, `planning scenario “${input.scenario.name}” to compare`);
        return plan(input);
      });
      const asOf = job.input.asOf ?? job.generatedOn;
      const progressOf = job.progress
        ? progressReport({ baseline: job.progress.baseline, plan: result, workItems: job.input.workItems, people: job.input.people, capabilities: job.input.capabilities, history: job.progress.history, asOf })
        : null;
      const model = buildRoadmapReport(job.input, result, { generatedOn: job.generatedOn, paper: job.paper, progress: progressOf, compareWith });
      // Planning and layout take about a tenth of the time; painting the pages the rest.
      await writeRoadmapPdf(model, job.file, { onProgress: (fraction, stage) => progress(0.1 + 0.9 * fraction, stage), signal });
      return { pages: model.pages.length, scenarioName: model.content.cover.scenarioName };
    }
    case 'comparisonPdf': {
      const plans = job.inputs.map((input, index) => {
        throwIfCancelled(signal);
        progress((0.4 * index) / job.inputs.length, `planning scenario “${input.scenario.name}” (${index + 1} of ${job.inputs.length})`);
        return plan(input);
      });
      throwIfCancelled(signal);
      const model = buildComparisonReport(plans, { organisation: job.organisation, roles: job.roles, generatedOn: job.generatedOn, paper: job.paper });
      await writeRoadmapPdf(model, job.file, { onProgress: (fraction, stage) => progress(0.4 + 0.6 * fraction, stage), signal });
      return { pages: model.pages.length };
    }
  }
}
