import { readFileSync } from 'node:fs';
import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { Decimal } from '../../src/money/decimal.js';
import { type Criterion, priceScore, scoreOffers } from '../../src/purchasing/score.js';
import { readCriteria, readOffers } from '../../src/purchasing/score-input.js';
import { runFinloc, tempDir, writeFile } from '../helpers/cli.js';
import { problemsOf } from '../helpers/problems.js';

const d = (s: string | number) => new Decimal(s);
const GEX = readCriteria(readFileSync('data/examples/gex-criteria.csv', 'utf8'));
const offers = (csv: string) => readOffers(csv, GEX);
const problems = problemsOf;

describe('the Gex criteria (règlement de la consultation, art. 7), three offers', () => {
  test('prices by the règle de trois, marks, totals and ranks (hand computations)', () => {
    const scored = scoreOffers(GEX, offers(readFileSync('data/examples/gex-offers.csv', 'utf8')));
    const view = scored.map((s) => [s.offer.offerId, s.scores.get('1')!.toFixed(2), s.scores.get('2')!.toFixed(2), s.total.toFixed(2), s.rank]);
    expect(view).toEqual([
      // 58 000 / 62 000 × 40 = 37,419…; 8 + 20 + 22 = 50; 87,419…
      ['Entreprise A', '37.42', '50.00', '87.42', 2],
      // the lowest price: the whole 40; 6 + 18 + 15 = 39; 79
      ['Entreprise B', '40.00', '39.00', '79.00', 3],
      // 58 000 / 71 500 × 40 = 32,447…; 10 + 24 + 23 = 57; 89,447…
      ['Entreprise C', '32.45', '57.00', '89.45', 1],
    ]);
    // B: 58 000 / mean(62 000, 71 500) = 58 000 / 66 750 = 86,89 % ≥ 80 %: not flagged.
    expect(scored.map((s) => s.possiblyAbnormallyLow)).toEqual([false, false, false]);
    expect(scored[1]!.priceVsOthersPct!.toFixed(2)).toBe('86.89');
  });

  test('scores are kept exact: 58 000 / 62 000 × 40 = 37,41935483…', () => {
    expect(priceScore('lowest_price_ratio', d(40), d(62000), [d(62000), d(58000)]).toDecimalPlaces(8).toFixed()).toBe('37.41935484');
  });

  test('ties at equal rank, said so', () => {
    const s = scoreOffers(GEX, offers('offer_id;price;2.1;2.2;2.3\nA;50000;10;25;25\nB;50000;10;25;25\nC;60000;10;25;25\n'));
    expect(s.map((x) => [x.rank, x.tied])).toEqual([
      [1, true],
      [1, true],
      [3, false],
    ]);
  });

  test('an offer below 80 % of the mean of the others is flagged possibly abnormally low (a hint); the threshold is a parameter', () => {
    // 40 000 / mean(60 000, 62 000) = 40 000 / 61 000 = 65,57 % < 80 %
    const o = offers('offer_id;price;2.1;2.2;2.3\nA;40000;5;5;5\nB;60000;5;5;5\nC;62000;5;5;5\n');
    expect(scoreOffers(GEX, o).map((x) => x.possiblyAbnormallyLow)).toEqual([true, false, false]);
    expect(scoreOffers(GEX, o, d(60)).map((x) => x.possiblyAbnormallyLow)).toEqual([false, false, false]);
  });

  test('the linear formula between lowest and highest: 40 × (71 500 − 62 000) / (71 500 − 58 000) = 28,148…', () => {
    const prices = [d(62000), d(58000), d(71500)];
    expect(prices.map((p) => priceScore('linear_lowest_highest', d(40), p, prices).toFixed(2))).toEqual(['28.15', '40.00', '0.00']);
    expect(priceScore('linear_lowest_highest', d(40), d(5), [d(5), d(5)]).toFixed(2)).toBe('40.00');
  });
});

