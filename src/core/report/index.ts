export { buildComparisonReport, buildReportModel, buildRoadmapReport } from './build';
export { orderWarnings, severityOf } from './content';
export { GANTT, quarterWindows } from './gantt';
export { measureText, wrapText } from './metrics';
export { LAYER_COLORS, MIN_FONT_SIZE, pageFrame } from './theme';
export * from './types';
