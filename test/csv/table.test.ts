import { describe, expect, test } from 'vitest';
import { isTotalLabel, parseTable, optional, required, withDefault } from '../../src/csv/table.js';
import { amount, date, oneOf, positiveInteger, text } from '../../src/csv/fields.js';
import { formatProblem } from '../../src/errors.js';

const schema = {
  line_id: required(text, ['n° de la ligne du pret']),
  principal: required(amount, ['capital']),
  first_due_date: required(date, ['date_premiere_echeance']),
  periods: withDefault(positiveInteger, 1),
  periodicity: optional(oneOf({ annual: 'annual', annuelle: 'annual' }, 'annual'), ['periodicite']),
};

describe('tables', () => {
  test('French titles and forms', () => {
    const { rows, problems } = parseTable('N° de la Ligne du Prêt;Capital;Date première échéance;Périodicité\n5676228;569 627,00;29/10/2026;Annuelle\n', schema);
    expect(problems).toEqual([]);
    expect(rows[0]!.line).toBe(2);
    expect(rows[0]!.row.principal.toFixed(2)).toBe('569627.00');
    expect(rows[0]!.row.first_due_date).toBe('2026-10-29');
    expect(rows[0]!.row.periods).toBe(1);
    expect(rows[0]!.row.periodicity).toBe('annual');
  });
  test('one located problem per bad cell, all of them', () => {
    const { problems } = parseTable('line_id,principal,first_due_date,periods\nA,abc,2026-02-30,0\nB,,2026-01-01,3\n', schema);
    expect(problems.map((p) => formatProblem({ ...p, file: 'loans.csv' }))).toEqual([
      'loans.csv:2:2 (principal): expected an amount such as 569 627,00 or 569627.00, got "abc"',
      'loans.csv:2:3 (first_due_date): expected a date such as 2026-10-29 or 29/10/2026, got "2026-02-30"',
      'loans.csv:2:4 (periods): expected a whole number greater than zero, got "0"',
      'loans.csv:3:2 (principal): missing value',
    ]);
  });
  test('unknown, repeated and missing columns', () => {
    const { problems } = parseTable('line_id,capital,principal,colour\n', schema);
    expect(problems.map((p) => formatProblem(p))).toEqual([
      'line 1:3 (principal): column "principal" given twice',
      'line 1:4 (colour): unknown column "colour"; expected one of line_id, principal, first_due_date, periods, periodicity',
      'line 1: missing column "first_due_date"',
    ]);
  });

  test('unknown columns are refused with --strict-columns, as before', () => {
    const { problems, notes } = parseTable('line_id,principal,first_due_date,colour\nA,1,2026-01-01,red\n', schema, { strictColumns: true });
    expect(problems.map((p) => formatProblem(p))).toEqual([
      'line 1:4 (colour): unknown column "colour"; expected one of line_id, principal, first_due_date, periods, periodicity',
    ]);
    expect(notes).toEqual([]);
  });
});

const fr = (p: { line?: number; message: string }) => formatProblem({ ...p, file: 'f.csv' });

