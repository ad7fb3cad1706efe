import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { Decimal } from '../../src/money/decimal.js';
import { loanLine } from '../../src/loan/plain-line.js';
import { amortize } from '../../src/loan/schedule.js';
import { exactFirstPayment } from '../../src/loan/payment.js';
import { periodProgressivity } from '../../src/loan/period-rate.js';
import { rateStepProblems, steppedFirstPayment, steppedRatePct } from '../../src/loan/rate-steps.js';
import { actuarialRate, loanFlows } from '../../src/loan/actuarial-rate.js';
import type { LoanLine, RateStep } from '../../src/loan/types.js';
import { InputError } from '../../src/errors.js';
import { existsSync } from 'node:fs';
import { runFinloc, tempDir, writeFile } from '../helpers/cli.js';

// Issue 14, item 2: rates fixed in advance by steps (« 7,8 % pendant sept ans et 10 % pendant treize ans »).

const d = (v: string | number) => new Decimal(v);
const steps = (...s: [number, string][]): RateStep[] => s.map(([fromNumber, rate]) => ({ fromNumber, ratePct: d(rate) }));
const withSteps = (line: LoanLine, s: RateStep[]): LoanLine => ({ ...line, rateSteps: s });

describe('steppedFirstPayment: the growing payment that repays the capital at the scheduled rates', () => {
  test('100 over two annual periods at 10 % then 20 %: 100 / (1/1,1 + 1/(1,1 × 1,2)) = 100 / 1,666… = 60', () => {
    expect(steppedFirstPayment(d(100), [d('0.1'), d('0.2')], d(0)).toFixed(10)).toBe('60.0000000000');
  });

  test.prop([fc.integer({ min: 1, max: 1_000_000_00 }), fc.integer({ min: 0, max: 1500 }), fc.integer({ min: -200, max: 500 }), fc.integer({ min: 1, max: 480 })], { numRuns: 80 })(
    'with a single rate it is the closed formula of every other line (payment.ts)',
    (cents, tBp, pBp, n) => {
      const base = d(cents).div(100);
      const t = d(tBp).div(10_000).div(12);
      const p = d(pBp).div(10_000).div(12);
      const stepped = steppedFirstPayment(base, Array.from({ length: n }, () => t), p);
      expect(stepped.minus(exactFirstPayment(base, t, p, n)).abs().lessThan('1e-25')).toBe(true);
    },
  );
});

describe('steppedRatePct', () => {
  const line = withSteps(loanLine({ principal: 100, firstDueDate: '1979-01-01', periods: 20, ratePct: '7.8' }), steps([8, '10']));
  test.each([
    [0, '7.8'],
    [1, '7.8'],
    [7, '7.8'],
    [8, '10'],
    [20, '10'],
  ])('due number %i: %s %%', (n, rate) => expect(steppedRatePct(line, n).toString()).toBe(rate));
  test('steps in any order: the last one started wins', () => {
    const l = withSteps(line, steps([15, '12'], [8, '10']));
    expect([7, 8, 14, 15].map((n) => steppedRatePct(l, n).toString())).toEqual(['7.8', '10', '10', '12']);
  });
});

