import type { LayerId } from '../domain/layers';
import type { Capability, Organisation, Person, Role } from '../domain/types';
import type { PlanResult, PlanWarningCode } from '../planner/types';
import type { ScenarioComparison } from '../planner/comparison';
import type { ProgressReport } from '../progress/progress';
import type { FontWeight } from './metrics';

export type Paper = 'a4' | 'letter';
export type Orientation = 'portrait' | 'landscape';

export interface ReportInput {
  readonly organisation: Organisation;
  readonly capabilities: readonly Capability[];
  readonly people: readonly Person[];
  readonly roles: readonly Role[];
  readonly plan: PlanResult;
  /** ISO date `YYYY-MM-DD` printed on the cover and in every footer. */
  readonly generatedOn: string;
  readonly paper: Paper;
  /** Progress since a baseline (progressReport of the same plan): adds the "Progress since" section. */
  readonly progress?: ProgressReport | null;
  /** Plans of other scenarios (made the same way): adds a page comparing them with this one. */
  readonly compareWith?: readonly PlanResult[];
}

/** A rectangle in points, from the page's top-left corner. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

// ---------------------------------------------------------------------------------------------
// What the report says (the content, independent of pages)
// ---------------------------------------------------------------------------------------------

import type { Severity } from '../planner/types';
export type { Severity };

export interface ReportWarning {
  readonly code: PlanWarningCode;
  readonly severity: Severity;
  /** One line: what is wrong. */
  readonly summary: string;
  /** What to do about it. */
  readonly action: string;
  /** The full reason. */
  readonly message: string;
  readonly layer: LayerId | null;
  readonly week: number | null;
}

export interface LayerStanding {
  readonly layer: LayerId;
  readonly name: string;
  readonly color: string;
  readonly capabilityCount: number;
  readonly readinessNow: number | null;
  /** The plan's readiness at the end of the horizon (`layers[].readinessAtHorizon`). */
  readonly readinessAtEnd: number | null;
  /** Mean capability score now and at the end: the progress the weakest link hides. */
  readonly meanNow: number | null;
  readonly meanAtEnd: number | null;
  /** Maturity steps the layer needs to reach its targets, and how many the plan gets done by the end. */
  readonly stepsNeeded: number;
  readonly stepsDoneAtEnd: number;
  /** The scenario's target does not need the layer: nothing is planned for it. */
  readonly notNeeded: boolean;
  readonly readyWeek: number | null;
  readonly readyQuarter: string | null;
  readonly readyDate: string | null;
  /** The capabilities that hold the layer's readiness down now, e.g. "Orchestration of pipelines 0/3". */
  readonly weakest: readonly string[];
  /** One phrase: "ready now", "ready in 2027-Q4 (2027-10-15)", "not within the horizon", "not tracked". */
  readonly status: string;
}

export interface ReportHire {
  readonly id: string;
  readonly roleName: string;
  readonly quarter: string;
  /** "Proposed", "Open requisition", "Planned hire". */
  readonly statusLabel: string;
  readonly source: 'proposed' | 'existing';
  readonly personName: string | null;
  /** Who, as one label: the role (and status), or the person's name with the role and status it does not already say. */
  readonly label: string;
  readonly requisitionDate: string | null;
  readonly startWeek: number;
  readonly startDate: string;
  readonly productiveDate: string;
  readonly layer: LayerId | null;
  readonly annualSalary: number | null;
  readonly reason: string;
}

export interface HiresInQuarter {
  readonly quarter: string;
  readonly hires: readonly { readonly roleName: string; readonly statusLabel: string }[];
}

/** An initiative on the quarter-by-quarter roadmap, in the quarter its first step starts. */
export interface RoadmapItem {
  readonly id: string;
  readonly title: string;
  /** The capability it raises, when the title is an outcome phrase; '' otherwise. */
  readonly capability: string;
  readonly steps: number;
  readonly startDate: string;
  readonly finishDate: string;
  readonly finishQuarter: string;
  readonly finishesAfterHorizon: boolean;
}

export interface RoadmapQuarter {
  readonly label: string;
  readonly startWeek: number;
  readonly startDate: string;
  readonly beyondHorizon: boolean;
  /** Hires whose first day falls in the quarter, e.g. "Data engineer (proposed)". */
  readonly hires: readonly string[];
  readonly layers: readonly { readonly layer: LayerId | null; readonly name: string; readonly items: readonly RoadmapItem[] }[];
}

export interface Assumption {
  readonly label: string;
  readonly value: string;
}

