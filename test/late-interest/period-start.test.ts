import { describe, expect, test } from 'vitest';
import { Decimal } from '../../src/money/decimal.js';
import { periodStart } from '../../src/late-interest/procurement-deadline.js';
import { procurementInterest } from '../../src/late-interest/procurement-interest.js';
import { invoiceProblems } from '../../src/late-interest/input.js';
import { d, ecb } from './histories.js';

describe('where the payment period starts (R2192-12, R2192-13, CAA Versailles 17/09/2024)', () => {
  test.each([
    ['the receipt date, when known', { received: '2025-01-02' }, '2025-01-02', 'receipt'],
    ['the receipt date, not earlier than the request', { received: '2025-01-02', request: '2024-12-30' }, '2025-01-02', 'receipt'],
    ['no receipt date: the request date + 2 days', { request: '2024-12-30' }, '2025-01-01', 'request'],
    ['a receipt before the request itself is uncertain: request + 2 days', { received: '2024-12-20', request: '2024-12-30' }, '2025-01-01', 'request'],
    ['services performed after the receipt: from the services (R2192-13)', { received: '2025-01-02', service: '2025-01-10' }, '2025-01-10', 'service'],
    ['services performed before the receipt: from the receipt', { received: '2025-01-02', service: '2024-12-15' }, '2025-01-02', 'receipt'],
    ['receipt unknown, services only: from the services (R2192-13)', { service: '2025-01-10' }, '2025-01-10', 'service'],
    ['receipt unknown, request + 2 earlier than the services: from the services', { request: '2025-01-05', service: '2025-01-10' }, '2025-01-10', 'service'],
  ] as const)('%s', (_, dates, date, rule) => {
    const given = Object.fromEntries(Object.entries(dates).map(([k, v]) => [k, d(v)]));
    expect(periodStart(given)).toEqual({ date, rule });
  });

  test('no date at all: undefined, and the invoice is refused naming received_date', () => {
    expect(periodStart({})).toBeUndefined();
    const problems = invoiceProblems({ invoiceId: 'x', amount: new Decimal(100), paid: d('2025-03-03'), paymentDays: 30, suspensionDays: 0 }, ecb);
    expect(problems).toEqual([{ column: 'received_date', message: expect.stringContaining('missing value') }]);
  });

  test('a request of 30/12/2024 with no receipt date: the period runs from 01/01/2025, the interest follows', () => {
    // 01/01/2025 + 30 = Friday 31/01/2025 (a working day); paid 10/02: 10 days at 11,15 %.
    // 10 000 × 0,1115 × 10 / 365 = 11 150 / 365 = 30,547… → 30,55.
    const r = procurementInterest({ invoiceId: 'x', amount: new Decimal(10000), requestDate: d('2024-12-30'), paid: d('2025-02-10'), paymentDays: 30, suspensionDays: 0 }, ecb);
    expect([r.start.date, r.start.rule, r.deadline, r.daysLate, r.interest.toFixed(2)]).toEqual(['2025-01-01', 'request', '2025-01-31', 10, '30.55']);
  });
});
