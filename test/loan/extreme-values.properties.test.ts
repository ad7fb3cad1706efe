import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { Decimal, sum } from '../../src/money/decimal.js';
import { bindHeader } from '../../src/csv/table.js';
import { CsvRecordReader } from '../../src/csv/records.js';
import { loanLineSchema } from '../../src/loan/input.js';
import { type BatchResult, amortizeBatch } from '../../src/loan/portfolio.js';
import { MAX_TABLE_FIGURE } from '../../src/loan/figure-limit.js';
import type { OutputFormat } from '../../src/output/format.js';
import { bundledLivretA } from '../helpers/loan-arbitraries.js';

/**
 * Issue 11, item 3: the integer-cents path never writes a wrong figure. Each
 * line is amortised the way `finloc amortize` does it (amortizeBatch: the
 * cents hot path for csv and csv-fr when `centsPathFits` proves the line in
 * range, the Decimal core otherwise; json always from the Decimal core), and:
 * - csv, csv-fr and json hold the same figures, row by row and in total;
 * - every table closes: Σ amortisation = capital amortised, the last capital
 *   and stock are 0, Σ deferred interest = 0, payment = amortisation +
 *   interest − deferred interest on every row;
 * - a line whose figures would pass 10^15 € is refused with the same one
 *   message in every format, and never written.
 *
 * The CI runs a seeded sample; `FINLOC_EXTREME_RUNS=20000 FINLOC_EXTREME_SEED=…`
 * runs a longer one (docs/extreme-values.md).
 */
const RUNS = Number(process.env.FINLOC_EXTREME_RUNS ?? 120);
const SEED = Number(process.env.FINLOC_EXTREME_SEED ?? 20261201);

const HEADER = 'line_id,principal,first_due_date,periods,periodicity,index,margin_pct,rate_pct,revision,progressivity_pct,progressivity_floor_pct,profile,interest_mode,day_count,prefinancing_months';
const index = bundledLivretA();

interface Line {
  readonly principal: string;
  readonly firstDueDate: string;
  readonly periods: number;
  readonly periodicity: 'annual' | 'semiannual' | 'quarterly' | 'monthly';
  readonly indexed: boolean;
  readonly marginPct: string;
  readonly ratePct: string;
  readonly revision: 'DL' | 'DR' | 'SR';
  readonly progressivityPct: string;
  readonly profile: 'payment_priority' | 'amortisation_priority';
  readonly interestMode: 'equivalent' | 'proportional';
  readonly dayCount: '30/360' | 'actual/365' | 'actual/360';
  readonly prefinancingMonths: number;
}

const csvOf = (lines: readonly Line[]) =>
  [
    HEADER,
    ...lines.map((l, i) =>
      [
        `L${i + 1}`,
        l.principal,
        l.firstDueDate,
        l.periods,
        l.periodicity,
        l.indexed ? 'livret_a' : 'none',
        l.indexed ? l.marginPct : '0',
        l.ratePct,
        l.indexed ? l.revision : 'none',
        l.progressivityPct,
        '0',
        l.profile,
        l.interestMode,
        l.dayCount,
        l.prefinancingMonths,
      ].join(','),
    ),
  ].join('\n') + '\n';

function run(text: string, format: OutputFormat): BatchResult {
  const reader = new CsvRecordReader(',', 1);
  const [header, ...records] = [...reader.push(text), ...reader.end()];
  const { binding, problems } = bindHeader(header!, loanLineSchema);
  expect(problems).toEqual([]);
  return amortizeBatch(records, { file: 'loans.csv', encoding: 'utf-8', separator: ',', binding, index, disbursements: new Map(), format });
}

interface Table {
  rows: string[][];
  totals?: string[];
}

/** The csv or csv-fr output by line id, amounts in machine form. */
function tablesOfCsv(bytes: Uint8Array, format: 'csv' | 'csv-fr'): Map<string, Table> {
  const tables = new Map<string, Table>();
  const text = new TextDecoder().decode(bytes);
  for (const record of text.split('\n').filter((l) => l !== '')) {
    // No figure may carry anything but digits, a sign and its decimal separator: a NUL or a space is a corrupted figure.
    const fields = record.split(format === 'csv' ? ',' : ';').map((f) => f.replace(',', '.'));
    expect(fields).toHaveLength(10);
    const table = tables.get(fields[0]!) ?? { rows: [] };
    tables.set(fields[0]!, table);
    if (fields[1] === 'Total') table.totals = [fields[4]!, fields[5]!, fields[6]!, fields[7]!];
    else table.rows.push(fields.slice(1));
  }
  return tables;
}

