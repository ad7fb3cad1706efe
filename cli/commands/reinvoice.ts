import { InvalidArgumentError, type Command } from 'commander';
import { quoted } from '../../src/errors.js';
import { Decimal } from '../../src/money/decimal.js';
import { readRate } from '../../src/money/parse.js';
import { reinvoice, reinvoiceAsReport } from '../../src/purchasing/reinvoice.js';
import { readProcedures } from '../../src/purchasing/reinvoice-input.js';
import type { CliIo } from '../io.js';
import { readingFile } from '../input.js';
import { defineCommand } from '../skeleton.js';
import { yearOption } from './group-fees.js';

export interface ReinvoiceCliOptions {
  vat: Decimal;
  year?: number;
}

/** `--vat 20`: a VAT rate in percent, 0 to 100. */
export function vatOption(value: string): Decimal {
  const r = readRate(value);
  if (!r.ok || r.value.isNegative() || r.value.greaterThan(100)) throw new InvalidArgumentError(`expected a VAT rate in percent from 0 to 100 (20 or "20 %"), got ${quoted(value)}`);
  return r.value;
}

/**
 * `finloc reinvoice PROCEDURES.csv`: the procedures each member posted on a
 * shared platform, re-invoiced at cost with VAT, one invoice per member and year.
 */
export function registerReinvoice(program: Command, io: CliIo, setStatus: (code: number) => void): void {
  defineCommand<ReinvoiceCliOptions>(program, io, setStatus, {
    name: 'reinvoice',
    description: 're-invoice procedures posted per member at cost plus VAT: one invoice per member and year, VAT rounded once on the invoice',
    files: [{ name: 'PROCEDURES.csv', description: 'member_id,date,procedure,cost_ht' }],
    options: (c) =>
      c
        .option('--vat <PERCENT>', 'VAT rate in percent', vatOption, new Decimal(20))
        .option('--year <YYYY>', 'invoice only the procedures of that year (default: one invoice per member and per year found)', yearOption),
    run: (ctx, [file], opts) => {
      const procedures = readingFile(ctx.io, file!, readProcedures);
      const invoices = reinvoice(procedures, opts.vat, opts.year);
      const invoiced = invoices.reduce((n, i) => n + i.procedures, 0);
      return { report: reinvoiceAsReport(invoices, procedures.length - invoiced, opts.year) };
    },
  });
}
