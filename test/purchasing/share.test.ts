import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { Decimal, sum } from '../../src/money/decimal.js';
import { roundToTotal, splitInProportion } from '../../src/money/largest-remainder.js';
import { shareAmount } from '../../src/purchasing/share.js';
import { readShareKeys } from '../../src/purchasing/share-input.js';
import { problemsOf } from '../helpers/problems.js';

const d = (s: string | number) => new Decimal(s);
const keys = (...k: (string | number)[]) => k.map((key, i) => ({ memberId: `M${i + 1}`, key: d(key) }));
const shares = (amount: string, ...k: (string | number)[]) => shareAmount(d(amount), keys(...k)).map((s) => s.share.toFixed(2));

describe('shareAmount: worked examples (hand computations beside each)', () => {
  test.each([
    // issue 16: 100,00 in three equal keys: 33,333… each, half-up 33,33 × 3 = 99,99; the missing cent to the first listed (equal remainders).
    { amount: '100.00', keys: [1, 1, 1], expected: ['33.34', '33.33', '33.33'] },
    // damages received, given back: −100,00 shared as its opposite.
    { amount: '-100.00', keys: [1, 1, 1], expected: ['-33.34', '-33.33', '-33.33'] },
    // 1 000,00 by expenses 12 000 / 30 000 / 8 000 (50 000): 240,00 / 600,00 / 160,00, exact, nothing moves.
    { amount: '1000.00', keys: ['12000', '30000', '8000'], expected: ['240.00', '600.00', '160.00'] },
    // 0,05 by 1 / 1: 0,025 each, half-up 0,03 + 0,03 = 0,06; one cent back from the last listed (equal remainders): 0,03 / 0,02.
    { amount: '0.05', keys: [1, 1], expected: ['0.03', '0.02'] },
    // 10,00 by 1 / 2 / 3 (6): 1,666… → 1,67; 3,333… → 3,33; 5,00: 1,67 + 3,33 + 5,00 = 10,00, kept.
    { amount: '10.00', keys: [1, 2, 3], expected: ['1.67', '3.33', '5.00'] },
    // 1,00 by 7 equal keys: 0,142857… → 0,14 × 7 = 0,98; the two missing cents to the first two listed.
    { amount: '1.00', keys: [1, 1, 1, 1, 1, 1, 1], expected: ['0.15', '0.15', '0.14', '0.14', '0.14', '0.14', '0.14'] },
    // a zero key gets nothing: 50,00 by 0 / 1 → 0,00 / 50,00.
    { amount: '50.00', keys: [0, 1], expected: ['0.00', '50.00'] },
  ])('$amount by $keys → $expected', ({ amount, keys: k, expected }) => {
    expect(shares(amount, ...k)).toEqual(expected);
  });

  test('the exact share is kept unrounded; the half-up share is beside it', () => {
    const [a] = shareAmount(d('100'), keys(1, 1, 1));
    expect(a!.exact.toDecimalPlaces(10).toFixed()).toBe('33.3333333333');
    expect(a!.halfUp.toFixed(2)).toBe('33.33');
  });

  test('an amount with fractions of a cent is refused', () => {
    expect(() => shareAmount(d('1.005'), keys(1))).toThrow(RangeError);
  });
});

describe('roundToTotal: the one largest-remainder implementation', () => {
  test('the guarantee split and finloc share give the same parts on the same proportions', () => {
    // 0,10 at 33,33 / 33,33 / 33,34 % (guarantee test): 0,03 / 0,03 / 0,04.
    expect(splitInProportion(d('0.10'), [d('33.33'), d('33.33'), d('33.34')]).rounded.map((p) => p.toFixed(2))).toEqual(['0.03', '0.03', '0.04']);
  });
  test('weights must be zero or more with a positive total', () => {
    expect(() => splitInProportion(d(1), [d(0), d(0)])).toThrow(RangeError);
    expect(() => splitInProportion(d(1), [d(-1), d(2)])).toThrow(RangeError);
  });
  test('no parts, nothing to round', () => {
    expect(roundToTotal(d(0), [])).toEqual([]);
  });
});

const keyArb = fc.oneof(fc.integer({ min: 0, max: 1_000_000 }).map((n) => d(n)), fc.integer({ min: 0, max: 10_000_000_000 }).map((n) => d(n).div(100)));
const keysArb = fc.array(keyArb, { minLength: 1, maxLength: 12 }).filter((k) => sum(k).greaterThan(0));
const amountArb = fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }).map((c) => d(c).div(100));

describe('shareAmount: properties', () => {
  test.prop([amountArb, keysArb])('the shares add up exactly to the amount', (amount, k) => {
    const s = shareAmount(amount, k.map((key, i) => ({ memberId: String(i), key })));
    expect(sum(s.map((x) => x.share)).equals(amount)).toBe(true);
  });
  test.prop([amountArb, keysArb])('each share is less than one cent from its exact value', (amount, k) => {
    for (const x of shareAmount(amount, k.map((key, i) => ({ memberId: String(i), key })))) {
      expect(x.share.minus(x.exact).abs().lessThan(d('0.01'))).toBe(true);
    }
  });
  test.prop([amountArb, keysArb])('a negative amount is shared as its opposite', (amount, k) => {
    const m = k.map((key, i) => ({ memberId: String(i), key }));
    const plus = shareAmount(amount, m).map((x) => x.share);
    const minus = shareAmount(amount.negated(), m).map((x) => x.share.negated());
    expect(minus.map((x) => x.toFixed(2))).toEqual(plus.map((x) => x.toFixed(2)));
  });
});

describe('readShareKeys', () => {
  test('French titles, a key with decimals and grouping', () => {
    expect(readShareKeys('Membre;Clé de répartition\nVaulx-en-Velin;12 500,50\nBron;3\n')).toEqual([
      { memberId: 'Vaulx-en-Velin', key: d('12500.5') },
      { memberId: 'Bron', key: d(3) },
    ]);
  });
  test('a negative key, a member twice, all keys zero: one problem per line', () => {
    const problems = (csv: string) => problemsOf(() => readShareKeys(csv));
    expect(problems('member_id,key\nA,-1\n')).toEqual(['2:2 expected a number of zero or more, got "-1"']);
    expect(problems('member_id,key\nA,1\nA,2\n')).toEqual(['3:1 member "A" already on line 2; expected each once']);
    expect(problems('member_id,key\nA,0\nB,0\n')).toEqual(['2: every key is zero; expected at least one key greater than zero']);
  });
});