interface JsonLine {
  line_id: string;
  summary: Record<string, string>;
  rows: Record<string, string | number>[];
}

function linesOfJson(bytes: Uint8Array): JsonLine[] {
  const text = new TextDecoder().decode(bytes);
  return text === '' ? [] : (JSON.parse(`[${text.replace(/^,\n/, '')}]`) as JsonLine[]);
}

const AMOUNT = /^-?\d+\.\d\d$/;

/** Runs the lines in csv, csv-fr and json, and checks every property; returns how many were refused. */
function checkLines(lines: readonly Line[]): { refused: number; computed: number } {
  const text = csvOf(lines);
  const csv = run(text, 'csv');
  const fr = run(text, 'csv-fr');
  const json = run(text, 'json');
  // The same lines refused, with the same one message, whatever the format.
  expect(fr.problems).toEqual(csv.problems);
  expect(json.problems).toEqual(csv.problems);
  for (const p of csv.problems) expect(p.message).toMatch(/10\^15 €/);

  const csvTables = tablesOfCsv(csv.bytes, 'csv');
  const frTables = tablesOfCsv(fr.bytes, 'csv-fr');
  const jsonLines = linesOfJson(json.bytes);
  expect([...csvTables.keys()]).toEqual(jsonLines.map((l) => l.line_id));
  expect([...frTables.keys()]).toEqual(jsonLines.map((l) => l.line_id));

  for (const line of jsonLines) {
    const rows = csvTables.get(line.line_id)!.rows;
    const frTable = frTables.get(line.line_id)!;
    expect(rows.length).toBe(line.rows.length);
    line.rows.forEach((r, i) => {
      const expected = [String(r.number), r.due_date, r.rate_pct, r.payment, r.amortisation, r.interest, r.deferred_interest, r.capital_after, r.deferred_stock].map(String);
      expect(rows[i]).toEqual(expected);
      expect(frTable.rows[i]!.slice(2)).toEqual(expected.slice(2));
      for (const a of expected.slice(3)) {
        expect(a).toMatch(AMOUNT);
        expect(new Decimal(a).abs().lessThanOrEqualTo(MAX_TABLE_FIGURE)).toBe(true);
      }
      // Each row adds up: payment = amortisation + interest − deferred interest.
      expect(new Decimal(r.payment as string).equals(new Decimal(r.amortisation as string).plus(r.interest as string).minus(r.deferred_interest as string))).toBe(true);
    });
    const s = line.summary;
    expect(frTable.totals).toEqual([s.total_payment, s.total_amortisation, s.total_interest, s.total_deferred_interest]);
    // The table closes.
    const last = line.rows[line.rows.length - 1]!;
    expect(last.capital_after).toBe('0.00');
    expect(last.deferred_stock).toBe('0.00');
    expect(sum(line.rows.map((r) => new Decimal(r.amortisation as string))).equals(s.amortised_capital!)).toBe(true);
    expect(sum(line.rows.map((r) => new Decimal(r.deferred_interest as string))).isZero()).toBe(true);
    expect(new Decimal(s.total_payment!).equals(new Decimal(s.total_amortisation!).plus(s.total_interest!).minus(s.total_deferred_interest!))).toBe(true);
  }
  return { refused: csv.problems.length, computed: jsonLines.length };
}

/** A figure with `places` decimals from an integer, written as the file would hold it. */
const fixed = (units: number, places: number) => new Decimal(units).div(10 ** places).toFixed(places);

