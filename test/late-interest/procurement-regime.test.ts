import { describe, expect, test } from 'vitest';
import { Decimal } from '../../src/money/decimal.js';
import { workingCalendar } from '../../src/calendar/working-day.js';
import { procurementRegime } from '../../src/late-interest/procurement-regime.js';
import { procurementInterest } from '../../src/late-interest/procurement-interest.js';
import { d, ecb } from './histories.js';

describe('contracts notified before 16 March 2013 (décret n° 2002-232 art. 5; loi n° 2013-100 art. 44)', () => {
  test.each([
    ['2013-03-15', 'pre-2013', '7', '0'],
    ['2013-03-16', 'current', '8', '40'],
    [undefined, 'current', '8', '40'],
  ] as const)('notified %s: %s, ECB + %s points, indemnity %s €', (notified, kind, margin, indemnity) => {
    const r = procurementRegime(notified === undefined ? undefined : d(notified));
    expect([r.kind, r.marginPct.toFixed(), r.indemnity.toFixed()]).toEqual([kind, margin, indemnity]);
  });

  test('an invoice of a contract notified 01/06/2012: ECB + 7 points and no 40 € indemnity', () => {
    // Received Friday 01/02/2013 + 30 = Sunday 03/03/2013 → Monday 04/03; paid 14/03: 10 days, from 05/03, semester 2013-S1.
    // ECB rate on 01/01/2013: 0,75 % (since 11/07/2012) + 7 = 7,75 %. 10 000 × 0,0775 × 10 / 365 = 7 750 / 365 = 21,232… → 21,23.
    const invoice = { invoiceId: 'x', amount: new Decimal(10000), received: d('2013-02-01'), paid: d('2013-03-14'), paymentDays: 30, suspensionDays: 0 };
    const old = procurementInterest({ ...invoice, notified: d('2012-06-01') }, ecb, { calendar: workingCalendar() });
    expect([old.deadline, old.daysLate, old.ratePct?.toFixed(2), old.interest.toFixed(2), old.indemnity.toFixed(2), old.total.toFixed(2)]).toEqual([
      '2013-03-04', 10, '7.75', '21.23', '0.00', '21.23',
    ]);
    // The same invoice of a contract notified after 16/03/2013 (or without a date): 0,75 + 8 = 8,75 %.
    // 10 000 × 0,0875 × 10 / 365 = 8 750 / 365 = 23,972… → 23,97, + 40 = 63,97.
    const current = procurementInterest(invoice, ecb, { calendar: workingCalendar() });
    expect([current.ratePct?.toFixed(2), current.interest.toFixed(2), current.total.toFixed(2)]).toEqual(['8.75', '23.97', '63.97']);
  });
});
