import type { Command } from 'commander';
import type { Decimal } from '../../src/money/decimal.js';
import { readAmount } from '../../src/money/parse.js';
import { quoted } from '../../src/errors.js';
import { shareAmount, shareAsReport } from '../../src/purchasing/share.js';
import { readShareKeys } from '../../src/purchasing/share-input.js';
import type { CliIo } from '../io.js';
import { readingFile } from '../input.js';
import { UsageError, defineCommand } from '../skeleton.js';

export interface ShareCliOptions {
  by: string;
}

/** The AMOUNT argument: an amount in euros and cents, negative allowed (write −1500 or `-- -1500`). */
export function amountArgument(value: string): Decimal {
  const r = readAmount(value);
  if (!r.ok) throw new UsageError(`AMOUNT: expected ${r.expected}, got ${quoted(value)}`);
  return r.value;
}

/**
 * `finloc share AMOUNT --by KEYS.csv`: an amount shared among members in
 * proportion to their keys, to the cent, the shares adding up to the amount
 * (largest-remainder method).
 */
export function registerShare(program: Command, io: CliIo, setStatus: (code: number) => void): void {
  defineCommand<ShareCliOptions>(program, io, setStatus, {
    name: 'share',
    description: 'share an amount among members in proportion to a key, to the cent, the shares adding up exactly (largest remainder)',
    files: [{ name: 'AMOUNT', description: 'the amount to share, € (negative allowed: −1500, or -- -1500)' }],
    inputOptions: ['by'],
    options: (c) => c.requiredOption('--by <KEYS.csv>', 'member_id,key lines: the sharing key of each member (expenses, population, procedures…)'),
    run: (ctx, [amountText], opts) => {
      const amount = amountArgument(amountText!);
      const keys = readingFile(ctx.io, opts.by, readShareKeys);
      return { report: shareAsReport(amount, shareAmount(amount, keys)), checked: opts.by };
    },
  });
}
