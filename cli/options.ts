import { InvalidArgumentError } from 'commander';
import { quoted } from '../src/errors.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../src/output/format.js';
import { readAmount } from '../src/money/parse.js';
import type { Decimal } from '../src/money/decimal.js';

/** Parser for `--format`, restricted to the formats a command offers. */
export function formatParser<F extends string = OutputFormat>(allowed: readonly F[] = OUTPUT_FORMATS as unknown as F[]) {
  return (value: string): F => {
    if (!(allowed as readonly string[]).includes(value)) {
      throw new InvalidArgumentError(`expected one of ${allowed.join(', ')}, got ${quoted(value)}`);
    }
    return value as F;
  };
}

/**
 * Parser for an amount given as an option ("598 255,81", "598255.81"): the
 * one amount parser of the cells (src/money/parse.ts), at most two decimals.
 */
export function amountOption(value: string): Decimal {
  const r = readAmount(value);
  if (!r.ok) throw new InvalidArgumentError(`expected ${r.expected}, got ${JSON.stringify(value)}`);
  return r.value;
}
