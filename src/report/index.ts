export { renderRoadmapPdf, writeRoadmapPdf, type RenderOptions } from './render';
export { REPORT_FONT_FAMILY, reportFontFiles, type ReportFontFiles } from './fonts';
