import { type Decimal, ZERO, sum } from '../money/decimal.js';
import type { Schedule } from '../loan/types.js';
import { splitByShares } from './split.js';
import type { Guarantee, GuaranteedLine, GuaranteedRow } from './types.js';

/**
 * The guaranteed schedules of one loan line: for each of its guarantees
 * (given in file order), the guarantor's part of every due date.
 *
 * The stocks are split, the flows follow from them: each guarantor's
 * capital remaining (« capital restant dû ») and stock of deferred interest
 * are the split of the line's (splitByShares); its amortisation is the fall
 * of its capital, its deferred interest the change in its stock. Its payment
 * (« échéance », what it would pay for a failing debtor, and the annuity
 * the ratios count) is the split of the row's payment, and its interest is
 * what is left: payment − amortisation + deferred interest, the line's own
 * identity. So every guarantor row is consistent on its own, the cumulated
 * guaranteed amortisation is exactly the guaranteed capital, and when the
 * shares total 100 % the parts of every figure add up to the figure. The
 * interest may thus be a cent from share × interest; the payment never is.
 */
export function guaranteeLine(schedule: Schedule, guarantees: readonly Guarantee[]): GuaranteedLine[] {
  const shares = guarantees.map((g) => g.sharePct);
  const lineSharePct = sum(shares);
  const split = (amount: Decimal) => splitByShares(amount, shares);
  const principal = split(schedule.line.principal);
  const start = split(schedule.summary.amortisedCapital);
  const rows: GuaranteedRow[][] = guarantees.map(() => []);
  let capitalBefore = start;
  let stockBefore: Decimal[] = guarantees.map(() => ZERO);
  for (const row of schedule.rows) {
    const capitalAfter = split(row.capitalAfter);
    const stockAfter = split(row.deferredStock);
    const payment = split(row.payment);
    guarantees.forEach((_, g) => {
      const amortisation = capitalBefore[g]!.minus(capitalAfter[g]!);
      const deferredInterest = stockAfter[g]!.minus(stockBefore[g]!);
      rows[g]!.push({
        number: row.number,
        dueDate: row.dueDate,
        payment: payment[g]!,
        amortisation,
        interest: payment[g]!.minus(amortisation).plus(deferredInterest),
        deferredInterest,
        capitalAfter: capitalAfter[g]!,
        deferredStock: stockAfter[g]!,
      });
    });
    capitalBefore = capitalAfter;
    stockBefore = stockAfter;
  }
  return guarantees.map((guarantee, g) => ({
    guarantee,
    schedule,
    lineSharePct,
    principal: principal[g]!,
    capitalBefore: start[g]!,
    rows: rows[g]!,
  }));
}

/** The guarantees grouped by line, each group in file order: the unit guaranteeLine splits. */
export function guaranteesByLine(guarantees: readonly Guarantee[]): Map<string, Guarantee[]> {
  const byLine = new Map<string, Guarantee[]>();
  for (const g of guarantees) {
    const list = byLine.get(g.lineId) ?? [];
    list.push(g);
    byLine.set(g.lineId, list);
  }
  return byLine;
}

/**
 * Every guaranteed line of a portfolio, in the order of the guarantees:
 * `scheduleOf` gives the amortised schedule of a line id.
 */
export function guaranteePortfolio(guarantees: readonly Guarantee[], scheduleOf: (lineId: string) => Schedule): GuaranteedLine[] {
  const done = new Map<Guarantee, GuaranteedLine>();
  for (const [lineId, list] of guaranteesByLine(guarantees)) {
    for (const gl of guaranteeLine(scheduleOf(lineId), list)) done.set(gl.guarantee, gl);
  }
  return guarantees.map((g) => done.get(g)!);
}
