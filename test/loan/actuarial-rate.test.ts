import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { Decimal } from '../../src/money/decimal.js';
import type { IsoDate } from '../../src/calendar/date.js';
import { countDays } from '../../src/calendar/day-count.js';
import { type LoanFlow, actuarialRate, loanFlows } from '../../src/loan/actuarial-rate.js';
import { loanLine } from '../../src/loan/plain-line.js';
import { amortize } from '../../src/loan/schedule.js';
import { runFinloc, tempDir, writeFile } from '../helpers/cli.js';

// Issue 14, item 3: the actuarial rate of all the borrower's flows.

const flow = (date: string, amount: string): LoanFlow => ({ date: date as IsoDate, amount: new Decimal(amount) });
const pct = (d: Decimal, places = 8) => d.toFixed(places);

describe('actuarialRate, by hand', () => {
  test.each([
    // 1 000 = 1 100 / (1 + r) → r = 10 %.
    ['one year, 1 000 → 1 100', [flow('2027-01-01', '1000'), flow('2028-01-01', '-1100')], 12, '10.00000000', '10.00000000'],
    // 1 000 = 600 x + 550 x², x = 1/(1 + r): x = (−600 + √(600² + 4 × 550 × 1 000)) / 1 100 = (−600 + 1 600) / 1 100 = 1/1,1 → r = 10 %.
    ['two years, 600 then 550', [flow('2027-01-01', '1000'), flow('2028-01-01', '-600'), flow('2029-01-01', '-550')], 12, '10.00000000', '10.00000000'],
    // Half-yearly: 1 000 → 1 050 after 6 months: r = 5 % a period; proportional 2 × 5 = 10 %, equivalent 1,05² − 1 = 10,25 %.
    ['half-yearly, 1 000 → 1 050', [flow('2027-01-01', '1000'), flow('2027-07-01', '-1050')], 6, '10.00000000', '10.25000000'],
    // Negative interest: 1 000 → 990: r = −1 %.
    ['negative, 1 000 → 990', [flow('2027-01-01', '1000'), flow('2028-01-01', '-990')], 12, '-1.00000000', '-1.00000000'],
  ] as const)('%s', (_, flows, months, proportional, equivalent) => {
    const a = actuarialRate(flows, months);
    expect([pct(a.proportionalPct), pct(a.equivalentAnnualPct)]).toEqual([proportional, equivalent]);
  });
});

describe('actuarialRate, invariants', () => {
  const lineArb = fc.record({
    principal: fc.integer({ min: 1_000_000, max: 100_000_000 }).map((c) => new Decimal(c).div(100)),
    periods: fc.integer({ min: 1, max: 60 }),
    periodicity: fc.constantFrom('annual', 'semiannual', 'quarterly', 'monthly'),
    ratePct: fc.integer({ min: 1, max: 900 }).map((b) => new Decimal(b).div(100)),
    prefinancingMonths: fc.constantFrom(0, 0, 12),
    deferralShare: fc.constantFrom(0, 0, 0.3),
    feesShare: fc.constantFrom(0, 0, 0.01, 0.05),
    step: fc.option(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 1200 }))),
    progressivityPct: fc.constantFrom('0', '0', '1.5'),
  });
  test.prop([lineArb], { numRuns: 40 })('the rate found makes the present value of the flows zero to 10^-8 € (deferral, steps, fees, prefinancing included)', (l) => {
    const deferral = Math.floor((l.periods - 1) * l.deferralShare);
    const fees = l.principal.times(l.feesShare).toDecimalPlaces(2);
    const base = loanLine({
      principal: l.principal, firstDueDate: '2028-03-15', periods: l.periods, periodicity: l.periodicity, ratePct: l.ratePct,
      prefinancingMonths: l.prefinancingMonths, deferralPeriods: deferral, fees, progressivityPct: l.progressivityPct,
    });
    const line = l.step ? { ...base, rateSteps: [{ fromNumber: 1 + Math.floor(l.step[0] * (l.periods - 1)), ratePct: new Decimal(l.step[1]).div(100) }] } : base;
    const s = amortize(line);
    const flows = loanFlows(s);
    expect(flows[0]!.amount.equals(s.summary.amortisedCapital.minus(s.summary.capitalisedInterest).minus(fees))).toBe(true);
    const a = actuarialRate(flows, s.line.periodMonths);
    const pv = flows.reduce((acc, f) => acc.plus(f.amount.div(a.periodRate.plus(1).pow(new Decimal(countDays('30/360', flows[0]!.date, f.date)).div(30 * s.line.periodMonths)))), new Decimal(0));
    expect(pv.abs().lessThan('1e-8')).toBe(true);
    // Without prefinancing, a single rate: the TEG's period rate leaves only the cent roundings of each due date's
    // interest (≤ 0,005 € each, the last payment closing the capital exactly), so |PV at the TEG| ≤ 0,005 × periods:
    // the actuarial rate is the TEG but for those roundings.
    if (l.prefinancingMonths === 0 && fees.isZero() && !l.step) {
      const t = s.summary.periodRatePct.div(100).plus(1);
      const atTeg = flows.reduce((acc, f) => acc.plus(f.amount.div(t.pow(new Decimal(countDays('30/360', flows[0]!.date, f.date)).div(30 * s.line.periodMonths)))), new Decimal(0));
      expect(atTeg.abs().lessThanOrEqualTo(new Decimal('0.005').times(l.periods))).toBe(true);
    }
  });
});