describe('the 1977 worked example: 100 €, 20 years, 2 years of deferral, 7,8 % for 7 years then 10 % for 13, +2,75 % a year', () => {
  // Due numbers 1–7 at 7,8 % (2 of deferral, then 5 amortising), 8–20 at 10 % (13 amortising): 18 amortising due dates.
  const line = withSteps(
    loanLine({ principal: 100, firstDueDate: '1979-01-01', periods: 20, ratePct: '7.8', progressivityPct: '2.75', deferralPeriods: 2 }),
    steps([8, '10']),
  );
  const s = amortize(line);

  test('deferral: 100 × 7,8 % = 7,80 of interest, nothing repaid', () => {
    for (const r of s.rows.slice(0, 2)) expect([r.payment, r.amortisation, r.capitalAfter].map((x) => x.toFixed(2))).toEqual(['7.80', '0.00', '100.00']);
  });

  test('first amortising payment, by hand: 9,43', () => {
    // E = 100 / S, S = Σⱼ₌₀¹⁷ 1,0275ʲ / Πᵢ (1+tᵢ), in two geometric sums:
    //   5 years at 7,8 %: q₁ = 1,0275/1,078 = 0,953 153 99; S₁ = (1 − q₁⁵)/(1 − q₁)/1,078 = 4,223 540 04
    //   13 years at 10 %: q₂ = 1,0275/1,1 = 0,934 090 91; S₂ = q₁⁵ × (1 − q₂¹³)/(1 − q₂)/1,1 = 6,378 834 73
    //   S = 10,602 374 77; E = 100 / S = 9,431 849 2 → 9,43.
    expect(s.rows[2]!.payment.toFixed(2)).toBe('9.43');
    expect(s.rows[2]!.interest.toFixed(2)).toBe('7.80');
  });

  test('the payment grows by 2,75 % from the first amortising due date and is not recomputed at the step', () => {
    // 9,431 849 2 × 1,0275⁵ = 10,796 6… → 10,80 at due number 8, the first at 10 %; by the rounded 9,43: 9,43 × 1,0275⁵ = 10,796 2… → 10,80 too.
    expect(s.rows.slice(2, 19).map((r, j) => r.payment.equals(d('9.43').times(d('1.0275').pow(j)).toDecimalPlaces(2, Decimal.ROUND_HALF_UP)))).toEqual(Array(17).fill(true));
    expect(s.rows[7]!.payment.toFixed(2)).toBe('10.80');
    // Interest of due number 8: capital 87,59 after due number 7 (by the table) × 10 % = 8,759 → 8,76.
    expect([s.rows[6]!.capitalAfter.toFixed(2), s.rows[7]!.interest.toFixed(2), s.rows[7]!.ratePct.toFixed(2)]).toEqual(['87.59', '8.76', '10.00']);
  });

  test('the table closes: the last due date repays the 13,64 left (15,00 = 13,64 + 1,36 of interest)', () => {
    const last = s.rows[19]!;
    expect([last.amortisation, last.interest, last.payment, last.capitalAfter].map((x) => x.toFixed(2))).toEqual(['13.64', '1.36', '15.00', '0.00']);
    expect(s.summary.totalAmortisation.toFixed(2)).toBe('100.00');
  });

  test('actuarial rate: 8,61 %', () => {
    const a = actuarialRate(loanFlows(s), 12);
    expect([a.proportionalPct.toFixed(2), a.equivalentAnnualPct.toFixed(2)]).toEqual(['8.61', '8.61']);
    // By hand, the present value at 100 € received one year before the first due date changes sign between
    // 8,605 % and 8,615 %: the root rounds to 8,61.
    const pv = (r: string) => s.rows.reduce((acc, row, k) => acc.minus(row.payment.div(d(1).plus(r).pow(k + 1))), d(100));
    expect([pv('0.08605').isNegative(), pv('0.08615').isNegative()]).toEqual([true, false]);
  });
});

describe('rate steps refused', () => {
  const fixed = loanLine({ principal: 1000, firstDueDate: '2027-01-01', periods: 20, ratePct: '3' });
  test.each([
    ['past the last due date', fixed, steps([21, '4']), 'from_number', "expected a due number from 1 to 20 (the line's due dates), got 21"],
    ['two steps from one due date', fixed, steps([5, '4'], [5, '5']), 'from_number', 'due number 5 already has a step for line "line"'],
    ['a negative rate', fixed, steps([5, '-1']), 'rate_pct', 'expected a rate of zero or more (article 10: a rate is never negative)'],
    [
      'an indexed line',
      loanLine({ principal: 1000, firstDueDate: '2027-01-01', periods: 20, ratePct: '3', index: 'livret_a', marginPct: '0.6', revision: 'DL' }),
      steps([5, '4']),
      'line_id',
      'line "line" is indexed on the Livret A: its rate follows the index; rate steps apply to fixed-rate lines only',
    ],
  ])('%s', (_, line, s, columnName, message) => {
    expect(rateStepProblems(line, s).map((p) => [p.columnName, p.message]).at(-1)).toEqual([columnName, message]);
    expect(() => amortize(withSteps(line, s))).toThrow(InputError);
  });
});

