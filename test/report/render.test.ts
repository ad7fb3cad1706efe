import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/money/decimal.js';
import { cellJson, cellText } from '../../src/report/cells.js';
import { checkFigure, checksTable } from '../../src/report/check.js';
import { column, report, word, type Table } from '../../src/report/model.js';
import { renderReport, UTF8_BOM } from '../../src/report/render.js';

const d = (s: string) => new Decimal(s);

describe('cells', () => {
  it.each([
    ['amount', d('30214.17'), '30214.17', '30214,17', '30214.17'],
    ['amount', d('500000.005'), '500000.005', '500000,005', '500000.005'],
    ['amount', d('-0'), '0.00', '0,00', '0.00'],
    ['amount', d('12'), '12.00', '12,00', '12.00'],
    ['rate', d('2.3'), '2.30', '2,30', '2.30'],
    ['rate', d('3.125'), '3.125', '3,125', '3.125'],
    ['number', d('-0'), '0', '0', '0'],
    ['number', d('0.45'), '0.45', '0,45', '0.45'],
    ['date', '2027-10-29', '2027-10-29', '29/10/2027', '2027-10-29'],
    ['identifier', '24/12', '24/12', '24/12', '24/12'],
  ] as const)('%s %s: csv %s, csv-fr %s, json %s', (kind, value, machine, french, json) => {
    expect(cellText(value, kind, 'machine')).toBe(machine);
    expect(cellText(value, kind, 'french')).toBe(french);
    expect(cellJson(value, kind)).toBe(json);
  });

  it('counts are numbers in json, flags booleans, words their machine form, empty cells null', () => {
    expect(cellJson(25, 'count')).toBe(25);
    expect(cellJson(true, 'flag')).toBe(true);
    expect(cellText(false, 'flag', 'french')).toBe('non');
    expect(cellJson(word('ok', 'conforme'), 'text')).toBe('ok');
    expect(cellText(word('ok', 'conforme'), 'text', 'french')).toBe('conforme');
    expect(cellJson(undefined, 'amount')).toBeNull();
  });
});

describe('checks', () => {
  it('difference = declared − recomputed: a grant of 2 430 declared as 2 420 is −10', () => {
    const c = checkFigure('total', d('2420'), d('2430'));
    expect(c.difference.toFixed()).toBe('-10');
    expect(c.holds).toBe(false);
  });

  it('a suspect explains a wrong figure', () => {
    const c = checkFigure('A2', d('-5'), d('5'), [{ value: d('-5'), note: 'sign reversed' }]);
    expect(c.note).toBe('sign reversed');
  });
});

describe('renderReport', () => {
  const table: Table = {
    key: 'figures',
    title: 'Chiffres',
    columns: [column('item', 'Poste', 'identifier'), column('amount', 'Montant', 'amount'), column('status', 'Statut', 'text')],
    rows: [
      { item: 'a;b', amount: d('1.5'), status: word('ok', 'conforme') },
      { item: 'say "x"', amount: d('-2'), status: undefined },
    ],
  };
  const r = report('figures', [table], { checks: [checkFigure('a', d('1'), d('1'))], notes: [{ kind: 'note', text: 'n' }] });

  it('csv: keys as header, point, quoting only what must be', async () => {
    expect(await renderReport(r, 'csv')).toBe('item,amount,status\na;b,1.50,ok\n"say ""x""",-2.00,\n');
  });

  it('csv-fr: UTF-8 byte-order mark, French titles, `;`, decimal comma', async () => {
    expect(await renderReport(r, 'csv-fr')).toBe(UTF8_BOM + 'Poste;Montant;Statut\n"a;b";1,50;conforme\n"say ""x""";-2,00;\n');
  });

  it('json: tables keyed, amounts as strings, checks with all_hold, notes', async () => {
    expect(JSON.parse(await renderReport(r, 'json'))).toEqual({
      report: 'figures',
      all_hold: true,
      tables: { figures: [{ item: 'a;b', amount: '1.50', status: 'ok' }, { item: 'say "x"', amount: '-2.00', status: null }] },
      checks: [{ item: 'a', declared: '1.00', recomputed: '1.00', difference: '0.00', verdict: 'ok', note: null }],
      notes: [{ kind: 'note', text: 'n' }],
    });
  });

  it('a report without tables writes its checks as the csv table', async () => {
    const checks = [checkFigure('x', d('10'), d('7.5'))];
    expect(await renderReport(report('checks', [], { checks }), 'csv')).toBe('item,declared,recomputed,difference,verdict,note\nx,10.00,7.50,2.50,differs,\n');
    expect(checksTable(checks).rows).toHaveLength(1);
  });
});
