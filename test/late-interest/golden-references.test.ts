import { describe, expect, test } from 'vitest';
import { Decimal } from '../../src/money/decimal.js';
import { LOCAL_AUTHORITY_PAYMENT_DAYS } from '../../src/late-interest/procurement-deadline.js';
import { PROCUREMENT_MARGIN_PCT } from '../../src/late-interest/semester-rate.js';
import { FIXED_RECOVERY_INDEMNITY, procurementInterest } from '../../src/late-interest/procurement-interest.js';
import { CDC_LATE_MARGIN_PCT, arrearInterest } from '../../src/late-interest/loan-arrears.js';
import { d, ecb, livretA } from './histories.js';

/**
 * Clause 7.3 of the procurement rules annexed to deliberation n° 26/53 of
 * Gannat (5 June 2026), transcribed:
 * « Les sommes dues au(x) titulaire(s) seront payées dans un délai global de
 * 30 jours à compter de la date de réception des demandes de paiement. […]
 * une indemnité forfaitaire pour frais de recouvrement d'un montant de 40 €.
 * Le taux des intérêts moratoires est égal au taux d'intérêt appliqué par la
 * Banque centrale européenne à ses opérations principales de refinancement
 * les plus récentes, en vigueur au premier jour du semestre de l'année civile
 * au cours duquel les intérêts moratoires ont commencé à courir, majoré de
 * huit points de pourcentage. »
 */
describe('golden: procurement clause 7.3 (Gannat, deliberation 26/53)', () => {
  test('its figures: 30 days from receipt, 40 € indemnity, ECB rate + 8 points', () => {
    expect(LOCAL_AUTHORITY_PAYMENT_DAYS).toBe(30);
    expect(FIXED_RECOVERY_INDEMNITY.toFixed(2)).toBe('40.00');
    expect(PROCUREMENT_MARGIN_PCT.toFixed(0)).toBe('8');
  });
  test('applied: a request received 05/06/2026 and paid 20/07/2026 — 30th day Sunday 05/07/2026, so the deadline is Monday 06/07 (CCAG art. 3.3), interest from 07/07/2026 (2026-S2), 14 days', () => {
    // 2026-S2: ECB rate on 01/07/2026 held at 2,15 % (projection after the 05/02/2026 decision) + 8 = 10,15 %.
    // 20 000 × 0,1015 × 14 / 365 = 28 420 / 365 = 77,863… → 77,86; + 40 € = 117,86
    const invoice = { invoiceId: '26/53', amount: new Decimal(20000), received: d('2026-06-05'), paid: d('2026-07-20'), paymentDays: 30, suspensionDays: 0 };
    const r = procurementInterest(invoice, ecb);
    expect([r.nominalDeadline, r.deadline, r.interestStart, r.daysLate]).toEqual(['2026-07-05', '2026-07-06', '2026-07-07', 14]);
    expect([r.ratePct!.toFixed(2), r.interest.toFixed(2), r.total.toFixed(2), r.rateProjected]).toEqual(['10.15', '77.86', '117.86', true]);
    // The clause read on calendar days (a contract excluding the CCAG rule): deadline 05/07, 15 days:
    // 20 000 × 0,1015 × 15 / 365 = 30 450 / 365 = 83,424… → 83,42; + 40 € = 123,42
    const c = procurementInterest(invoice, ecb, { calendar: 'calendar-days' });
    expect([c.deadline, c.interestStart, c.daysLate, c.interest.toFixed(2), c.total.toFixed(2)]).toEqual(['2026-07-05', '2026-07-06', 15, '83.42', '123.42']);
  });
});

/**
 * Article 18 of CDC contract n° 180000, transcribed: « Toute somme due […]
 * non versée à la date d'exigibilité, porte intérêt de plein droit […] à
 * compter de cette date, au taux du Livret A majoré de 6 % (600 points de
 * base). […] les intérêts de retard échus et non-payés seront capitalisés
 * avec le montant impayé, s'ils sont dus pour au moins une année entière au
 * sens de l'article 1343-2 du Code civil. »
 * First échéance of line 5676228 in its table: 29/10/2026, 30 214,17 €.
 */
describe('golden: article 18 of CDC contract 180000 on the first échéance of line 5676228', () => {
  test('Livret A + 6 % (600 points de base), from the due date itself', () => {
    expect(CDC_LATE_MARGIN_PCT.toFixed(0)).toBe('6');
    // One day late: 30 214,17 × (1,7 + 6) % × 1 / 365 = 6,374… → 6,37 (Livret A 1,7 % from 01/08/2026)
    const o = arrearInterest({ lineId: '5676228', dueDate: d('2026-10-29'), amountDue: new Decimal('30214.17'), payments: [{ date: d('2026-10-30') }] }, livretA);
    expect(o.ok && [o.result.periods[0]!.days, o.result.periods[0]!.ratePct.toFixed(2), o.result.totalInterest.toFixed(2)]).toEqual([1, '7.70', '6.37']);
  });
  test('interest unpaid for a whole year is capitalised on 29/10/2027, not before', () => {
    // 29/10/2026 → 29/10/2027 at 7,7 % (1,7 % held after 31/01/2027): 30 214,17 × 0,077 × 365 / 365 = 2 326,491… → 2 326,49
    const o = arrearInterest({ lineId: '5676228', dueDate: d('2026-10-29'), amountDue: new Decimal('30214.17'), payments: [] }, livretA, d('2027-10-29'));
    expect(o.ok && o.result.periods.map((p) => [p.to, p.capitalised.toFixed(2), p.baseAfter.toFixed(2)])).toEqual([['2027-10-29', '2326.49', '32540.66']]);
    const before = arrearInterest({ lineId: '5676228', dueDate: d('2026-10-29'), amountDue: new Decimal('30214.17'), payments: [] }, livretA, d('2027-10-28'));
    expect(before.ok && before.result.totalCapitalised.toFixed(2)).toBe('0.00');
  });
});
