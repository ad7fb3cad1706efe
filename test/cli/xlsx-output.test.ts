import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, test } from 'vitest';
import ExcelJS from 'exceljs';
import { runCli } from '../../cli/main.js';
import { ScheduleSheetWriter } from '../../src/loan/xlsx-schedule.js';
import { runFinloc, tempDir } from '../helpers/cli.js';

// Issue 15, item 1: --format xlsx for every command, read back with exceljs (the library that writes it).

async function workbook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as never);
  return wb;
}

type JsonRow = Record<string, string | number | boolean | null>;

/**
 * Each row of the json's first table against the first sheet, in order (the
 * sheet adds « Total » rows between them): amounts as numeric cells equal to
 * the json's exact strings, rates as fractions, dates as date cells, counts
 * as integers, identifiers as text.
 */
function sameAsJson(sheet: ExcelJS.Worksheet, rows: JsonRow[], keys: string[]): void {
  const expected = (json: JsonRow, cell: ExcelJS.Cell, key: string): unknown => {
    const value = json[key];
    if (value === null || value === undefined) return null;
    const fmt = cell.numFmt ?? '';
    if (fmt.includes('€')) return Number(value);
    if (fmt.includes('%')) return Number((Number(value) / 100).toPrecision(12));
    if (fmt === '0') return value;
    return String(value);
  };
  const actual = (cell: ExcelJS.Cell): unknown => {
    const v = cell.value;
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    if (typeof v === 'number' && (cell.numFmt ?? '').includes('%')) return Number(v.toPrecision(12));
    return v ?? null;
  };
  // Typed cells only: a text column holds the French word (« conforme ») where the json has the machine one (ok).
  const typed = (cell: ExcelJS.Cell) => cell.numFmt !== undefined || cell.value instanceof Date;
  let r = 2;
  let compared = 0;
  for (const json of rows) {
    const matches = (row: ExcelJS.Row) => keys.every((key, k) => !typed(row.getCell(k + 1)) || actual(row.getCell(k + 1)) === expected(json, row.getCell(k + 1), key));
    while (r <= sheet.rowCount && !matches(sheet.getRow(r))) r++;
    expect([JSON.stringify(json), r <= sheet.rowCount]).toEqual([JSON.stringify(json), true]);
    compared += keys.filter((_, k) => typed(sheet.getRow(r).getCell(k + 1))).length;
    r++;
  }
  // Every json row had typed cells to compare (amounts, rates, dates, counts, identifiers).
  expect(compared).toBeGreaterThanOrEqual(rows.length);
}

/** Frozen header, autofilter over the header, French titles. */
function headerIsReady(sheet: ExcelJS.Worksheet, titles: string[]): void {
  expect((sheet.getRow(1).values as unknown[]).slice(1, titles.length + 1)).toEqual(titles);
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(sheet.autoFilter).toBeTruthy();
}