describe('tables as spreadsheets export them', () => {
  const header = 'N° de la ligne du prêt;Capital;Date première échéance';

  test('unknown columns are ignored, with one note naming them all', () => {
    const { rows, problems, notes } = parseTable(`Commentaire;${header};Couleur\nà voir;A;1 000;01/01/2026;rouge\n`, schema);
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.line, r.row.line_id, r.row.principal.toFixed(2)])).toEqual([[2, 'A', '1000.00']]);
    expect(notes.map(fr)).toEqual(['f.csv:1: unknown column(s) ignored: "Commentaire" (column 1), "Couleur" (column 5)']);
  });

  test('with a required column missing, the unknown ones are problems: one may be it, misspelt', () => {
    const { problems, notes } = parseTable('line_id;capitl;first_due_date\n', schema);
    expect(problems.map(fr)).toEqual([
      'f.csv:1:2 (capitl): unknown column "capitl"; expected one of line_id, principal, first_due_date, periods, periodicity',
      'f.csv:1: missing column "principal"',
    ]);
    expect(notes).toEqual([]);
  });

  test('a note names ten columns at most, each title cut at 80 characters', () => {
    const titles = Array.from({ length: 12 }, (_, i) => `extra${i}`);
    titles[0] = 'é'.repeat(200);
    const { notes } = parseTable(`${header};${titles.join(';')}\nA;1;01/01/2026\n`, schema);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.message).toBe(
      `unknown column(s) ignored: "${'é'.repeat(79)}…" (column 4), ${titles.slice(1, 10).map((t, i) => `"${t}" (column ${i + 5})`).join(', ')} and 2 more`,
    );
  });

  test('untitled columns (Excel\'s trailing ;;;) are read while their cells are empty; a value there is a problem', () => {
    const ok = parseTable(`${header};;;\nA;1;01/01/2026;;;\nB;2;01/01/2026\n`, schema);
    expect(ok.problems).toEqual([]);
    expect(ok.notes).toEqual([]);
    expect(ok.rows.map((r) => r.row.line_id)).toEqual(['A', 'B']);
    const strict = parseTable(`${header};;;\nA;1;01/01/2026;;;\n`, schema, { strictColumns: true });
    expect(strict.problems).toEqual([]);
    const bad = parseTable(`${header};;\nA;1;01/01/2026;;oops\n`, schema);
    expect(bad.problems.map(fr)).toEqual(['f.csv:2:5: a value in a column without a title: "oops"']);
  });

  test('empty cells past the header are nothing; a value past it is a problem, as before', () => {
    expect(parseTable(`${header}\nA;1;01/01/2026;;\n`, schema).problems).toEqual([]);
    expect(parseTable(`${header}\nA;1;01/01/2026;;x\n`, schema).problems.map(fr)).toEqual(['f.csv:2:4: 5 fields but the header has 3']);
  });

  test('lines of empty cells are skipped silently, before the header too', () => {
    const { rows, problems, notes } = parseTable(`;;;\n\n${header}\n;;\nA;1;01/01/2026\n ; \t; \n\nB;2;01/01/2026\n;;;;;;\n`, schema);
    expect(problems).toEqual([]);
    expect(notes).toEqual([]);
    expect(rows.map((r) => [r.line, r.row.line_id])).toEqual([
      [5, 'A'],
      [8, 'B'],
    ]);
    const commas = parseTable('line_id,principal,first_due_date\n,,\nA,1,2026-01-01\n,,,,,\n', schema);
    expect(commas.problems).toEqual([]);
    expect(commas.rows.map((r) => [r.line, r.row.line_id])).toEqual([[3, 'A']]);
  });

  test('total lines are skipped with a note naming their line, never read as data', () => {
    const text = `${header}\nA;1;01/01/2026\nSous-total;1;01/01/2026\nB;2;01/01/2026\n;Total général;3\nTOTAL;;\n`;
    const { rows, problems, notes } = parseTable(text, schema);
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.row.line_id)).toEqual(['A', 'B']);
    expect(notes.map(fr)).toEqual([
      'f.csv:3: total line skipped: "Sous-total"',
      'f.csv:5: total line skipped: "Total général"',
      'f.csv:6: total line skipped: "TOTAL"',
    ]);
  });

  test('a label the reader knows is data, even when it reads like a total', () => {
    const items = { item: required(text), amount: required(amount) };
    const known = (label: string) => label.toLowerCase() === 'total dépenses';
    const { rows, notes } = parseTable('item;amount\nTotal dépenses;10\nTotal;10\n', items, { isKnownLabel: known });
    expect(rows.map((r) => r.row.item)).toEqual(['Total dépenses']);
    expect(notes.map(fr)).toEqual(['f.csv:3: total line skipped: "Total"']);
  });

  test('total labels', () => {
    for (const label of ['Total', 'TOTAL', 'total:', 'Totaux', 'Sous-total', 'Sous total', 'SOUS-TOTAL 2025', 'Soustotal', 'Total général', 'Total TTC', 'Total des subventions :', 'TOTAL DU BUDGET']) {
      expect([label, isTotalLabel(label)]).toEqual([label, true]);
    }
    for (const label of ['total_expenditure', 'total_receipts', 'Totale', 'Totalement', 'Subtotal', 'Association Totem', '5676228', 'Sous-préfecture', 'Soutien total']) {
      expect([label, isTotalLabel(label)]).toEqual([label, false]);
    }
  });

  test('a message quotes at most 80 characters of a cell', () => {
    const long = 'z'.repeat(5000);
    const { problems } = parseTable(`${header}\nA;${long};01/01/2026\n`, schema);
    expect(problems.map(fr)).toEqual([`f.csv:2:2 (principal): expected an amount such as 569 627,00 or 569627.00, got "${'z'.repeat(79)}…"`]);
    const unknown = parseTable(`${header};${long}\n`, schema, { strictColumns: true });
    expect(fr(unknown.problems[0]!).length).toBeLessThan(300);
  });

  test('the notes can also be collected in a list of the caller', () => {
    const notes: { message: string }[] = [];
    parseTable(`${header};X\nTotal;1;01/01/2026\n`, schema, { notes });
    expect(notes.map((n) => n.message)).toEqual(['unknown column(s) ignored: "X" (column 4)', 'total line skipped: "Total"']);
  });
});

