import { csvField, csvLine } from '../csv/write.js';
import { type Column, type Row, column } from '../report/model.js';
import { UTF8_BOM } from '../report/render.js';
import type { Decimal } from '../money/decimal.js';
import type { CentsSchedule } from './schedule-in-cents.js';
import { ByteWriter, writeCents, writeDigits } from '../output/byte-writer.js';
import { type OutputFormat, type TableFormat, amountText, dateText, rateText, separatorOf } from '../output/format.js';
import type { Schedule, ScheduleRow } from './types.js';
import { ACTUARIAL_PLACES, type ActuarialRate, actuarialRate, loanFlows, shownActuarialPct } from './actuarial-rate.js';

/**
 * The columns of the amortisation table: machine keys (csv, json) and the
 * CDC's own titles (csv-fr), to hold the table beside a CDC PDF; « N° de la
 * Ligne du Prêt » first so that several lines can share a file. The
 * streaming writer below and every renderer take them from here.
 */
export const SCHEDULE_COLUMNS: readonly Column[] = [
  column('line_id', 'N° de la Ligne du Prêt', 'identifier'),
  column('number', "N° d'échéance", 'count'),
  column('due_date', "Date d'échéance", 'date', 'contrat, art. 9'),
  column('rate_pct', "Taux d'intérêt (en %)", 'rate', 'contrat, art. 10'),
  column('payment', 'Echéance (en €)', 'amount', 'contrat, art. 12'),
  column('amortisation', 'Amortissement (en €)', 'amount', 'contrat, art. 12'),
  column('interest', 'Intérêts (en €)', 'amount', 'contrat, art. 11'),
  column('deferred_interest', 'Intérêts à différer (en €)', 'amount', 'contrat, art. 11'),
  column('capital_after', 'Capital dû après remboursement (en €)', 'amount'),
  column('deferred_stock', "Stock d'intérêts différés (en €)", 'amount', 'contrat, art. 11'),
];

/**
 * A row of the table as report cells keyed by SCHEDULE_COLUMNS (the rate
 * only when the row has one: a guarantor's part has none), for the
 * renderers of a Report (html page, guarantee schedule).
 */
export function scheduleRowCells(row: Omit<ScheduleRow, 'ratePct'> & { readonly ratePct?: Decimal }): Row {
  return {
    number: row.number,
    due_date: row.dueDate,
    ...(row.ratePct !== undefined ? { rate_pct: row.ratePct } : {}),
    payment: row.payment,
    amortisation: row.amortisation,
    interest: row.interest,
    deferred_interest: row.deferredInterest,
    capital_after: row.capitalAfter,
    deferred_stock: row.deferredStock,
  };
}

/** The header line; csv-fr starts with the UTF-8 byte-order mark, as every csv-fr output. */
export function scheduleHeader(format: TableFormat): string {
  const french = format === 'csv-fr';
  return (french ? UTF8_BOM : '') + csvLine(SCHEDULE_COLUMNS.map((c) => (french ? c.title : c.key)), separatorOf(format));
}

export function scheduleRowFields(lineId: string, row: ScheduleRow, format: TableFormat): string[] {
  return [
    lineId,
    String(row.number),
    dateText(row.dueDate, format),
    rateText(row.ratePct, format),
    amountText(row.payment, format),
    amountText(row.amortisation, format),
    amountText(row.interest, format),
    amountText(row.deferredInterest, format),
    amountText(row.capitalAfter, format),
    amountText(row.deferredStock, format),
  ];
}

/** The rows of one schedule as CSV text; csv-fr adds the CDC's « Total » row. */
export function scheduleBody(schedule: Schedule, format: TableFormat): string {
  const sep = separatorOf(format);
  let out = '';
  for (const row of schedule.rows) out += csvLine(scheduleRowFields(schedule.line.lineId, row, format), sep);
  if (format === 'csv-fr') {
    const s = schedule.summary;
    out += csvLine(
      [
        schedule.line.lineId,
        'Total',
        '',
        '',
        amountText(s.totalPayment, format),
        amountText(s.totalAmortisation, format),
        amountText(s.totalInterest, format),
        amountText(s.totalDeferredInterest, format),
        '',
        '',
      ],
      sep,
    );
  }
  return out;
}

