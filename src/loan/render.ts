import { csvField, csvLine } from '../csv/write.js';
import { type Column, type Row, column } from '../report/model.js';
import { UTF8_BOM } from '../report/render.js';
import type { Decimal } from '../money/decimal.js';
import type { CentsRowSink, CentsSchedule, CentsTotals } from './schedule-in-cents.js';
import { ymd } from '../calendar/date.js';
import { ByteWriter, writeCents, writeDigits, writeText } from '../output/byte-writer.js';
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

/**
 * The rows of the cents path written straight into a ByteWriter as they are
 * computed (UTF-8, the bytes of `scheduleBody`): the portfolio hot path.
 * `begin` names the line, `row` comes from `amortizeInCentsTo`, `total`
 * closes the table (the « Total » row of csv-fr).
 */
export class CentsRowWriter implements CentsRowSink {
  private readonly sep: number;
  private readonly french: boolean;
  private readonly point: number;
  // The line's identifier as written (quoted when it must be), encoded into a buffer kept from line to line.
  private idBuffer = new Uint8Array(64);
  private idLength = 0;
  // Consecutive rows share their rate's Decimal (the terms of a period): its bytes are looked up when it changes.
  private lastRate: Decimal | undefined;
  private lastRateBytes: Uint8Array = new Uint8Array(0);

  constructor(
    private readonly out: ByteWriter,
    private readonly format: TableFormat,
  ) {
    this.sep = separatorOf(format).charCodeAt(0);
    this.french = format === 'csv-fr';
    this.point = this.french ? 44 : 46;
  }

  begin(lineId: string): void {
    const field = csvField(lineId, separatorOf(this.format));
    if (field.length * 3 > this.idBuffer.length) this.idBuffer = new Uint8Array(field.length * 3);
    this.idLength = writeText(this.idBuffer, 0, field);
  }

  // A method, not an arrow field: one function for every writer, where a closure made per batch made the optimised
  // amortizeInCentsTo give up its inlined call on the next batch (« wrong call target », V8's --trace-deopt).
  row(
    number: number,
    year: number,
    month: number,
    day: number,
    ratePct: Decimal,
    payment: number,
    amortisation: number,
    interest: number,
    deferredInterest: number,
    capitalAfter: number,
    deferredStock: number,
  ): void {
    if (ratePct !== this.lastRate) {
      this.lastRate = ratePct;
      this.lastRateBytes = cachedRateBytes(ratePct, this.format);
    }
    const { out, sep, point, idBuffer: id, idLength } = this;
    const rate = this.lastRateBytes;
    const buf = out.reserve(idLength + rate.length + 200);
    let at = out.position;
    // Byte loops: a few bytes each, where TypedArray.set costs a call into the runtime.
    for (let i = 0; i < idLength; i++) buf[at++] = id[i]!;
    buf[at++] = sep;
    at = writeDigits(buf, at, number);
    buf[at++] = sep;
    at = writeDate(buf, at, year, month, day, this.french);
    buf[at++] = sep;
    for (let i = 0; i < rate.length; i++) buf[at++] = rate[i]!;
    buf[at++] = sep;
    at = writeCents(buf, at, payment, point);
    buf[at++] = sep;
    at = writeCents(buf, at, amortisation, point);
    buf[at++] = sep;
    at = writeCents(buf, at, interest, point);
    buf[at++] = sep;
    at = writeCents(buf, at, deferredInterest, point);
    buf[at++] = sep;
    at = writeCents(buf, at, capitalAfter, point);
    buf[at++] = sep;
    at = writeCents(buf, at, deferredStock, point);
    buf[at++] = 10;
    out.advanceTo(at);
  }

  total(totals: CentsTotals): void {
    if (!this.french) return;
    const { out, sep, point } = this;
    out.raw(this.idBuffer.subarray(0, this.idLength));
    out.byte(sep);
    out.text('Total');
    out.byte(sep);
    out.byte(sep);
    out.byte(sep);
    out.cents(totals.totalPayment, point);
    out.byte(sep);
    out.cents(totals.totalAmortisation, point);
    out.byte(sep);
    out.cents(totals.totalInterest, point);
    out.byte(sep);
    out.cents(totals.totalDeferredInterest, point);
    out.byte(sep);
    out.byte(sep);
    out.byte(10);
  }
}

/** A table of cents rows already computed, written by `CentsRowWriter`. */
export function writeCentsScheduleBody(out: ByteWriter, schedule: CentsSchedule, format: TableFormat): void {
  const writer = new CentsRowWriter(out, format);
  writer.begin(schedule.line.lineId);
  for (const r of schedule.rows) {
    const { year, month, day } = ymd(r.dueDate);
    writer.row(r.number, year, month, day, r.ratePct, r.payment, r.amortisation, r.interest, r.deferredInterest, r.capitalAfter, r.deferredStock);
  }
  writer.total(schedule);
}

/** "2026-10-29", or "29/10/2026" in csv-fr (years of four digits); returns the position after it. */
function writeDate(buf: Uint8Array, at: number, year: number, month: number, day: number, french: boolean): number {
  if (french) {
    at = writeTwoDigits(buf, at, day);
    buf[at++] = 47;
    at = writeTwoDigits(buf, at, month);
    buf[at++] = 47;
    return writeYear(buf, at, year);
  }
  at = writeYear(buf, at, year);
  buf[at++] = 45;
  at = writeTwoDigits(buf, at, month);
  buf[at++] = 45;
  return writeTwoDigits(buf, at, day);
}

/** A year of four digits (finloc's dates run from 1900 to 2199). */
function writeYear(buf: Uint8Array, at: number, year: number): number {
  return writeTwoDigits(buf, writeTwoDigits(buf, at, Math.floor(year / 100)), year % 100);
}

function writeTwoDigits(buf: Uint8Array, at: number, n: number): number {
  buf[at] = 48 + Math.floor(n / 10);
  buf[at + 1] = 48 + (n % 10);
  return at + 2;
}

/** The text of `writeCentsScheduleBody`, for tests and small uses. */
export function centsScheduleBody(schedule: CentsSchedule, format: TableFormat): string {
  const out = new ByteWriter(4096);
  writeCentsScheduleBody(out, schedule, format);
  return new TextDecoder().decode(out.bytes());
}
