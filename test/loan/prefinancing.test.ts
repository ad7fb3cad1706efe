import { describe, expect, test } from 'vitest';
import { Decimal } from '../../src/money/decimal.js';
import { amortize } from '../../src/loan/schedule.js';
import { amortisationStart, prefinancingStart } from '../../src/loan/prefinancing.js';
import { InputError } from '../../src/errors.js';
import type { LoanLine } from '../../src/loan/types.js';
import type { IsoDate } from '../../src/calendar/date.js';
import { runFinloc, tempDir, writeFile } from '../helpers/cli.js';

const D = (s: string | number) => new Decimal(s);
const d = (s: string) => s as IsoDate;
const fixed: LoanLine = {
  lineId: 'F',
  principal: D(100000),
  firstDueDate: d('2027-06-01'),
  periods: 10,
  periodMonths: 12,
  index: 'none',
  marginPct: D(0),
  ratePct: D(3),
  revision: 'none',
  progressivityPct: D(0),
  progressivityFloorPct: D(0),
  profile: 'payment_priority',
  interestMode: 'equivalent',
  dayCount: '30/360',
  prefinancingMonths: 12,
};

describe('rule 7: prefinancing', () => {
  test('phases: amortisation starts one period before the first due date, prefinancing its length before that', () => {
    expect(amortisationStart(fixed)).toBe('2026-06-01');
    expect(prefinancingStart(fixed)).toBe('2025-06-01');
  });
  test('without disbursements, the whole line at the start of prefinancing: 100 000 × 3 % over 12 months = 3 000,00 capitalised', () => {
    const s = amortize(fixed);
    expect(s.summary.capitalisedInterest.toFixed(2)).toBe('3000.00');
    expect(s.summary.amortisedCapital.toFixed(2)).toBe('103000.00');
    expect(s.summary.totalAmortisation.toFixed(2)).toBe('103000.00');
  });
  test('with disbursements: 60 000 × (1,03 − 1) + 40 000 × (1,03^(180/360) − 1) = 1 800 + 595,5663 = 2 395,57 capitalised', () => {
    const s = amortize(fixed, {
      disbursements: [
        { date: d('2025-06-01'), amount: D(60000) },
        { date: d('2025-12-01'), amount: D(40000) },
      ],
    });
    expect(s.summary.capitalisedInterest.toFixed(2)).toBe('2395.57');
    expect(s.rows[0]!.interest.toFixed(2)).toBe('3071.87'); // 102 395,57 × 3 % = 3 071,8671
  });
});

describe('article 11: first-period interest prorated to the disbursements (no prefinancing)', () => {
  // 50 000 on 29/10/2025 (360 days in 30/360) and 50 000 on 29/04/2026 (180 days), first due date 29/10/2026, 3 %:
  // 50 000 × 0,03 + 50 000 × (1,03^(180/360) − 1) = 1 500 + 744,4578 = 2 244,4578 → 2 244,46.
  const line = { ...fixed, firstDueDate: d('2026-10-29'), prefinancingMonths: 0 };
  const disbursements = [
    { date: d('2025-10-29'), amount: D(50000) },
    { date: d('2026-04-29'), amount: D(50000) },
  ];
  test('the engine', () => {
    const s = amortize(line, { disbursements });
    expect(s.rows[0]!.interest.toFixed(2)).toBe('2244.46');
    expect(s.rows[1]!.interest.toFixed(2)).toBe(s.rows[0]!.capitalAfter.times('0.03').toDecimalPlaces(2).toFixed(2));
  });
  test('disbursements beyond the line amount or after the first due date are refused', () => {
    expect(() => amortize(line, { disbursements: [{ date: d('2026-10-29'), amount: D(100001) }] })).toThrow(InputError);
  });
  test('the command reads --disbursements', async () => {
    const dir = tempDir();
    const loans = writeFile(dir, 'loans.csv', 'line_id,principal,first_due_date,periods,rate_pct\nF,100000,29/10/2026,10,3\n');
    const versements = writeFile(dir, 'versements.csv', 'ligne;date;montant\nF;29/10/2025;50 000,00\nF;29/04/2026;50 000,00\n');
    const r = await runFinloc(['amortize', loans, '--disbursements', versements, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).lines[0].rows[0].interest).toBe('2244.46');
  });
});
