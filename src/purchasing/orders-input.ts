import { InputError } from '../errors.js';
import { required, type TableOptions } from '../csv/table.js';
import { date, positiveAmount, text } from '../csv/fields.js';
import { toFrenchDate } from '../calendar/date.js';
import { duplicateChecker, readRows } from './read.js';
import { type FrameworkTerms, type Order, agreementPeriods, periodOf } from './orders.js';

/** ORDERS.csv of `finloc orders`. */
export const orderSchema = {
  order_id: required(text, ['bon_de_commande', 'n_bon_de_commande', 'numero', 'commande']),
  date: required(date, ['date_de_commande', 'date_du_bon', 'date_emission']),
  amount_ht: required(positiveAmount, ['montant_ht', 'montant', 'total_ht']),
};

/** Reads ORDERS.csv: an order once, an amount HT greater than zero, a date within a period of the agreement. */
export function readOrders(csv: string, terms: FrameworkTerms, options: TableOptions = {}): Order[] {
  const periods = agreementPeriods(terms);
  const first = periods[0]!.start;
  const last = periods[periods.length - 1]!.end;
  const dup = duplicateChecker('order');
  const { rows } = readRows(csv, orderSchema, options, (row, line, problem) => {
    const d = dup(row.order_id, line);
    if (d) problem('order_id', d);
    if (!periodOf(row.date, periods)) {
      problem('date', `order dated ${toFrenchDate(row.date)} is outside every period of the agreement; expected a date from ${toFrenchDate(first)} to ${toFrenchDate(last)}`);
    }
  });
  if (rows.length === 0) throw new InputError([{ message: 'no order' }]);
  return rows.map(({ line, row }) => ({ orderId: row.order_id, date: row.date, amountHt: row.amount_ht, line }));
}
