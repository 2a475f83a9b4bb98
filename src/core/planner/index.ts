export { plan, plannerMachine } from './machine';
export { marginalHireValues } from './marginal';
export { PLANNER_EFFORT } from './layers';
export { MAX_HIRES_PER_LAYER, MIN_HIRE_WORK_WEEKS } from './hiring';
export { LUXURY_SLACK_WEEKS } from './foundations';
export { UNITS_PER_FTE } from './capacity';
export { PROPOSAL_PREFIX } from './items';
export { WARNING_SEVERITY, SEVERITY_ORDER, bySeverity } from './warnings';
export * from './types';
