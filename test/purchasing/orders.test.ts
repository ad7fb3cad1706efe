import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { Decimal, sum } from '../../src/money/decimal.js';
import { type FrameworkTerms, agreementPeriods, followOrders } from '../../src/purchasing/orders.js';
import { readOrders } from '../../src/purchasing/orders-input.js';
import { InputError } from '../../src/errors.js';
import type { IsoDate } from '../../src/calendar/date.js';
import { runFinloc, tempDir, writeFile } from '../helpers/cli.js';

const d = (s: string | number) => new Decimal(s);
// Gex, lot 1 (règlement de la consultation): minimum 35 000 € HT, maximum 80 000 € HT for the initial period and each renewal; 12 months from 01/08/2026; one renewal.
const GEX: FrameworkTerms = { minimum: d(35000), ceiling: d(80000), start: '2026-08-01' as IsoDate, periodMonths: 12, renewals: 1 };
const order = (orderId: string, date: string, amount: string | number) => ({ orderId, date: date as IsoDate, amountHt: d(amount) });

describe('orders: worked examples', () => {
  test('the Gex periods: 01/08/2026–31/07/2027 and 01/08/2027–31/07/2028', () => {
    expect(agreementPeriods(GEX).map((p) => [p.start, p.end])).toEqual([
      ['2026-08-01', '2027-07-31'],
      ['2027-08-01', '2028-07-31'],
    ]);
  });

  test('the bundled example: 12 400 + 18 250 + 26 900 + 25 300 = 82 850 in the initial period, 2 850 over: BC-2027-02 crosses; renewal 9 800 + 14 600 = 24 400, 10 600 short of 35 000', () => {
    const orders = [
      order('BC-2026-01', '2026-08-03', '12400'),
      order('BC-2026-02', '2026-10-15', '18250'),
      order('BC-2027-01', '2027-04-04', '26900'),
      order('BC-2027-02', '2027-06-20', '25300'),
      order('BC-2027-03', '2027-09-02', '9800'),
      order('BC-2028-01', '2028-03-14', '14600'),
    ];
    const r = followOrders(orders, GEX);
    expect(r.periods.map((p) => [p.orders, p.total.toFixed(2), p.remainingToCeiling.toFixed(2), p.overCeiling.toFixed(2), p.shortfallToMinimum.toFixed(2)])).toEqual([
      [4, '82850.00', '0.00', '2850.00', '0.00'],
      [2, '24400.00', '55600.00', '0.00', '10600.00'],
    ]);
    expect(r.placed.filter((o) => o.crossesCeiling).map((o) => o.order.orderId)).toEqual(['BC-2027-02']);
  });

  test('orders are followed by date, then file order; the order reaching the ceiling exactly does not cross it', () => {
    const r = followOrders([order('B', '2026-09-01', 30000), order('A', '2026-08-15', 50000), order('C', '2026-09-01', 1)], GEX);
    // A 50 000 (cumulative 50 000), B 30 000 (80 000 = the ceiling: not over), C 1 (80 001: crosses).
    expect(r.placed.map((o) => [o.order.orderId, o.cumulative.toFixed(2), o.crossesCeiling])).toEqual([
      ['A', '50000.00', false],
      ['B', '80000.00', false],
      ['C', '80001.00', true],
    ]);
  });

  test('an order outside every period: refused with its line', () => {
    try {
      readOrders('order_id,date,amount_ht\nA,2026-07-31,100\nB,2028-08-01,100\nC,2027-01-01,100\n', GEX);
      expect.unreachable();
    } catch (e) {
      expect((e as InputError).problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([
        '2:2 order dated 31/07/2026 is outside every period of the agreement; expected a date from 01/08/2026 to 31/07/2028',
        '3:2 order dated 01/08/2028 is outside every period of the agreement; expected a date from 01/08/2026 to 31/07/2028',
      ]);
    }
  });
});

describe('orders: properties', () => {
  test.prop([fc.array(fc.record({ day: fc.integer({ min: 0, max: 730 }), cents: fc.integer({ min: 1, max: 5_000_000 }) }), { maxLength: 40 }), fc.integer({ min: 0, max: 3 })])(
    'the sum over periods is the sum of the orders; each period total is its orders; remaining + total = ceiling below it',
    (list, renewals) => {
      const terms = { ...GEX, renewals };
      const lastDay = agreementPeriods(terms).at(-1)!.end;
      const orders = list
        .map((x, i) => order(String(i), new Date(Date.UTC(2026, 7, 1 + x.day)).toISOString().slice(0, 10), d(x.cents).div(100).toFixed(2)))
        .filter((o) => o.date <= lastDay);
      const r = followOrders(orders, terms);
      expect(sum(r.periods.map((p) => p.total)).equals(sum(orders.map((o) => o.amountHt)))).toBe(true);
      expect(r.placed.length).toBe(orders.length);
      for (const p of r.periods) {
        if (p.overCeiling.isZero()) expect(p.remainingToCeiling.plus(p.total).equals(terms.ceiling)).toBe(true);
        expect(r.placed.filter((o) => o.period === p.period.index && o.crossesCeiling).length).toBe(p.overCeiling.greaterThan(0) ? 1 : 0);
      }
    },
  );
});

describe('finloc orders', () => {
  const args = ['--minimum', '35000', '--ceiling', '80 000,00', '--start', '01/08/2026', '--renewals', '1'];
  test('the Gex example: the crossing named in an alert; exit 0, or 1 with --check', async () => {
    const r = await runFinloc(['orders', 'data/examples/gex-orders.csv', ...args]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[1]).toBe('initial,2026-08-01,2027-07-31,4,82850.00,35000.00,80000.00,0.00,2850.00,0.00,ceiling_crossed');
    expect(r.stderr).toContain('finloc: alert: order BC-2027-02 (line 5) of 2027-06-20 crosses the ceiling of the initial period');
    expect((await runFinloc(['orders', 'data/examples/gex-orders.csv', ...args, '--check'])).code).toBe(1);
  });
  test('an order outside every period: exit 2 naming the file, line and column', async () => {
    const dir = tempDir();
    const f = writeFile(dir, 'o.csv', 'order_id;date;amount_ht\nA;01/09/2028;100\n');
    const r = await runFinloc(['orders', f, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`finloc: ${f}:2:2 (date): order dated 01/09/2028 is outside every period of the agreement; expected a date from 01/08/2026 to 31/07/2028\n`);
  });
});
