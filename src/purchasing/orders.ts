import { type IsoDate, addDays, addMonths, compareDates } from '../calendar/date.js';
import { type Decimal, ZERO, max, sum } from '../money/decimal.js';
import { type Report, type Row, type Table, alert, column, report, word } from '../report/model.js';

/** An order (« bon de commande ») of a framework agreement. */
export interface Order {
  readonly orderId: string;
  readonly date: IsoDate;
  readonly amountHt: Decimal;
  /** The line of the file, to name it. */
  readonly line?: number;
}

/** The terms of an « accord-cadre à bons de commande »: a minimum and a ceiling per period, an initial period and its renewals. */
export interface FrameworkTerms {
  readonly minimum: Decimal;
  readonly ceiling: Decimal;
  readonly start: IsoDate;
  readonly periodMonths: number;
  readonly renewals: number;
}

export interface Period {
  /** 0 for the initial period, k for the k-th renewal (« reconduction »). */
  readonly index: number;
  readonly start: IsoDate;
  /** Last day, included. */
  readonly end: IsoDate;
}

export interface PlacedOrder {
  readonly order: Order;
  readonly period: number;
  /** Ordered in the period up to and including this order (orders by date, then file order). */
  readonly cumulative: Decimal;
  /** The first order to take the period's total above the ceiling. */
  readonly crossesCeiling: boolean;
  /** Ordered after the ceiling was crossed. */
  readonly beyondCeiling: boolean;
}

export interface PeriodSummary {
  readonly period: Period;
  readonly orders: number;
  readonly total: Decimal;
  /** ceiling − total, never below 0. */
  readonly remainingToCeiling: Decimal;
  /** total − ceiling when above it, else 0. */
  readonly overCeiling: Decimal;
  /** minimum − total at the end of the period, never below 0. */
  readonly shortfallToMinimum: Decimal;
}

/**
 * The periods of the agreement: the initial period, then each renewal, of
 * `periodMonths` months each, from `start`; a period ends the day before
 * the next one starts.
 *
 * @example
 * // Gex, lot 1: from 01/08/2026, 12 months, one renewal:
 * // 01/08/2026 – 31/07/2027 (initial), 01/08/2027 – 31/07/2028 (renewal 1).
 */
export function agreementPeriods(terms: FrameworkTerms): Period[] {
  return Array.from({ length: terms.renewals + 1 }, (_, index) => ({
    index,
    start: addMonths(terms.start, index * terms.periodMonths),
    end: addDays(addMonths(terms.start, (index + 1) * terms.periodMonths), -1),
  }));
}

/** The period an order falls in, or undefined when it is outside every one. */
export function periodOf(date: IsoDate, periods: readonly Period[]): Period | undefined {
  return periods.find((p) => compareDates(date, p.start) >= 0 && compareDates(date, p.end) <= 0);
}

/**
 * Places each order in its period and follows the total ordered against
 * the period's ceiling (« le montant de commande du lot et de chaque
 * reconduction est limité à 80 000 € HT ») and minimum, which apply to each
 * period. Orders outside every period must be refused before (see
 * {@link periodOf}).
 *
 * @example
 * // ceiling 80 000: orders of 30 000, 45 000 and 10 000 in the initial period:
 * // cumulative 30 000, 75 000, 85 000: the third crosses the ceiling (5 000 over).
 */
export function followOrders(orders: readonly Order[], terms: FrameworkTerms): { placed: PlacedOrder[]; periods: PeriodSummary[] } {
  const periods = agreementPeriods(terms);
  const placed: PlacedOrder[] = [];
  const summaries = periods.map((period) => {
    const inPeriod = orders
      .map((order, i) => ({ order, i }))
      .filter(({ order }) => periodOf(order.date, [period]) !== undefined)
      .sort((a, b) => compareDates(a.order.date, b.order.date) || a.i - b.i);
    let cumulative = ZERO;
    let crossed = false;
    for (const { order } of inPeriod) {
      cumulative = cumulative.plus(order.amountHt);
      const crossesCeiling = !crossed && cumulative.greaterThan(terms.ceiling);
      placed.push({ order, period: period.index, cumulative, crossesCeiling, beyondCeiling: crossed });
      if (crossesCeiling) crossed = true;
    }
    const total = sum(inPeriod.map((o) => o.order.amountHt));
    return {
      period,
      orders: inPeriod.length,
      total,
      remainingToCeiling: max(ZERO, terms.ceiling.minus(total)),
      overCeiling: max(ZERO, total.minus(terms.ceiling)),
      shortfallToMinimum: max(ZERO, terms.minimum.minus(total)),
    };
  });
  return { placed, periods: summaries };
}