export interface InventoryRow {
  readonly layer: LayerId;
  readonly name: string;
  readonly currentMaturity: number;
  readonly targetMaturity: number;
  readonly owner: string;
  readonly tools: string;
}

export interface HeadcountRow {
  readonly roleName: string;
  readonly onStaff: string;
  readonly openReq: string;
  readonly planned: string;
}

export interface KeyFigure {
  readonly value: string;
  readonly label: string;
  readonly note: string;
  readonly tone: 'good' | 'bad' | 'neutral';
}

/** A hire leadership is asked to approve. */
export interface DecisionHire {
  readonly roleName: string;
  readonly kind: 'new' | 'backfill';
  readonly requisitionDate: string | null;
  readonly startDate: string;
  readonly quarter: string;
  /** What it is for, from the plan: the layer and the weeks of the role's work there is. */
  readonly why: string;
  readonly salary: string | null;
}

/** The first page after the cover: what leadership must decide. */
export interface DecisionsContent {
  /** The quarter decisions are for (the status date's, or the plan's first when it starts later). */
  readonly quarter: string;
  readonly quarterLastDay: string;
  readonly openNow: readonly DecisionHire[];
  readonly openLater: readonly DecisionHire[];
  /** Open requisitions and planned hires to pause or move, with why. */
  readonly pauseOrMove: readonly { readonly title: string; readonly action: string; readonly reason: string }[];
  readonly asks: readonly { readonly text: string; readonly reason: string }[];
  /** Other warnings that need a decision, grouped by code. */
  readonly otherActions: readonly { readonly severity: Severity; readonly code: PlanWarningCode; readonly count: number; readonly summary: string; readonly action: string }[];
  readonly budget: {
    readonly costed: boolean;
    /** "2027: 210,000 EUR" per (fiscal) year of the horizon, spend on the proposed hires. */
    readonly byYear: readonly { readonly label: string; readonly value: string }[];
    readonly lines: readonly string[];
  };
}

/** The "Progress since" section, from a progress report. */
export interface ProgressContent {
  readonly baselineName: string;
  readonly baselineAsOf: string;
  readonly asOf: string;
  readonly headline: string;
  readonly readiness: ProgressReport['readiness'];
  readonly finished: readonly { readonly title: string; readonly date: string; readonly note: string }[];
  readonly gates: readonly { readonly name: string; readonly text: string; readonly causes: readonly string[] }[];
  readonly hires: readonly { readonly role: string; readonly planned: string; readonly now: string; readonly text: string }[];
}

export interface ReportContent {
  readonly cover: {
    readonly organisation: string;
    readonly scenarioName: string;
    readonly generatedOn: string;
    readonly horizon: {
      readonly startDate: string;
      readonly endDate: string;
      readonly quarters: number;
      readonly firstQuarter: string;
      readonly lastQuarter: string;
    };
    readonly target: string;
  };
  readonly summary: {
    readonly headline: string;
    /** The four figures at the top of the summary. */
    readonly figures: readonly KeyFigure[];
    readonly layers: readonly LayerStanding[];
    readonly hiresByQuarter: readonly HiresInQuarter[];
    /** All warnings, most important first (see `severityOf`). */
    readonly warnings: readonly ReportWarning[];
  };
  /** ISO 4217 code salaries and budgets are in ('' when not set). */
  readonly currency: string;
  readonly decisions: DecisionsContent;
  readonly progress: ProgressContent | null;
  readonly comparison: ScenarioComparison | null;
  readonly roadmap: readonly RoadmapQuarter[];
  /** Active items the plan could not place, with the planner's reason; done and dropped items are left out. */
  readonly unscheduled: readonly { readonly id: string; readonly title: string; readonly layer: LayerId | null; readonly reason: string }[];
  readonly hires: readonly ReportHire[];
  readonly assumptions: readonly Assumption[];
  /** The planner's reasoning, step by step. */
  readonly reasoning: readonly string[];
  readonly inventory: readonly InventoryRow[];
  readonly headcount: readonly HeadcountRow[];
  readonly people: readonly { readonly name: string; readonly role: string; readonly status: string; readonly fte: string; readonly start: string }[];
}

// ---------------------------------------------------------------------------------------------
// How it is laid out: every page as shapes and lines of text at computed positions
// ---------------------------------------------------------------------------------------------

