import { Decimal } from '../../src/money/decimal.js';
import { makeRateHistory } from '../../src/rates/history.js';
import type { PortfolioContext } from '../../src/loan/portfolio.js';
import type { HeaderBinding } from '../../src/csv/table.js';
import { loanLineSchema } from '../../src/loan/input.js';
import type { IsoDate } from '../../src/calendar/date.js';
import type { OutputFormat } from '../../src/output/format.js';
import type { Disbursement } from '../../src/loan/types.js';
import type { RateStepsFile } from '../../src/loan/rate-steps.js';
import type { TextEncodingName } from '../../src/csv/decode.js';
import type { Separator } from '../../src/csv/records.js';

/** A portfolio context in plain data, to cross into a worker thread (Decimals travel as strings). */
export interface WorkerInit {
  readonly file: string;
  readonly encoding: TextEncodingName;
  readonly separator: Separator;
  readonly indexOf: Record<string, number | undefined>;
  readonly headers: readonly string[];
  readonly index: { name: string; knownUntil: string; points: [string, string][] };
  readonly disbursements: [string, [string, string][]][];
  /** --rate-steps: the file, its columns, and each line's steps as [file line, from number, rate]. */
  readonly rateSteps?: { file: string; columns: RateStepsFile['columns']; byLine: [string, [number, number, string][]][] };
  readonly format: OutputFormat;
}

export function initFromContext(ctx: PortfolioContext): WorkerInit {
  return {
    file: ctx.file,
    encoding: ctx.encoding,
    separator: ctx.separator,
    indexOf: { ...ctx.binding.indexOf },
    headers: ctx.binding.headers,
    index: { name: ctx.index.name, knownUntil: ctx.index.knownUntil, points: ctx.index.points.map((p) => [p.effectiveDate, p.ratePct.toString()]) },
    disbursements: [...ctx.disbursements].map(([id, list]) => [id, list.map((d) => [d.date, d.amount.toString()])]),
    ...(ctx.rateSteps
      ? {
          rateSteps: {
            file: ctx.rateSteps.file,
            columns: ctx.rateSteps.columns,
            byLine: [...ctx.rateSteps.byLine].map(([id, list]) => [id, list.map((g): [number, number, string] => [g.line, g.step.fromNumber, g.step.ratePct.toString()])]),
          },
        }
      : {}),
    format: ctx.format,
  };
}

export function contextFromInit(init: WorkerInit): PortfolioContext {
  const binding: HeaderBinding<typeof loanLineSchema> = { schema: loanLineSchema, indexOf: init.indexOf, headers: init.headers };
  return {
    file: init.file,
    encoding: init.encoding,
    separator: init.separator,
    binding,
    index: makeRateHistory(
      init.index.name,
      init.index.points.map(([d, r]) => ({ effectiveDate: d as IsoDate, ratePct: new Decimal(r) })),
      init.index.knownUntil as IsoDate,
    ),
    disbursements: new Map(
      init.disbursements.map(([id, list]): [string, Disbursement[]] => [id, list.map(([d, a]) => ({ date: d as IsoDate, amount: new Decimal(a) }))]),
    ),
    ...(init.rateSteps
      ? {
          rateSteps: {
            file: init.rateSteps.file,
            columns: init.rateSteps.columns,
            byLine: new Map(init.rateSteps.byLine.map(([id, list]) => [id, list.map(([line, fromNumber, rate]) => ({ line, step: { fromNumber, ratePct: new Decimal(rate) } }))])),
          },
        }
      : {}),
    format: init.format,
  };
}