describe('--format xlsx: every command, read back', () => {
  const cases: [string, string[], string][] = [
    ['allocate', ['allocate', 'data/examples/sitiv-2023-results.csv', '--check', 'data/examples/sitiv-2023-declared.csv'], 'allocation'],
    ['rar', ['rar', 'data/examples/rar-example.csv'], ''],
    ['guarantee', ['guarantee', 'data/examples/cdc-180000.csv', 'data/examples/guarantees-180000.csv', '--report', 'schedule'], ''],
    ['subsidies', ['subsidies', 'data/examples/gannat-2026-subsidies.csv', '--envelope', 'operating=70000', '--envelope', 'exceptional=50000'], ''],
    ['late-interest procurement', ['late-interest', 'procurement', 'data/examples/invoices.csv'], ''],
    ['late-interest loan', ['late-interest', 'loan', 'data/examples/unpaid.csv'], ''],
  ];
  test.each(cases)('%s: one sheet per table with the json figures, typed', async (_, args) => {
    const dir = tempDir();
    const out = join(dir, 'report.xlsx');
    const r = await runFinloc([...args, '-o', out]);
    expect(r.code === 0 || r.code === 1).toBe(true);
    const json = JSON.parse((await runFinloc([...args, '--format', 'json'])).stdout) as { tables: Record<string, JsonRow[]>; checks: unknown[]; notes: unknown[] };
    const wb = await workbook(out);
    const tables = Object.entries(json.tables);
    const first = wb.worksheets[0]!;
    const [, rows] = tables[0] ?? ['checks', []];
    expect(first.rowCount).toBeGreaterThanOrEqual(rows.length + 1);
    const keys = Object.keys(rows[0] ?? {});
    expect(keys.length).toBeGreaterThan(0);
    headerIsReady(first, (first.getRow(1).values as string[]).slice(1, keys.length + 1));
    sameAsJson(first, rows, keys);
    // One sheet per table, then the checks and the notes when there are.
    expect(wb.worksheets.length).toBe(tables.length + (json.checks.length > 0 ? 1 : 0) + (json.notes.length > 0 ? 1 : 0));
    if (json.checks.length > 0) expect(wb.worksheets.some((s) => s.name === 'Contrôles')).toBe(true);
  });

  test('amortize: the golden CDC table 180000, 25 rows of numbers, and a « Total » row of formulas evaluating to the contract totals', async () => {
    const dir = tempDir();
    const out = join(dir, 'table.xlsx');
    const r = await runFinloc(['amortize', 'data/examples/cdc-180000.csv', '-o', out]);
    expect(r.code).toBe(0);
    const csv = (await runFinloc(['amortize', 'data/examples/cdc-180000.csv'])).stdout.trim().split('\n').slice(1).map((l) => l.split(','));
    const wb = await workbook(out);
    const sheet = wb.getWorksheet("Tableau d'amortissement")!;
    headerIsReady(sheet, ['N° de la Ligne du Prêt', "N° d'échéance", "Date d'échéance", "Taux d'intérêt (en %)", 'Echéance (en €)', 'Amortissement (en €)', 'Intérêts (en €)']);
    expect(csv).toHaveLength(25);
    csv.forEach((fields, i) => {
      const row = sheet.getRow(i + 2);
      expect(row.getCell(1).value).toBe('5676228');
      expect(row.getCell(2).value).toBe(i + 1);
      expect((row.getCell(3).value as Date).toISOString().slice(0, 10)).toBe(fields[2]);
      for (let k = 5; k <= 10; k++) expect(row.getCell(k).value).toBe(Number(fields[k - 1]));
    });
    const total = sheet.getRow(27);
    expect([total.getCell(1).value, total.getCell(2).value]).toEqual(['5676228', 'Total']);
    // The formulas, evaluated here by summing the cells they name; the contract's totals: 755 354,37 / 569 627,00 / 185 727,37.
    const evaluate = (cell: ExcelJS.Cell) => {
      const f = (cell.value as ExcelJS.CellFormulaValue).formula;
      const m = /^SUM\('Tableau d''amortissement'!([A-J])(\d+):\1(\d+)\)$/.exec(f)!;
      let cents = 0;
      for (let row = Number(m[2]); row <= Number(m[3]); row++) cents += Math.round((sheet.getRow(row).getCell(m[1]!).value as number) * 100);
      return { cents, cached: (cell.value as ExcelJS.CellFormulaValue).result };
    };
    expect(evaluate(total.getCell(5))).toEqual({ cents: 75535437, cached: 755354.37 });
    expect(evaluate(total.getCell(6))).toEqual({ cents: 56962700, cached: 569627 });
    expect(evaluate(total.getCell(7))).toEqual({ cents: 18572737, cached: 185727.37 });
    expect(wb.getWorksheet('Notes')).toBeDefined();
  });

  test('a sheet full at its last row goes on in « (2) », and a line total sums its cells on both sheets', async () => {
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    const writer = new ScheduleSheetWriter(new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true }), 'Tableau', 3);
    // A sheet holds its header and 2 rows. Line A: three rows (10 + 20 + 30 = 60,00 of payment): its third row and its
    // total go to « Tableau (2) »; line B and its total to « Tableau (3) ».
    writer.addCsvRows('A,1,2026-01-01,2.00,10.00,9.00,1.00,0.00,91.00,0.00\nA,2,2027-01-01,2.00,20.00,19.00,1.00,0.00,72.00,0.00\n');
    writer.addCsvRows('A,3,2028-01-01,2.00,30.00,29.00,1.00,0.00,43.00,0.00\n"B, ""bis""",1,2026-06-01,2.50,5.00,5.00,0.00,0.00,0.00,0.00\n');
    await writer.finish([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(chunks) as never);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Tableau', 'Tableau (2)', 'Tableau (3)']);
    const second = wb.getWorksheet('Tableau (2)')!;
    const totalA = second.getRow(3);
    expect(totalA.getCell(5).value).toEqual({ formula: "SUM('Tableau'!E2:E3,'Tableau (2)'!E2:E2)", result: 60 });
    // A line id with a comma and quotes comes back whole, as text.
    expect(wb.getWorksheet('Tableau (3)')!.getRow(2).getCell(1).value).toBe('B, "bis"');
  });
});

describe('the format and -o agree', () => {
  const inv = 'data/examples/invoices.csv';
  test('-o x.xlsx without --format writes xlsx', async () => {
    const out = join(tempDir(), 'x.xlsx');
    const r = await runFinloc(['late-interest', 'procurement', inv, '-o', out]);
    expect(r.code).toBe(0);
    expect(readFileSync(out).subarray(0, 4)).toEqual(Buffer.from('PK\x03\x04', 'latin1'));
  });
  test.each([
    [['-o', 'x.xlsx', '--format', 'csv'], 'finloc: -o x.xlsx: a .xlsx file is written with --format xlsx, not csv; the extension and the format must agree\n'],
    [['-o', 'x.csv', '--format', 'xlsx'], 'finloc: --format xlsx writes a .xlsx file: give -o FILE.xlsx, not x.csv\n'],
  ])('%j is refused, exit 2, nothing written', async (args, message) => {
    const dir = tempDir();
    const r = await runFinloc(['late-interest', 'procurement', inv, ...args], { cwd: dir });
    expect([r.code, r.stderr]).toEqual([2, message.replace('data/examples', '')]);
  });
  test('a workbook is never written to a terminal', async () => {
    let stderr = '';
    const code = await runCli(['late-interest', 'procurement', inv, '--format', 'xlsx'], {
      stdout: { write: () => true },
      stderr: { write: (t: string) => (stderr += t) },
      stderrIsTty: true,
      stdoutIsTty: true,
      cwd: process.cwd(),
    });
    expect([code, stderr]).toEqual([2, 'finloc: --format xlsx writes a binary .xlsx file: give -o FILE.xlsx (or redirect standard output)\n']);
  });
});
