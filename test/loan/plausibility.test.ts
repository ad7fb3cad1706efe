import { describe, expect, test } from 'vitest';
import { test as prop, fc } from '@fast-check/vitest';
import { Decimal, compare } from '../../src/money/decimal.js';
import { makeRateHistory } from '../../src/rates/history.js';
import { loanLineWarnings } from '../../src/loan/plausibility.js';
import type { IsoDate } from '../../src/calendar/date.js';
import type { LoanLine } from '../../src/loan/types.js';

// The rate gap of the plausibility checks (issue 11): an indexed line whose rate_pct is more than one point from
// index + margin at the start of its amortisation phase is warned about; exactly one point is not.

/** Livret A at 1,7 % from 01/08/2025: the start of the amortisation phase of a line first due on 29/10/2026 (29/10/2025). */
const index = makeRateHistory('Livret A', [{ effectiveDate: '2025-08-01' as IsoDate, ratePct: new Decimal('1.7') }], '2027-01-31' as IsoDate);

function line(ratePct: string, marginPct: string): LoanLine {
  return {
    lineId: 'L',
    principal: new Decimal('569627'),
    firstDueDate: '2026-10-29' as IsoDate,
    periods: 25,
    periodMonths: 12,
    index: 'livret_a',
    marginPct: new Decimal(marginPct),
    ratePct: new Decimal(ratePct),
    revision: 'DL',
    progressivityPct: new Decimal(0),
    progressivityFloorPct: new Decimal(0),
    profile: 'payment_priority',
    interestMode: 'equivalent',
    dayCount: '30/360',
    prefinancingMonths: 0,
  };
}

const rateGapWarned = (l: LoanLine) => loanLineWarnings(l, index).some((w) => w.columnName === 'rate_pct' && w.message.includes('points from'));

describe('loanLineWarnings: the rate gap, bounds included', () => {
  // 1,7 + 0,6 = 2,3: plausible from 1,3 to 3,3 %.
  test.each([
    ['2.3', false],
    ['3.3', false], // exactly one point above
    ['1.3', false], // exactly one point below
    ['3.3000001', true],
    ['1.2999999', true],
    ['3.8', true],
    ['0.023', true],
  ])('rate %s % on Livret A 1,7 % + 0,6 %: warned %s', (rate, warned) => {
    expect(rateGapWarned(line(rate, '0.6'))).toBe(warned);
  });

  test('a margin read twice (two Decimals of the same value) and the same Decimal twice give the same answer', () => {
    const first = line('3.31', '0.6');
    const again = { ...first, ratePct: new Decimal('3.29') };
    expect(rateGapWarned(first)).toBe(true);
    expect(rateGapWarned(again)).toBe(false);
    expect(rateGapWarned(line('3.29', '0.6'))).toBe(false);
  });

  prop.prop([fc.integer({ min: -50_000, max: 600_000 }), fc.integer({ min: -25_000, max: 60_000 })], { numRuns: 3_000 })(
    'warned exactly when |rate − (index + margin)| > 1 point (rates and margins of 4 decimals)',
    (rateUnits, marginUnits) => {
      const rate = new Decimal(rateUnits).div(10_000);
      const margin = new Decimal(marginUnits).div(10_000);
      // The rule written out: |rate − (1,7 + margin)| > 1.
      const far = compare(rate.minus(new Decimal('1.7').plus(margin)).abs(), new Decimal(1)) > 0;
      expect(rateGapWarned(line(rate.toString(), margin.toString()))).toBe(far);
    },
  );
});