describe('finloc amortize --report summary', () => {
  test('CDC 180000: TEG 2,30 % and the actuarial rate of its flows, 2,30 % (the contract has one rate, no fee, no deferral)', async () => {
    const r = await runFinloc(['amortize', 'data/examples/cdc-180000.csv', '--report', 'summary']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'line_id,principal,periods,first_payment,total_payment,total_interest,fees,teg_pct,actuarial_rate_pct,actuarial_annual_pct\n' +
        '5676228,569627.00,25,30214.17,755354.37,185727.37,0.00,2.30,2.30,2.30\n',
    );
  });

  test('fees paid at disbursement raise the actuarial rate, not the table', async () => {
    const dir = tempDir();
    // 1 000 at 10 %, one annual due date, 20 € of « frais de dossier »: the borrower receives 980 and repays 1 100:
    // 980 = 1 100 / (1 + r) → r = 1 100 / 980 − 1 = 12,244 897 9… % → 12,2449.
    const loans = writeFile(dir, 'l.csv', 'ligne;capital;premiere_echeance;nombre_echeances;taux;frais de dossier\nF;1000;01/01/2028;1;10;20\n');
    const r = await runFinloc(['amortize', loans, '--report', 'summary']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'line_id,principal,periods,first_payment,total_payment,total_interest,fees,teg_pct,actuarial_rate_pct,actuarial_annual_pct\n' +
        'F,1000.00,1,1100.00,1100.00,100.00,20.00,10.00,12.2449,12.2449\n',
    );
    const table = await runFinloc(['amortize', loans]);
    expect(table.stdout.split('\n')[1]).toBe('F,1,2028-01-01,10.00,1100.00,1000.00,100.00,0.00,0.00,0.00');
  });

  test('the json output gives each line its actuarial rates', async () => {
    const dir = tempDir();
    const r = await runFinloc(['amortize', writeFile(dir, 'l.csv', 'line_id,principal,first_due_date,periods,rate_pct,fees\nF,1000,2028-01-01,1,10,20\n'), '--format', 'json']);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout).lines[0].summary;
    expect([summary.teg_pct, summary.actuarial_rate_pct, summary.actuarial_annual_pct, summary.fees]).toEqual(['10', '12.2449', '12.2449', '20.00']);
  });

  test('fees as large as the line are refused', async () => {
    const dir = tempDir();
    const r = await runFinloc(['amortize', writeFile(dir, 'l.csv', 'line_id,principal,first_due_date,periods,rate_pct,fees\nF,1000,2028-01-01,1,10,1000\n'), '--report', 'summary']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('l.csv:2:6 (fees): expected fees of zero or more, below the line amount, got 1000');
  });
});
