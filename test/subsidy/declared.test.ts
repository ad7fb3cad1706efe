import { describe, expect, test } from 'vitest';
import { dec } from '../../src/money/decimal.js';
import { subsidyReport } from '../../src/subsidy/report.js';
import type { Grant } from '../../src/subsidy/types.js';

const g = (envelope: string, kind: string | undefined, amount: string, extra: Partial<Grant> = {}): Grant => ({
  beneficiary: 'A', envelope, ...(kind ? { kind } : {}), amount: dec(amount), ceiling: false, euNotified: false, ...extra,
});
const GRANTS = [g('Fonctionnement', 'arbitrage', '1000'), g('fonctionnement', 'jeunes', '60', { ratePerMember: dec(20) }), g('Exceptionnelle', 'projet', '500'), g('exceptionnelle', 'jeunes', '40')];

function declared(name: string, amount: string) {
  const r = subsidyReport(GRANTS, { envelopes: [], declared: [{ name, amount: dec(amount) }] });
  return r.ok ? r.report.declared[0]! : r.problems;
}

describe('--declared-total: what a name designates', () => {
  test('an envelope, written any case or accent (1 000 + 60 = 1 060)', () => {
    expect(declared('FONCTIONNEMENT', '1060')).toMatchObject({ scope: 'envelope Fonctionnement', holds: true });
  });
  test('envelope/kind (60), a kind across envelopes (60 + 40 = 100), total (1 000 + 60 + 500 + 40 = 1 600)', () => {
    expect(declared('fonctionnement/jeunes', '60')).toMatchObject({ holds: true });
    expect(declared('jeunes', '100')).toMatchObject({ scope: 'kind jeunes', holds: true });
    expect(declared('total', '1600')).toMatchObject({ scope: 'every grant', holds: true });
  });
  test('a figure that does not add up: difference = declared − recomputed (1 100 − 1 060 = 40)', () => {
    const d = declared('fonctionnement', '1100') as { holds: boolean; difference: { toFixed(n: number): string } };
    expect(d.holds).toBe(false);
    expect(d.difference.toFixed(2)).toBe('40.00');
  });
  test('a name nothing in the file bears is a problem', () => {
    expect(declared('investissement', '10')).toEqual([{ message: expect.stringContaining('--declared-total investissement: no envelope') }]);
  });
});

describe('check mode: envelopes', () => {
  test('a grant outside the voted envelopes is located by its line', () => {
    const r = subsidyReport([g('fonctionnement', undefined, '10', { line: 7 }), g('culture', undefined, '10', { line: 8 })], { envelopes: [{ name: 'Fonctionnement', amount: dec(100) }], declared: [] });
    expect(r).toEqual({ ok: false, problems: [{ line: 8, columnName: 'envelope', message: 'unknown envelope "culture"; the envelopes voted (--envelope) are Fonctionnement' }] });
  });
  test('an envelope overspent does not hold: 1 060 committed on 1 000 voted leaves −60', () => {
    const r = subsidyReport(GRANTS, { envelopes: [{ name: 'fonctionnement', amount: dec(1000) }, { name: 'exceptionnelle', amount: dec(1000) }], declared: [] });
    if (!r.ok) throw new Error('unexpected');
    expect(r.report.balances.map((b) => [b.envelope, b.remaining.toFixed(2), b.overspent])).toEqual([['fonctionnement', '-60.00', true], ['exceptionnelle', '460.00', false]]);
    expect(r.report.holds).toBe(false);
  });
  test('a complement that is not a whole multiple makes the report fail too', () => {
    const r = subsidyReport([g('f', 'jeunes', '70', { ratePerMember: dec(20) })], { envelopes: [], declared: [] });
    expect(r.ok && r.report.holds).toBe(false);
  });
});
