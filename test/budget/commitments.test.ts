import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { Decimal, sum } from '../../src/money/decimal.js';
import { parseTable } from '../../src/csv/table.js';
import { type Commitment, carriedOver, commitmentSchema, commitmentTotals, commitmentsFromRows } from '../../src/budget/commitments.js';
import { balanceChecks, declaredRarCheck } from '../../src/budget/rar-check.js';
import { InputError, formatProblem } from '../../src/errors.js';
import { declaredRarReport, mixedDirectionsProblem, selectCommitments } from '../../src/budget/report.js';

const D = (s: string) => new Decimal(s);

function read(text: string) {
  const { rows, problems, columnOf } = parseTable(text, commitmentSchema);
  const built = commitmentsFromRows(rows, columnOf);
  return { commitments: built.commitments, problems: [...problems, ...built.problems].map(formatProblem) };
}

const LISTING =
  'reference;section;sens;compte;tiers;libellé;engagé;dégagé;mandaté;solde\n' +
  '2023-0012;investissement;dépense;2183;Société Alpha;Serveurs;120 000,00;0,00;45 000,00;75 000,00\n' +
  '2023-0047;investissement;dépense;2051;Beta Logiciels;Licences;60 000,00;5 000,00;30 000,00;30 000,00\n' +
  '2023-0088;investissement;dépense;2313;Gamma BTP;Travaux;250 000,00;;;250 000,00\n' +
  '2023-0102;investissement;recette;1321;État;DSIL;80 000,00;0,00;20 000,00;\n' +
  '2023-0115;fonctionnement;dépense;6156;Delta;Maintenance;12 000,00;0,00;9 500,00;2 500,00\n';

describe('« état des restes à réaliser »', () => {
  const { commitments, problems } = read(LISTING);
  test('each line carries over engaged − released − mandated (R2311-11: « dépenses engagées non mandatées »)', () => {
    expect(problems).toEqual([]);
    // 120 000 − 45 000 = 75 000; 60 000 − 5 000 − 30 000 = 25 000; 250 000 (released and mandated default to 0); 80 000 − 20 000; 12 000 − 9 500.
    expect(commitments.map((c) => carriedOver(c).toFixed(2))).toEqual(['75000.00', '25000.00', '250000.00', '60000.00', '2500.00']);
  });
  test('totals per section and direction, in the order I, III, II', () => {
    expect(
      commitmentTotals(commitments).map((t) => [t.section, t.direction, t.lines, ...[t.engaged, t.released, t.mandated, t.carriedOver].map((d) => d.toFixed(2))].join(' ')),
    ).toEqual([
      'investment expenditure 3 430000.00 5000.00 75000.00 350000.00',
      'investment receipt 1 80000.00 0.00 20000.00 60000.00',
      'operating expenditure 1 12000.00 0.00 9500.00 2500.00',
    ]);
  });
  test('a printed balance that leaves out the released amount is found and explained: 30 000 printed, 25 000 recomputed', () => {
    const checks = balanceChecks(commitments);
    expect(checks.map((c) => `${c.item} ${c.holds ? 'ok' : c.difference.toFixed(2)}`)).toEqual([
      'balance 2023-0012 ok',
      'balance 2023-0047 5000.00',
      'balance 2023-0088 ok',
      'balance 2023-0115 ok',
    ]);
    expect(checks[1]!.note).toBe('line 3; the released amount is not deducted');
  });
  test('the declared RAR figure against the listing: 350 000 holds; 430 000 is the gross engaged amount; 355 000 forgets the released part', () => {
    const inv = commitments.filter((c) => c.section === 'investment' && c.direction === 'expenditure');
    expect(declaredRarCheck(D('350000'), inv).holds).toBe(true);
    const gross = declaredRarCheck(D('430000'), inv);
    expect([gross.holds, gross.difference.toFixed(2), gross.note]).toEqual([false, '80000.00', '3 line(s); equals the total of column engaged (the gross engaged amount)']);
    expect(declaredRarCheck(D('355000'), inv).note).toBe('3 line(s); equals engaged − mandated: the released amounts are not deducted');
    expect(declaredRarCheck(D('-350000'), inv).note).toMatch(/opposite sign/);
  });
  test('expenditure and receipts are never added: the declared figure of a mixed selection is refused, one direction is checked', () => {
    const investment = selectCommitments(commitments, { section: 'investment' });
    expect(mixedDirectionsProblem(investment)).toBe('the listing has both expenditure and receipts');
    expect(() => declaredRarReport(D('410000'), investment)).toThrow(InputError);
    const expenditure = selectCommitments(commitments, { section: 'investment', direction: 'expenditure' });
    expect(mixedDirectionsProblem(expenditure)).toBeUndefined();
    // 350 000 (the three expenditure lines), then the three printed balances of those lines.
    expect(declaredRarReport(D('350000'), expenditure).checks.map((c) => [c.item, c.holds])).toEqual([
      ['rar_total', true], ['balance 2023-0012', true], ['balance 2023-0047', false], ['balance 2023-0088', true],
    ]);
  });
  test('a line that releases and mandates more than it engaged is reported where it is', () => {
    expect(read('reference,section,direction,engaged,released,mandated\nX,investment,expenditure,100,30,80\nY,operating,receipt,abc,0,0\n').problems).toEqual([
      'line 3:4 (engaged): expected an amount such as 569 627,00 or 569627.00, got "abc"',
      'line 2:6 (mandated): released 30.00 + mandated 80.00 exceed engaged 100.00: a commitment cannot carry over a negative amount',
    ]);
  });
});

const commitmentArb: fc.Arbitrary<Commitment> = fc
  .record({
    section: fc.constantFrom('investment' as const, 'operating' as const),
    direction: fc.constantFrom('expenditure' as const, 'receipt' as const),
    released: fc.integer({ min: 0, max: 100_000_000 }),
    mandated: fc.integer({ min: 0, max: 100_000_000 }),
    left: fc.integer({ min: 0, max: 100_000_000 }),
    id: fc.nat(),
  })
  .map((r) => ({
    line: 2,
    reference: `R${String(r.id)}`,
    section: r.section,
    direction: r.direction,
    engaged: new Decimal(r.released + r.mandated + r.left).div(100),
    released: new Decimal(r.released).div(100),
    mandated: new Decimal(r.mandated).div(100),
  }));

describe('invariants of the listing', () => {
  test.prop([fc.array(commitmentArb, { maxLength: 40 })])('the rar total equals the sum of the lines\' carried-over amounts', (lines) => {
    const byLine = sum(lines.map(carriedOver));
    expect(sum(commitmentTotals(lines).map((t) => t.carriedOver)).equals(byLine)).toBe(true);
    expect(declaredRarCheck(byLine, lines).holds).toBe(true);
    expect(commitmentTotals(lines).reduce((n, t) => n + t.lines, 0)).toBe(lines.length);
  });
  test.prop([fc.array(commitmentArb, { maxLength: 40 })])('each group\'s total carried over is its engaged − released − mandated totals', (lines) => {
    for (const t of commitmentTotals(lines)) expect(t.carriedOver.equals(t.engaged.minus(t.released).minus(t.mandated))).toBe(true);
  });
});
