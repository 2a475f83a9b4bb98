/* The one place src/report imports @react-pdf/renderer, so the rest of the folder stays library-agnostic. */
export { Canvas, Document, Line, Page, Polygon, Polyline, Rect, renderToBuffer, Svg } from '@react-pdf/renderer';