describe('properties of stepped tables', () => {
  const arb = fc.record({
    cents: fc.integer({ min: 100_000, max: 500_000_000 }),
    periods: fc.integer({ min: 2, max: 60 }),
    periodicity: fc.constantFrom('annual', 'semiannual', 'quarterly', 'monthly'),
    deferralShare: fc.double({ min: 0, max: 0.5, noNaN: true }),
    rates: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 1200 })), { minLength: 1, maxLength: 4 }),
    progressivityPct: fc.constantFrom('0', '0.5', '2.75', '-1'),
    profile: fc.constantFrom('payment_priority', 'amortisation_priority'),
    dayCount: fc.constantFrom('30/360', 'actual/365', 'actual/360'),
    interestMode: fc.constantFrom('equivalent', 'proportional'),
  });
  test.prop([arb], { numRuns: 80 })('every table closes; deferral rows pay exactly their interest; each row uses its step\'s rate; the payment is never recomputed at a step', (a) => {
    const deferral = Math.floor((a.periods - 1) * a.deferralShare);
    const base = loanLine({
      principal: d(a.cents).div(100), firstDueDate: '2027-03-31', periods: a.periods, periodicity: a.periodicity, ratePct: '4',
      progressivityPct: a.progressivityPct, profile: a.profile, dayCount: a.dayCount, interestMode: a.interestMode, deferralPeriods: deferral,
    });
    const distinct = new Map<number, Decimal>();
    for (const [share, bp] of a.rates) distinct.set(1 + Math.floor(share * (a.periods - 1)), d(bp).div(100));
    const line = withSteps(base, [...distinct].map(([fromNumber, ratePct]) => ({ fromNumber, ratePct })));
    const s = amortize(line);
    const last = s.rows[s.rows.length - 1]!;
    expect([last.capitalAfter.toFixed(2), last.deferredStock.toFixed(2)]).toEqual(['0.00', '0.00']);
    expect(s.summary.totalAmortisation.equals(s.summary.amortisedCapital)).toBe(true);
    s.rows.forEach((r) => expect(r.ratePct.equals(steppedRatePct(line, r.number))).toBe(true));
    s.rows.slice(0, deferral).forEach((r) => expect([r.payment.equals(r.interest), r.amortisation.isZero()]).toEqual([true, true]));
    if (a.profile === 'payment_priority') {
      const first = s.rows[deferral]!.payment;
      const g = periodProgressivity(d(a.progressivityPct).div(100), line.periodMonths, line.interestMode).plus(1);
      // Rounded from the exact first payment × growth: within half a cent of the rounded one × growth, plus its own rounding.
      s.rows.slice(deferral, -1).forEach((r, j) => expect(r.payment.minus(first.times(g.pow(j))).abs().lessThanOrEqualTo(d('0.005').times(g.pow(j)).plus('0.005'))).toBe(true));
    }
  });
});

