/*
 * The one place src/report imports @react-pdf/renderer. eslint.config.js's layer rule forbids
 * any import path with a "renderer" segment (meant for src/renderer, the React UI), which also
 * catches this npm package's name; the exception is made here, once, rather than loosening the
 * layer rule for the whole folder.
 */
// eslint-disable-next-line no-restricted-imports -- an npm package, not src/renderer (see above)
export { Canvas, Document, Line, Page, Polygon, Rect, renderToBuffer, Svg } from '@react-pdf/renderer';
