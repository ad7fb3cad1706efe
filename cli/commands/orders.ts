import { InvalidArgumentError, type Command } from 'commander';
import { quoted } from '../../src/errors.js';
import type { Decimal } from '../../src/money/decimal.js';
import { type IsoDate, parseDate } from '../../src/calendar/date.js';
import { followOrders, ordersAsReport, type FrameworkTerms } from '../../src/purchasing/orders.js';
import { readOrders } from '../../src/purchasing/orders-input.js';
import type { CliIo } from '../io.js';
import { readingFile } from '../input.js';
import { amountOption } from '../options.js';
import { EXIT_CHECK_FAILED, EXIT_OK, UsageError, defineCommand } from '../skeleton.js';

export interface OrdersCliOptions {
  minimum: Decimal;
  ceiling: Decimal;
  start: IsoDate;
  periodMonths: number;
  renewals: number;
  check?: boolean;
}

function dateOption(value: string): IsoDate {
  const d = parseDate(value);
  if (!d) throw new InvalidArgumentError(`expected a date such as 2026-08-01 or 01/08/2026, got ${quoted(value)}`);
  return d;
}

function integerOption(min: number, maxValue: number) {
  return (value: string): number => {
    if (!/^\d+$/.test(value.trim()) || Number(value) < min || Number(value) > maxValue) throw new InvalidArgumentError(`expected a whole number from ${min} to ${maxValue}, got ${quoted(value)}`);
    return Number(value);
  };
}

/**
 * `finloc orders ORDERS.csv`: the orders of a framework agreement
 * (« accord-cadre à bons de commande ») against its minimum and ceiling,
 * period by period; `--check` exits 1 when a ceiling is crossed.
 */
export function registerOrders(program: Command, io: CliIo, setStatus: (code: number) => void): void {
  defineCommand<OrdersCliOptions>(program, io, setStatus, {
    name: 'orders',
    description: 'orders of a framework agreement per period: total, remaining to the ceiling, shortfall to the minimum, the order crossing the ceiling',
    files: [{ name: 'ORDERS.csv', description: 'order_id,date,amount_ht' }],
    options: (c) =>
      c
        .requiredOption('--ceiling <AMOUNT>', 'maximum HT per period (initial period and each renewal)', amountOption)
        .option('--minimum <AMOUNT>', 'minimum HT per period', amountOption)
        .requiredOption('--start <DATE>', 'first day of the initial period', dateOption)
        .option('--period-months <N>', 'length of each period, months', integerOption(1, 120), 12)
        .option('--renewals <N>', 'number of renewals (« reconductions »)', integerOption(0, 20), 0)
        .option('--check', 'exit 1 when a ceiling is crossed'),
    run: (ctx, [file], opts) => {
      const minimum = opts.minimum ?? amountOption('0');
      if (opts.ceiling.isNegative() || minimum.isNegative()) throw new UsageError('--minimum, --ceiling: expected amounts of zero or more');
      if (minimum.greaterThan(opts.ceiling)) throw new UsageError(`--minimum ${minimum.toFixed(2)} is above --ceiling ${opts.ceiling.toFixed(2)}; expected minimum ≤ ceiling`);
      const terms: FrameworkTerms = { minimum, ceiling: opts.ceiling, start: opts.start, periodMonths: opts.periodMonths, renewals: opts.renewals };
      const orders = readingFile(ctx.io, file!, (text, options) => readOrders(text, terms, options));
      const result = followOrders(orders, terms);
      const crossed = result.periods.some((p) => p.overCeiling.greaterThan(0));
      return { report: ordersAsReport(result, terms), status: opts.check && crossed ? EXIT_CHECK_FAILED : EXIT_OK };
    },
  });
}