describe('finloc amortize --rate-steps FILE', () => {
  const loans = 'ligne;capital;premiere_echeance;nombre_echeances;taux;progressivite;differe\nPAP;100;01/01/1979;20;7,8;2,75;2\nF;1000;01/01/2027;2;10;0;0\n';
  const stepFile = 'ligne;a_partir_de_l_echeance;taux\nPAP;8;10\n';

  test.each([['in the main thread', '0'], ['in worker threads', '2']])('the 1977 example %s: steps change the rate, the first amortising payment is 9,43', async (_, threads) => {
    const dir = tempDir();
    const r = await runFinloc(['amortize', writeFile(dir, 'l.csv', loans), '--rate-steps', writeFile(dir, 's.csv', stepFile), '--threads', threads]);
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split('\n').slice(1);
    expect(rows.filter((l) => l.startsWith('PAP,')).map((l) => l.split(',')[3])).toEqual([...Array(7).fill('7.80'), ...Array(13).fill('10.00')]);
    expect(rows[2]).toBe('PAP,3,1981-01-01,7.80,9.43,1.63,7.80,0.00,98.37,0.00');
    // The line without steps is untouched: 1 000 at 10 % over 2 years, 576,19 (test/loan/deferral.test.ts by hand).
    expect(rows[20]).toBe('F,1,2027-01-01,10.00,576.19,476.19,100.00,0.00,523.81,0.00');
  });

  test('summary: the actuarial rate of the stepped line, 8,61 % (8,6056 to 10^-4)', async () => {
    const dir = tempDir();
    const r = await runFinloc(['amortize', writeFile(dir, 'l.csv', loans), '--rate-steps', writeFile(dir, 's.csv', stepFile), '--report', 'summary']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[1]).toBe('PAP,100.00,20,7.80,231.56,131.56,0.00,7.80,8.6056,8.6056');
  });

  test.each([['in the main thread', '0'], ['in worker threads', '2']])('a step above 20 %% is amortised all the same, with a warning where it was typed (%s)', async (_, threads) => {
    const dir = tempDir();
    // 1 000 % typed for 10 %: the line's own rate would get the same warning (src/loan/plausibility.ts).
    const r = await runFinloc(['amortize', writeFile(dir, 'l.csv', loans), '--rate-steps', writeFile(dir, 's.csv', 'ligne;a_partir_de_l_echeance;taux\nPAP;8;1000\n'), '--threads', threads]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('s.csv:2:3 (rate_pct): annual rate 1000 % is above 20 %; did you mean 10 %?');
    expect(r.stdout.split('\n')[8]!.split(',')[3]).toBe('1000.00');
  });

  test.each([
    ['a step past the last due date', 'ligne;a_partir_de_l_echeance;taux\nPAP;21;10\n', "s.csv:2:2 (from_number): expected a due number from 1 to 20 (the line's due dates), got 21"],
    ['a step for no line', 'ligne;a_partir_de_l_echeance;taux\nPAP;8;10\nXYZ;3;4\n', 's.csv:3:1 (line_id): line_id "XYZ" is not in '],
    ['a step on an indexed line', 'ligne;a_partir_de_l_echeance;taux\nL;2;4\n', 's.csv:2:1 (line_id): line "L" is indexed on the Livret A: its rate follows the index; rate steps apply to fixed-rate lines only'],
    ['two steps from one due date', 'ligne;a_partir_de_l_echeance;taux\nPAP;8;10\nPAP;8;11\n', 's.csv:3:2 (from_number): due number 8 already has a step for line "PAP"'],
    ['a step number that is not one', 'ligne;a_partir_de_l_echeance;taux\nPAP;huit;10\n', 's.csv:2:2 (from_number): expected'],
  ])('refused, exit 2, no output file: %s', async (_, steps, message) => {
    const dir = tempDir();
    const file = writeFile(dir, 'l.csv', 'ligne;capital;premiere_echeance;nombre_echeances;taux;progressivite;differe;indice;marge;revision\nPAP;100;01/01/1979;20;7,8;2,75;2;none;;none\nL;1000;01/01/2027;3;3;0;0;livret_a;0,6;DL\n');
    const out = `${dir}/out.csv`;
    for (const report of [[], ['--report', 'summary'], ['--report', 'year-end', '--year', '1985']]) {
      const r = await runFinloc(['amortize', file, '--rate-steps', writeFile(dir, 's.csv', steps), '-o', out, ...report]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(message);
      expect(existsSync(out)).toBe(false);
    }
  });
});
