import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/**
 * A chart of a page: a Vega-Lite spec, compiled to Vega and rendered to
 * SVG in Node (no browser, no network: the SVG is written into the page).
 * Vega-Lite rather than hand-drawn paths: scales, axes, stacking, legends
 * and label overlap are its job, tested there, and a spec is a few lines a
 * reviewer can read.
 */
export interface Chart {
  /** A key for the figure (`payments`, `exposure_capital`): tests and css find the chart by it. */
  readonly key: string;
  /** The figure's caption, in French. */
  readonly title: string;
  readonly spec: TopLevelSpec;
}

/** d3-format and d3-time-format in French: « 1 234,56 », « 29/10/2026 », « oct. 2026 ». */
/** d3-format and d3-time-format in French: « 1 234,56 », « 29/10/2026 », « oct. 2026 ». */
const FRENCH_LOCALE = {
  number: { decimal: ',', thousands: '\u00a0', grouping: [3], currency: ['', '\u00a0€'] },
  time: {
    dateTime: '%A %e %B %Y à %X',
    date: '%d/%m/%Y',
    time: '%H:%M:%S',
    periods: ['AM', 'PM'],
    days: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
    shortDays: ['dim.', 'lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.'],
    months: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
    shortMonths: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
  },
};

/** The look every chart shares: the page's font, small labels, no border. */
const CONFIG = {
  aria: false,
  locale: FRENCH_LOCALE,
  font: 'DejaVu Sans, Liberation Sans, Arial, sans-serif',
  background: 'white',
  view: { stroke: null },
  axis: { labelFontSize: 9, titleFontSize: 9, titleFontWeight: 'normal', gridColor: '#e5e5e5', domainColor: '#888', tickColor: '#888' },
  legend: { labelFontSize: 9, titleFontSize: 9, titleFontWeight: 'normal', orient: 'bottom', direction: 'horizontal', symbolType: 'square', labelLimit: 320, columns: 3 },
  range: { category: ['#1f4e79', '#e08a2e', '#5b9a4d', '#a23b72', '#6f6f6f', '#3a9fbf', '#c9a227', '#8c564b'] },
} as const;

/** The width of a chart across the page (A4 portrait, 12 mm margins, 96 px per inch). */
export const FULL_WIDTH = 640;

/** The SVG of a Vega-Lite spec, numbers and dates in French. Pure computation: no file, no network. */
export async function chartSvg(spec: TopLevelSpec): Promise<string> {
  const compiled = compile({ ...spec, config: { ...CONFIG, ...(spec.config ?? {}) } } as TopLevelSpec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** A value on a chart axis: euros with grouping and no decimals (« 500 000 »). */
export const EURO_AXIS = { format: ',.0f' } as const;

/**
 * At most `count` labels of an ordinal axis, evenly spread, always the
 * first and the last: a 480-row monthly table keeps a readable axis.
 */
export function spreadLabels<T>(values: readonly T[], count = 12): T[] {
  if (values.length <= count) return [...values];
  const step = Math.ceil((values.length - 1) / (count - 1));
  const picked = values.filter((_, i) => i % step === 0);
  const last = values[values.length - 1]!;
  if (picked[picked.length - 1] !== last) picked.push(last);
  return picked;
}

/** One bar segment, or one point of a line: its place on the x axis, its series, its value. */
export interface Datum {
  readonly x: string;
  readonly series: string;
  readonly value: number;
}

/** What every chart is given: its key and title, its data, and the titles of its axes and legend. */
interface ChartOptions {
  readonly key: string;
  readonly title: string;
  readonly data: readonly Datum[];
  readonly xTitle: string;
  readonly yTitle: string;
  readonly seriesTitle: string;
  readonly width?: number;
  readonly height?: number;
}

export interface BarsOptions extends ChartOptions {
  /** The series in stacking and legend order (default: as they come). */
  readonly seriesOrder?: readonly string[];
  /** Series side by side (`grouped`) rather than stacked. */
  readonly grouped?: boolean;
  /** Bars drawn along y, one row per x value (long names: guarantors, envelopes). */
  readonly horizontal?: boolean;
}

const orderOf = <T>(values: readonly T[]) => [...new Set(values)];

/** Stacked (or grouped) bars: one bar per x value, one segment per series, in the data's x order. */
export function bars(o: BarsOptions): Chart {
  const xs = orderOf(o.data.map((d) => d.x));
  const series = o.seriesOrder ?? orderOf(o.data.map((d) => d.series));
  const rank = new Map(series.map((s, i) => [s, i]));
  const values = o.data.map((d) => ({ ...d, rank: rank.get(d.series) ?? series.length }));
  const category = { field: 'x', type: 'ordinal', title: o.xTitle, sort: xs, axis: o.horizontal ? { labelLimit: 360 } : { values: spreadLabels(xs), labelAngle: xs.length > 6 ? -45 : 0, labelLimit: 140 } };
  const amount = { field: 'value', type: 'quantitative', title: o.yTitle, axis: EURO_AXIS, ...(o.grouped ? { stack: null } : {}) };
  const color = { field: 'series', type: 'nominal', title: o.seriesTitle, sort: series, scale: { domain: series } };
  const offset = o.grouped ? { [o.horizontal ? 'yOffset' : 'xOffset']: { field: 'series', type: 'nominal', sort: series } } : {};
  const width = o.width ?? FULL_WIDTH;
  const height = o.height ?? (o.horizontal ? Math.max(80, xs.length * (o.grouped ? 12 * series.length : 18)) : 200);
  return {
    key: o.key,
    title: o.title,
    spec: {
      data: { values },
      width,
      height,
      mark: { type: 'bar' },
      encoding: {
        ...(o.horizontal ? { y: category, x: amount } : { x: category, y: amount }),
        color,
        order: { field: 'rank', type: 'quantitative' },
        ...offset,
      },
    } as TopLevelSpec,
  };
}

export interface LinesOptions extends ChartOptions {
  /** Fill the area under a single series. */
  readonly area?: boolean;
}

/** One line per series over an ordinal x (due dates, years), in the data's x order. */
export function lines(o: LinesOptions): Chart {
  const xs = orderOf(o.data.map((d) => d.x));
  const series = orderOf(o.data.map((d) => d.series));
  return {
    key: o.key,
    title: o.title,
    spec: {
      data: { values: [...o.data] },
      width: o.width ?? FULL_WIDTH,
      height: o.height ?? 170,
      mark: o.area ? { type: 'area', line: true, opacity: 0.35 } : { type: 'line', point: xs.length <= 40 },
      encoding: {
        x: { field: 'x', type: 'ordinal', title: o.xTitle, sort: xs, scale: { type: 'point', padding: 0.3 }, axis: { values: spreadLabels(xs), labelAngle: xs.length > 6 ? -45 : 0 } },
        y: { field: 'value', type: 'quantitative', title: o.yTitle, axis: EURO_AXIS, ...(o.area ? { stack: null } : {}) },
        color: { field: 'series', type: 'nominal', title: o.seriesTitle, sort: series, scale: { domain: series }, ...(series.length === 1 ? { legend: null } : {}) },
      },
    } as TopLevelSpec,
  };
}
