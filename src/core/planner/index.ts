export { plan, plannerMachine } from './machine';
export { PLANNER_EFFORT, MAX_HIRES_PER_LAYER } from './steps';
export { UNITS_PER_FTE } from './capacity';
export { WEEKS_PER_QUARTER, addWeeksIso, weekOf, quarterLabel, quarterLabelOfWeek } from './calendar';
export { PROPOSAL_PREFIX } from './items';
export * from './types';