/** Extreme lines, still within the input limits: principals from 1 € to 10^13 €, rates and margins up to 1 000 %, progressivities up to 1 000 %, up to 100 years. */
const extremeLineArb: fc.Arbitrary<Line> = fc
  .record({
    principalMantissa: fc.integer({ min: 1, max: 99_999 }),
    principalExponent: fc.integer({ min: 0, max: 10 }), // × 10^e cents: up to about 10^13 €
    year: fc.integer({ min: 2026, max: 2060 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    periodicity: fc.constantFrom('annual', 'semiannual', 'quarterly', 'monthly'),
    periods: fc.oneof({ arbitrary: fc.integer({ min: 1, max: 60 }), weight: 3 }, { arbitrary: fc.integer({ min: 1, max: 1200 }), weight: 1 }),
    indexed: fc.boolean(),
    marginPct: fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.constantFrom(100_00, 1000_00, 50_00, 200_00)),
    ratePct: fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.constantFrom(230, 100_00, 1000_00)),
    revision: fc.constantFrom('DL', 'DR', 'SR'),
    progressivityPct: fc.oneof(fc.integer({ min: -5_000, max: 100_000 }), fc.constant(0)),
    profile: fc.constantFrom('payment_priority', 'amortisation_priority'),
    interestMode: fc.constantFrom('equivalent', 'proportional'),
    dayCount: fc.constantFrom('30/360', 'actual/365', 'actual/360'),
    prefinancingMonths: fc.constantFrom(0, 0, 0, 12, 120),
  })
  .map((r) => {
    const line = {
      principal: fixed(r.principalMantissa * 10 ** r.principalExponent, 2),
      firstDueDate: `${r.year}-${String(r.month).padStart(2, '0')}-${String(r.day).padStart(2, '0')}`,
      periods: r.periods,
      periodicity: r.periodicity as Line['periodicity'],
      indexed: r.indexed,
      marginPct: fixed(r.marginPct, 2),
      ratePct: fixed(r.ratePct, 2),
      revision: r.revision as Line['revision'],
      progressivityPct: fixed(r.progressivityPct, 2),
      profile: r.profile as Line['profile'],
      interestMode: r.interestMode as Line['interestMode'],
      dayCount: r.dayCount as Line['dayCount'],
      prefinancingMonths: r.prefinancingMonths,
    };
    // Within 100 years in all (the loan limit): fewer due dates when needed.
    const months = { annual: 12, semiannual: 6, quarterly: 3, monthly: 1 }[line.periodicity];
    return { ...line, periods: Math.max(1, Math.min(line.periods, Math.floor((1200 - line.prefinancingMonths) / months), Math.floor(((2199 - r.year) * 12) / months))) };
  });

describe('extreme values never give a wrong figure (issue 11, item 3)', () => {
  test("the issue's grid: a 1 M€ DL line at 2,3 % revised to Livret A + margins up to 1 000 %, over 5 to 80 years", () => {
    const margins = ['0.6', '5', '10', '20', '50', '100', '200', '300', '500', '1000'];
    const years = [5, 10, 15, 20, 25, 30, 40, 50, 80];
    const grid: Line[] = margins.flatMap((marginPct) =>
      years.map((y) => ({
        principal: '1000000.00',
        firstDueDate: '2027-01-01',
        periods: y,
        periodicity: 'annual' as const,
        indexed: true,
        marginPct,
        ratePct: '2.3',
        revision: 'DL' as const,
        progressivityPct: '0',
        profile: 'payment_priority' as const,
        interestMode: 'equivalent' as const,
        dayCount: '30/360' as const,
        prefinancingMonths: 0,
      })),
    );
    expect(grid).toHaveLength(90);
    const { refused, computed } = checkLines(grid);
    // Hand check of the boundary: at Livret A + 100 % (about 101,7 %) the stock of deferred interest about doubles
    // every year from 1 M€ = 10^6 €, so 10^15 € is passed after about log2(10^9) ≈ 30 years: 40 years and more are refused.
    expect(refused + computed).toBe(90);
    expect(refused).toBeGreaterThan(0);
    expect(computed).toBeGreaterThan(refused);
  });

  test('the line of the issue, 1 M€ at Livret A + 100 % over 40 years, is refused at the due date where it passes 10^15 €', () => {
    const csv = run(
      csvOf([
        { principal: '1000000', firstDueDate: '2027-01-01', periods: 40, periodicity: 'annual', indexed: true, marginPct: '100', ratePct: '2.3', revision: 'DL', progressivityPct: '0', profile: 'payment_priority', interestMode: 'equivalent', dayCount: '30/360', prefinancingMonths: 0 },
      ]),
      'csv',
    );
    expect(csv.bytes.length).toBe(0);
    expect(csv.problems).toHaveLength(1);
    expect(csv.problems[0]).toMatchObject({ line: 2, columnName: 'margin_pct' });
    expect(csv.problems[0]!.message).toMatch(/^due date \d+ \(01\/01\/20\d\d\): the deferred interest stock would pass 1 000 000 000 000 000 € \(10\^15 €\)/);
  });

  test(`a seeded sample of ${RUNS} extreme lines (seed ${SEED}): csv = csv-fr = json, every table closes or the line is refused`, () => {
    const lines = fc.sample(extremeLineArb, { seed: SEED, numRuns: RUNS });
    let refused = 0;
    let computed = 0;
    // In batches of 25, as the command amortises them.
    for (let i = 0; i < lines.length; i += 25) {
      const r = checkLines(lines.slice(i, i + 25));
      refused += r.refused;
      computed += r.computed;
    }
    expect(refused + computed).toBe(RUNS);
    // The sample reaches both sides of the limit.
    expect(refused).toBeGreaterThan(0);
    expect(computed).toBeGreaterThan(0);
  }, 600_000);
});