const periodName = (index: number) => (index === 0 ? word('initial', 'période initiale') : word(`renewal ${index}`, `reconduction ${index}`));

/** The periods (main table) and the orders as a report; a crossed ceiling is an alert naming the order. */
export function ordersAsReport(result: { placed: PlacedOrder[]; periods: PeriodSummary[] }, terms: FrameworkTerms): Report {
  const periodRows: Row[] = result.periods.map((p) => ({
    period: periodName(p.period.index),
    start: p.period.start,
    end: p.period.end,
    orders: p.orders,
    total: p.total,
    minimum: terms.minimum,
    ceiling: terms.ceiling,
    remaining_to_ceiling: p.remainingToCeiling,
    over_ceiling: p.overCeiling,
    shortfall_to_minimum: p.shortfallToMinimum,
    status: p.overCeiling.greaterThan(0) ? word('ceiling_crossed', 'plafond dépassé') : p.shortfallToMinimum.greaterThan(0) ? word('below_minimum', 'sous le minimum') : word('ok', 'conforme'),
  }));
  const periods: Table = {
    key: 'periods',
    title: 'Commandes par période',
    columns: [
      column('period', 'Période', 'text'),
      column('start', 'Début', 'date'),
      column('end', 'Fin', 'date'),
      column('orders', 'Bons de commande', 'count'),
      column('total', 'Total commandé HT', 'amount'),
      column('minimum', 'Minimum HT', 'amount', 'règlement de la consultation, lot 1'),
      column('ceiling', 'Maximum HT', 'amount', 'règlement de la consultation, lot 1'),
      column('remaining_to_ceiling', 'Reste avant le maximum', 'amount'),
      column('over_ceiling', 'Dépassement du maximum', 'amount'),
      column('shortfall_to_minimum', 'Manque pour atteindre le minimum', 'amount'),
      column('status', 'Situation', 'text'),
    ],
    rows: periodRows,
  };
  const french: Table = { ...periods, rows: [...periodRows, { period: word('Total', 'Total'), orders: result.placed.length, total: sum(result.periods.map((p) => p.total)) }] };
  const orders: Table = {
    key: 'orders',
    title: 'Bons de commande',
    columns: [
      column('order_id', 'Bon de commande', 'identifier'),
      column('date', 'Date', 'date'),
      column('period', 'Période', 'text'),
      column('amount_ht', 'Montant HT', 'amount'),
      column('cumulative', 'Cumul de la période', 'amount'),
      column('remaining_after', 'Reste avant le maximum', 'amount'),
      column('ceiling', 'Maximum', 'text'),
    ],
    rows: result.placed.map((o) => ({
      order_id: o.order.orderId,
      date: o.order.date,
      period: periodName(o.period),
      amount_ht: o.order.amountHt,
      cumulative: o.cumulative,
      remaining_after: terms.ceiling.minus(o.cumulative),
      ceiling: o.crossesCeiling ? word('crosses', 'dépasse le maximum') : o.beyondCeiling ? word('beyond', 'au-delà du maximum') : undefined,
    })),
  };
  const notes = result.placed
    .filter((o) => o.crossesCeiling)
    .map((o) => {
      const p = result.periods[o.period]!;
      return alert(
        `order ${o.order.orderId}${o.order.line !== undefined ? ` (line ${o.order.line})` : ''} of ${o.order.date} crosses the ceiling of the ${o.period === 0 ? 'initial period' : `renewal ${o.period}`} (${terms.ceiling.toFixed(2)} HT): cumulative ${o.cumulative.toFixed(2)}, ${o.cumulative.minus(terms.ceiling).toFixed(2)} over; the period totals ${p.total.toFixed(2)}`,
      );
    });
  const crossed = result.periods.some((p) => p.overCeiling.greaterThan(0));
  return report('orders', [{ ...periods, french }, orders], {
    notes,
    facts: { orders: result.placed.length, total: sum(result.periods.map((p) => p.total)).toFixed(2), ceiling_crossed: crossed },
  });
}