/** One line of the json output: summary and rows, amounts as strings. */
export function scheduleJson(schedule: Schedule, actuarial: ActuarialRate = actuarialRate(loanFlows(schedule), schedule.line.periodMonths)): object {
  const s = schedule.summary;
  const f: OutputFormat = 'json';
  return {
    line_id: schedule.line.lineId,
    summary: {
      total_payment: amountText(s.totalPayment, f),
      total_amortisation: amountText(s.totalAmortisation, f),
      total_interest: amountText(s.totalInterest, f),
      total_deferred_interest: amountText(s.totalDeferredInterest, f),
      amortised_capital: amountText(s.amortisedCapital, f),
      capitalised_interest: amountText(s.capitalisedInterest, f),
      first_payment: amountText(s.firstPayment, f),
      period_rate_pct: s.periodRatePct.toDecimalPlaces(10).toFixed(),
      teg_pct: s.tegPct.toDecimalPlaces(10).toFixed(),
      actuarial_rate_pct: shownActuarialPct(actuarial.proportionalPct).toFixed(ACTUARIAL_PLACES),
      actuarial_annual_pct: shownActuarialPct(actuarial.equivalentAnnualPct).toFixed(ACTUARIAL_PLACES),
      ...(schedule.line.fees ? { fees: amountText(schedule.line.fees, f) } : {}),
      index_values: s.indexValues.map((v) => ({
        effective_date: v.effectiveDate,
        rate_pct: v.ratePct.toFixed(),
        status: v.projected ? 'projected' : 'known',
        due_numbers: [v.firstNumber, v.lastNumber],
      })),
    },
    rows: schedule.rows.map((r) => ({
      number: r.number,
      due_date: r.dueDate,
      rate_pct: rateText(r.ratePct, f),
      payment: amountText(r.payment, f),
      amortisation: amountText(r.amortisation, f),
      interest: amountText(r.interest, f),
      deferred_interest: amountText(r.deferredInterest, f),
      capital_after: amountText(r.capitalAfter, f),
      deferred_stock: amountText(r.deferredStock, f),
    })),
  };
}

/** A whole document in one of the three formats. */
export function renderSchedules(schedules: readonly Schedule[], format: OutputFormat): string {
  if (format === 'json') return JSON.stringify({ lines: schedules.map((s) => scheduleJson(s)) }, null, 2) + '\n';
  return scheduleHeader(format) + schedules.map((s) => scheduleBody(s, format)).join('');
}

const encoder = new TextEncoder();
const rateBytes = { csv: new WeakMap<Decimal, Uint8Array>(), 'csv-fr': new WeakMap<Decimal, Uint8Array>() };

function cachedRateBytes(pct: Decimal, format: TableFormat): Uint8Array {
  const cache = rateBytes[format];
  let bytes = cache.get(pct);
  if (bytes === undefined) {
    bytes = encoder.encode(rateText(pct, format));
    cache.set(pct, bytes);
  }
  return bytes;
}

/** The same bytes as `centsScheduleBody` (UTF-8), written straight into a ByteWriter: the portfolio hot path. */
export function writeCentsScheduleBody(out: ByteWriter, schedule: CentsSchedule, format: TableFormat): void {
  const sep = separatorOf(format).charCodeAt(0);
  const comma = format === 'csv-fr';
  const point = comma ? 44 : 46;
  const id = encoder.encode(csvField(schedule.line.lineId, separatorOf(format)));
  const rowBytes = id.length + 200;
  for (const r of schedule.rows) {
    const buf = out.reserve(rowBytes);
    let at = out.position;
    buf.set(id, at);
    at += id.length;
    buf[at++] = sep;
    at = writeDigits(buf, at, r.number);
    buf[at++] = sep;
    at = writeDate(buf, at, r.dueDate, comma);
    buf[at++] = sep;
    const rate = cachedRateBytes(r.ratePct, format);
    buf.set(rate, at);
    at += rate.length;
    buf[at++] = sep;
    at = writeCents(buf, at, r.payment, point);
    buf[at++] = sep;
    at = writeCents(buf, at, r.amortisation, point);
    buf[at++] = sep;
    at = writeCents(buf, at, r.interest, point);
    buf[at++] = sep;
    at = writeCents(buf, at, r.deferredInterest, point);
    buf[at++] = sep;
    at = writeCents(buf, at, r.capitalAfter, point);
    buf[at++] = sep;
    at = writeCents(buf, at, r.deferredStock, point);
    buf[at++] = 10;
    out.advanceTo(at);
  }
  if (comma) {
    out.raw(id);
    out.byte(sep);
    out.text('Total');
    out.byte(sep);
    out.byte(sep);
    out.byte(sep);
    out.cents(schedule.totalPayment, point);
    out.byte(sep);
    out.cents(schedule.totalAmortisation, point);
    out.byte(sep);
    out.cents(schedule.totalInterest, point);
    out.byte(sep);
    out.cents(schedule.totalDeferredInterest, point);
    out.byte(sep);
    out.byte(sep);
    out.byte(10);
  }
}

/** "2026-10-29", or "29/10/2026" in csv-fr, from the ISO text; returns the position after it. */
function writeDate(buf: Uint8Array, at: number, date: string, french: boolean): number {
  if (!french) {
    for (let i = 0; i < 10; i++) buf[at++] = date.charCodeAt(i);
    return at;
  }
  buf[at++] = date.charCodeAt(8);
  buf[at++] = date.charCodeAt(9);
  buf[at++] = 47;
  buf[at++] = date.charCodeAt(5);
  buf[at++] = date.charCodeAt(6);
  buf[at++] = 47;
  for (let i = 0; i < 4; i++) buf[at++] = date.charCodeAt(i);
  return at;
}

/** The text of `writeCentsScheduleBody`, for tests and small uses. */
export function centsScheduleBody(schedule: CentsSchedule, format: TableFormat): string {
  const out = new ByteWriter(4096);
  writeCentsScheduleBody(out, schedule, format);
  return new TextDecoder().decode(out.bytes());
}
