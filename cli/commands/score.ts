import { InvalidArgumentError, type Command } from 'commander';
import { quoted } from '../../src/errors.js';
import type { Decimal } from '../../src/money/decimal.js';
import { readRate } from '../../src/money/parse.js';
import { ABNORMALLY_LOW_PCT, scoreOffers } from '../../src/purchasing/score.js';
import { readCriteria, readOffers } from '../../src/purchasing/score-input.js';
import { scoresAsReport } from '../../src/purchasing/score-report.js';
import type { CliIo } from '../io.js';
import { readingFile } from '../input.js';
import { defineCommand } from '../skeleton.js';

export interface ScoreCliOptions {
  criteria: string;
  abnormallyLowPct: Decimal;
}

function percentOption(value: string): Decimal {
  const r = readRate(value);
  if (!r.ok || !r.value.greaterThan(0) || r.value.greaterThan(100)) throw new InvalidArgumentError(`expected a percentage greater than 0 and at most 100, got ${quoted(value)}`);
  return r.value;
}

/**
 * `finloc score OFFERS.csv --criteria CRITERIA.csv`: the offers of a
 * tender scored on weighted criteria, totalled and ranked.
 */
export function registerScore(program: Command, io: CliIo, setStatus: (code: number) => void): void {
  defineCommand<ScoreCliOptions>(program, io, setStatus, {
    name: 'score',
    description: 'score the offers of a tender on weighted criteria (price by the « règle de trois » or a linear formula, marks), total, rank, possibly abnormally low offers',
    files: [{ name: 'OFFERS.csv', description: 'offer_id,price and one column per marked criterion (its criterion_id)' }],
    inputOptions: ['criteria'],
    options: (c) =>
      c
        .requiredOption('--criteria <CRITERIA.csv>', 'criterion_id,parent,label,weight,method')
        .option('--abnormally-low-pct <PERCENT>', 'flag an offer priced below this % of the mean of the other offers', percentOption, ABNORMALLY_LOW_PCT),
    run: (ctx, [file], opts) => {
      const criteria = readingFile(ctx.io, opts.criteria, readCriteria);
      const offers = readingFile(ctx.io, file!, (text, options) => readOffers(text, criteria, options));
      return { report: scoresAsReport(criteria, scoreOffers(criteria, offers, opts.abnormallyLowPct), opts.abnormallyLowPct) };
    },
  });
}
