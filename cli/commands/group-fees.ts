import { InvalidArgumentError, type Command } from 'commander';
import { quoted } from '../../src/errors.js';
import { memberFee } from '../../src/purchasing/fees.js';
import { readMembers } from '../../src/purchasing/fees-input.js';
import { feesAsReport } from '../../src/purchasing/fees-report.js';
import { type Energy, parseScheme } from '../../src/purchasing/scheme.js';
import { type CliIo, bundledDataPath } from '../io.js';
import { readingFile } from '../input.js';
import { defineCommand } from '../skeleton.js';

export interface GroupFeesCliOptions {
  scheme?: string;
  year?: number;
  energy: Energy;
}

/** `--year YYYY`: a year from 1900 to 2199. */
export function yearOption(value: string): number {
  if (!/^\d{4}$/.test(value.trim()) || Number(value) < 1900 || Number(value) > 2199) throw new InvalidArgumentError(`expected a year from 1900 to 2199, got ${quoted(value)}`);
  return Number(value);
}

function energyOption(value: string): Energy {
  if (value !== 'gas' && value !== 'electricity') throw new InvalidArgumentError(`expected gas or electricity, got ${quoted(value)}`);
  return value;
}

/** The bundled scheme: SIGERLy 2017 (data/purchasing/sigerly-2017-scheme.csv). */
export const BUNDLED_SCHEME = 'purchasing/sigerly-2017-scheme.csv';

/**
 * `finloc group-fees MEMBERS.csv`: the yearly participation of each member
 * of a purchasing group (« groupement de commandes »), by a scheme file.
 */
export function registerGroupFees(program: Command, io: CliIo, setStatus: (code: number) => void): void {
  defineCommand<GroupFeesCliOptions>(program, io, setStatus, {
    name: 'group-fees',
    description: 'yearly participation of the members of a purchasing group (« groupement de commandes »): bands, floor, ceiling, special cases, proration',
    files: [{ name: 'MEMBERS.csv', description: 'member_id,kind,population,gas_kwh,communes_total,communes_members,start_date,end_date' }],
    inputOptions: ['scheme'],
    options: (c) =>
      c
        .option('--scheme <FILE>', 'the scheme parameters (parameter,value,source); default: the SIGERLy 2017 scheme bundled in data/purchasing/')
        .option('--year <YYYY>', 'the year billed: contract dates are prorated within it', yearOption)
        .option('--energy <gas|electricity>', 'the energy purchased: the scheme says how communes pay for each', energyOption, 'gas'),
    run: (ctx, [file], opts) => {
      const scheme = readingFile(ctx.io, opts.scheme ?? bundledDataPath(BUNDLED_SCHEME), parseScheme);
      const method = scheme.methods[opts.energy];
      const members = readingFile(ctx.io, file!, (text, options) => readMembers(text, method, opts.year, options));
      return { report: feesAsReport(members.map((m) => memberFee(m, scheme, method, opts.year)), scheme, opts.energy, opts.year) };
    },
  });
}
