/**
 * `--format html`: any report, and the amortisation tables, as a
 * self-contained printable page in French (inline css, charts as inline
 * SVG rendered by Vega-Lite in Node). Pure: every function returns text.
 */
export { type HtmlOptions, renderHtml, reportBody, reportCharts, reportTitle } from './render.js';
export {
  AMORTIZE_HTML_MAX_LINES,
  AMORTIZE_HTML_MAX_ROWS,
  type AmortizeHtmlContext,
  amortizeHtmlLimitProblem,
  renderAmortizeHtml,
} from './amortize.js';
export { escapeHtml } from './escape.js';
export { DIGIT_GROUP, groupDigits, htmlCellText } from './text.js';
export { type Chart, chartSvg } from './charts/chart.js';
