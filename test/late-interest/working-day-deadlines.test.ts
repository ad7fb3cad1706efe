import { describe, expect, test } from 'vitest';
import { Decimal } from '../../src/money/decimal.js';
import { workingCalendar } from '../../src/calendar/working-day.js';
import { procurementInterest } from '../../src/late-interest/procurement-interest.js';
import { semesterLabel } from '../../src/late-interest/semester-rate.js';
import { d, ecb } from './histories.js';

const national = workingCalendar('national');
const alsaceMoselle = workingCalendar('alsace-moselle');

// ECB rate on the semester's first day + 8 points: 2025-S1 3,15 % (decision of 18/12/2024) → 11,15 %;
// 2025-S2 2,15 % (11/06/2025) → 10,15 %. Interest = amount × rate × days / 365, rounded once.
describe('the period ends on the next working day (CCAG 2021 art. 3.3), issue 12 worked examples', () => {
  test.each([
    // case, amount, received, paid, calendar, nominal deadline, deadline, why, days, semester, interest
    // Issue 12's own example: Thursday 02/01/2025 + 30 = Saturday 01/02 → Monday 03/02; paid that Monday: on time, nothing due (was 6,11 € + 40 €).
    ['a Saturday, paid on the extended deadline', '10000', '2025-01-02', '2025-02-03', national, '2025-02-01', '2025-02-03', 'samedi', 0, undefined, '0.00'],
    // Friday 03/01/2025 + 30 = Sunday 02/02 → Monday 03/02; paid 13/02: 10 days. 10 000 × 0,1115 × 10 / 365 = 11 150 / 365 = 30,547… → 30,55.
    ['a Sunday', '10000', '2025-01-03', '2025-02-13', national, '2025-02-02', '2025-02-03', 'dimanche', 10, '2025-S1', '30.55'],
    // 01/04/2025 + 30 = Thursday 01/05 → Friday 02/05; paid 12/05: 10 days. 5 000 × 0,1115 × 10 / 365 = 5 575 / 365 = 15,273… → 15,27.
    ['1 May', '5000', '2025-04-01', '2025-05-12', national, '2025-05-01', '2025-05-02', 'Fête du travail', 10, '2025-S1', '15.27'],
    // 22/03/2025 + 30 = Easter Monday 21/04 → Tuesday 22/04; paid 30/04: 8 days. 10 000 × 0,1115 × 8 / 365 = 8 920 / 365 = 24,438… → 24,44.
    ['Easter Monday', '10000', '2025-03-22', '2025-04-30', national, '2025-04-21', '2025-04-22', 'Lundi de Pâques', 8, '2025-S1', '24.44'],
    // 14/06/2025 + 30 = Monday 14/07 → Tuesday 15/07; paid 25/07: 10 days in 2025-S2. 10 000 × 0,1015 × 10 / 365 = 10 150 / 365 = 27,808… → 27,81.
    ['14 July', '10000', '2025-06-14', '2025-07-25', national, '2025-07-14', '2025-07-15', 'Fête nationale', 10, '2025-S2', '27.81'],
    // 29/04/2025 + 30 = Ascension, Thursday 29/05 → Friday 30/05; paid 09/06: 10 days. 2 000 × 0,1115 × 10 / 365 = 2 230 / 365 = 6,109… → 6,11.
    ['Ascension', '2000', '2025-04-29', '2025-06-09', national, '2025-05-29', '2025-05-30', 'Ascension', 10, '2025-S1', '6.11'],
    // 25/11/2025 + 30 = Thursday 25/12 → Friday 26/12; paid 05/01/2026: 10 days, 2025-S2. 10 000 × 0,1015 × 10 / 365 = 27,81.
    ['25 December', '10000', '2025-11-25', '2026-01-05', national, '2025-12-25', '2025-12-26', 'Noël', 10, '2025-S2', '27.81'],
    // The same in Alsace-Moselle: 26/12 is Saint-Étienne, then Saturday and Sunday → Monday 29/12; 7 days. 10 000 × 0,1015 × 7 / 365 = 7 105 / 365 = 19,465… → 19,47.
    ['25 December in Alsace-Moselle', '10000', '2025-11-25', '2026-01-05', alsaceMoselle, '2025-12-25', '2025-12-29', 'Noël', 7, '2025-S2', '19.47'],
    // 30/05/2025 + 30 = Sunday 29/06 → Monday 30/06: interest starts 01/07, in 2025-S2 (10,15 %), not 30/06 in S1.
    // Paid 10/07: 10 days. 10 000 × 0,1015 × 10 / 365 = 27,81 (on calendar days: 11 days at 11,15 %, 33,60: see below).
    ['across 30 June: the semester changes', '10000', '2025-05-30', '2025-07-10', national, '2025-06-29', '2025-06-30', 'dimanche', 10, '2025-S2', '27.81'],
    // Alsace-Moselle: 19/03/2025 + 30 = Good Friday 18/04 → Saturday, Sunday, Easter Monday → Tuesday 22/04 (4 days, the longest
    // extension of the public calendars); paid 28/04: 6 days. 10 000 × 0,1115 × 6 / 365 = 6 690 / 365 = 18,328… → 18,33.
    ['Good Friday in Alsace-Moselle', '10000', '2025-03-19', '2025-04-28', alsaceMoselle, '2025-04-18', '2025-04-22', 'Vendredi saint', 6, '2025-S1', '18.33'],
  ] as const)('%s', (_, amount, received, paid, calendar, nominal, deadline, why, days, semester, interest) => {
    const r = procurementInterest({ invoiceId: 'x', amount: new Decimal(amount), received: d(received), paid: d(paid), paymentDays: 30, suspensionDays: 0 }, ecb, { calendar });
    expect(r.nominalDeadline).toBe(nominal);
    expect(r.deadline).toBe(deadline);
    expect(r.extendedBecause).toBe(why);
    expect(r.daysLate).toBe(days);
    expect(r.semester && semesterLabel(r.semester)).toBe(semester);
    expect(r.interest.toFixed(2)).toBe(interest);
    expect(r.indemnity.toFixed(2)).toBe(days > 0 ? '40.00' : '0.00');
  });

  test('Good Friday is a working day outside Alsace-Moselle, and the national calendar is the default: the period ends on it', () => {
    // 19/03/2025 + 30 = Friday 18/04; paid 28/04: 10 days. 10 000 × 0,1115 × 10 / 365 = 30,55.
    const r = procurementInterest({ invoiceId: 'x', amount: new Decimal(10000), received: d('2025-03-19'), paid: d('2025-04-28'), paymentDays: 30, suspensionDays: 0 }, ecb);
    expect([r.deadline, r.extendedBecause, r.daysLate, r.interest.toFixed(2)]).toEqual(['2025-04-18', undefined, 10, '30.55']);
  });

  test("on calendar days (the command's --calendar-days), the Sunday 29/06 deadline stays, interest starts 30/06 in 2025-S1", () => {
    // 10/07 − 29/06 = 11 days at 11,15 %: 10 000 × 0,1115 × 11 / 365 = 12 265 / 365 = 33,602… → 33,60.
    const r = procurementInterest({ invoiceId: 'x', amount: new Decimal(10000), received: d('2025-05-30'), paid: d('2025-07-10'), paymentDays: 30, suspensionDays: 0 }, ecb, { calendar: 'calendar-days' });
    expect([r.deadline, r.interestStart, r.daysLate, r.ratePct?.toFixed(2), r.interest.toFixed(2)]).toEqual(['2025-06-29', '2025-06-30', 11, '11.15', '33.60']);
  });

  test("the buyer's closed days are added: a closed Friday 02/05/2025 after 1 May moves the deadline to Monday 05/05", () => {
    const calendar = workingCalendar('national', [d('2025-05-02')]);
    const r = procurementInterest({ invoiceId: 'x', amount: new Decimal(5000), received: d('2025-04-01'), paid: d('2025-05-12'), paymentDays: 30, suspensionDays: 0 }, ecb, { calendar });
    // 12/05 − 05/05 = 7 days: 5 000 × 0,1115 × 7 / 365 = 3 902,5 / 365 = 10,691… → 10,69.
    expect([r.deadline, r.daysLate, r.interest.toFixed(2)]).toEqual(['2025-05-05', 7, '10.69']);
  });
});