export type Shape =
  | {
      readonly kind: 'rect';
      readonly x: number;
      readonly y: number;
      readonly width: number;
      readonly height: number;
      readonly fill: string | null;
      readonly stroke: string | null;
      readonly strokeWidth?: number;
      readonly radius?: number;
      readonly opacity?: number;
    }
  | {
      readonly kind: 'line';
      readonly x1: number;
      readonly y1: number;
      readonly x2: number;
      readonly y2: number;
      readonly stroke: string;
      readonly strokeWidth: number;
      readonly dash?: readonly number[];
    }
  | {
      readonly kind: 'polyline';
      readonly points: readonly (readonly [number, number])[];
      readonly stroke: string;
      readonly strokeWidth: number;
      readonly dash?: readonly number[];
    }
  | {
      readonly kind: 'polygon';
      readonly points: readonly (readonly [number, number])[];
      readonly fill: string | null;
      readonly stroke: string | null;
      readonly strokeWidth?: number;
      readonly opacity?: number;
    };

/** One line of text; `y` is the top of its line box, of height `lineHeight`. Never wrapped by the renderer. */
export interface TextLine {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  /** Width of the box the line is aligned in. */
  readonly width: number;
  readonly fontSize: number;
  readonly lineHeight: number;
  readonly weight: FontWeight;
  readonly color: string;
  readonly align: 'left' | 'center' | 'right';
  readonly italic?: boolean;
}

export type SectionId = 'cover' | 'decisions' | 'summary' | 'progress' | 'pyramid' | 'roadmap' | 'timeline' | 'hiring' | 'comparison' | 'warnings' | 'appendix';

export interface GanttRowLayout {
  readonly kind: 'group' | 'initiative' | 'hire';
  /** Initiative id, hire id, or the group's key (`layer:collect`, `hires`, `other`). */
  readonly id: string;
  readonly label: readonly string[];
  readonly fontSize: number;
  /** Top of the row on its page, and its height: rows of a page never overlap and stay inside the content box. */
  readonly y: number;
  readonly height: number;
  /** The bar inside this page's quarter window; null when the item is not scheduled or lies outside the window. */
  readonly bar: { readonly x: number; readonly width: number; readonly clippedStart: boolean; readonly clippedEnd: boolean } | null;
  /** An initiative's steps inside the window, as drawn: the item id and its bar. */
  readonly steps?: readonly { readonly id: string; readonly x: number; readonly width: number }[];
  /** Where the item lies when it is outside this window. */
  readonly outside: 'before' | 'after' | null;
}

export interface GanttPageLayout {
  /** Which window of quarters (columns) this page shows, and which of the window's row pages it is. */
  readonly window: { readonly index: number; readonly count: number; readonly firstQuarter: string; readonly lastQuarter: string; readonly startWeek: number; readonly endWeek: number };
  readonly rowPage: { readonly index: number; readonly count: number };
  /** The plotting area: x of week `window.startWeek`, points per week. */
  readonly plot: Box;
  readonly pointsPerWeek: number;
  /** The quarter scale, repeated on every page. */
  readonly scale: Box;
  readonly rows: readonly GanttRowLayout[];
  /** Dependency arrows drawn on this page: from the step waited for to the step that waits. */
  readonly arrows: readonly { readonly from: string; readonly to: string; readonly points: readonly (readonly [number, number])[] }[];
}

export interface ReportPage {
  /** 1-based. */
  readonly number: number;
  readonly section: SectionId;
  readonly orientation: Orientation;
  readonly width: number;
  readonly height: number;
  /** Everything but the running header and footer lies inside this box. */
  readonly content: Box;
  readonly shapes: readonly Shape[];
  readonly texts: readonly TextLine[];
  /** Only on timeline pages. */
  readonly gantt?: GanttPageLayout;
}

export interface ReportModel {
  readonly version: 1;
  readonly paper: Paper;
  /** The running header: "Organisation — Scenario — Roadmap". */
  readonly title: string;
  readonly generatedOn: string;
  readonly content: ReportContent;
  readonly sections: readonly { readonly id: SectionId; readonly title: string; readonly firstPage: number }[];
  readonly pages: readonly ReportPage[];
  /** Smallest font size used anywhere in the report (points). */
  readonly minFontSize: number;
}

/** The comparison of scenarios on its own (the Compare dialog's PDF): the same pages, painted the same way. */
export interface ComparisonReport {
  readonly version: 1;
  readonly paper: Paper;
  readonly title: string;
  readonly generatedOn: string;
  readonly comparison: ScenarioComparison;
  readonly pages: readonly ReportPage[];
  readonly minFontSize: number;
}