describe('bad criteria and offers: one problem each, with its line', () => {
  const H = 'criterion_id;parent;label;weight;method\n';
  test('a weight total other than 100 is refused', () => {
    expect(problems(() => readCriteria(H + '1;;Prix;40;lowest_price_ratio\n2;;Valeur technique;55;marks\n'))).toEqual([': the weights of the top-level criteria (1: 40, 2: 55) add up to 95; expected 100']);
  });
  test("a group's weight other than its sub-criteria's sum, an unknown parent, no price criterion", () => {
    expect(problems(() => readCriteria(H + '2;;Valeur technique;100;\n2.1;2;Délai;10;marks\n2.2;2;Moyens;80;marks\n2.3;9;Description;5;marks\n'))).toEqual([
      '2:4 weight 100 but its sub-criteria add up to 90 (2.1: 10, 2.2: 80)',
      '5:2 no criterion "9" in the file; expected the id of a group',
      ': 0 price criteria (none); expected exactly one, scored by lowest_price_ratio or linear_lowest_highest',
    ]);
  });
  test('a mark above its weight, a missing mark, a price of zero', () => {
    expect(problems(() => offers('offer_id;price;2.1;2.2;2.3\nA;0;5;5;5\nB;100;11;5;5\nC;100;1;5;\n'))).toEqual([
      '2:2 expected an amount greater than zero, got "0"',
      '3:3 mark 11 is above the weight of criterion 2.1 (Délai d\'intervention); expected 0 to 10',
      '4:5 missing value',
    ]);
  });
});

const priceArb = fc.integer({ min: 1, max: 100_000_000 }).map((c) => d(c).div(100));
describe('score: properties', () => {
  test.prop([fc.array(priceArb, { minLength: 1, maxLength: 10 }), fc.constantFrom('lowest_price_ratio', 'linear_lowest_highest') as fc.Arbitrary<'lowest_price_ratio' | 'linear_lowest_highest'>, fc.integer({ min: 1, max: 100 })])(
    'every price score lies between 0 and the weight; the lowest price gets the whole weight',
    (prices, method, w) => {
      const weight = d(w);
      const lowest = Decimal.min(...prices);
      for (const p of prices) {
        const s = priceScore(method, weight, p, prices);
        expect(s.greaterThanOrEqualTo(0) && s.lessThanOrEqualTo(weight)).toBe(true);
        if (p.equals(lowest)) expect(s.equals(weight)).toBe(true);
      }
    },
  );
  test.prop([fc.array(fc.tuple(priceArb, fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 25 })), { minLength: 1, maxLength: 8 })])(
    'Gex totals lie between 0 and 100, each criterion between 0 and its weight; rank 1 has the highest total',
    (list) => {
      const o = list.map(([price, a, b, c], i) => ({ offerId: String(i), price, marks: new Map([['2.1', d(a)], ['2.2', d(b)], ['2.3', d(c)]]) }));
      const s = scoreOffers(GEX, o);
      for (const x of s) {
        for (const c of GEX as Criterion[]) expect(x.scores.get(c.id)!.greaterThanOrEqualTo(0) && x.scores.get(c.id)!.lessThanOrEqualTo(c.weight)).toBe(true);
        expect(x.total.lessThanOrEqualTo(100)).toBe(true);
      }
      const best = Decimal.max(...s.map((x) => x.total));
      expect(s.filter((x) => x.rank === 1).every((x) => x.total.equals(best))).toBe(true);
    },
  );
});

describe('finloc score', () => {
  test('the Gex example', async () => {
    const r = await runFinloc(['score', 'data/examples/gex-offers.csv', '--criteria', 'data/examples/gex-criteria.csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'offer_id,price,score_1,score_2,score_2.1,score_2.2,score_2.3,total,rank,tied,price_vs_others_pct,abnormally_low\n' +
        'Entreprise A,62000.00,37.42,50.00,8.00,20.00,22.00,87.42,2,no,95.75,\n' +
        'Entreprise B,58000.00,40.00,39.00,6.00,18.00,15.00,79.00,3,no,86.89,\n' +
        'Entreprise C,71500.00,32.45,57.00,10.00,24.00,23.00,89.45,1,no,119.17,\n',
    );
  });
  test('weights not adding up: exit 2, the file named', async () => {
    const dir = tempDir();
    const c = writeFile(dir, 'c.csv', 'criterion_id,parent,label,weight,method\n1,,Prix,50,lowest_price_ratio\n2,,Technique,60,marks\n');
    const r = await runFinloc(['score', 'data/examples/gex-offers.csv', '--criteria', c]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`finloc: ${c}: the weights of the top-level criteria (1: 50, 2: 60) add up to 110; expected 100\n`);
  });
});
