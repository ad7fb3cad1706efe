/**
 * finloc for Node: the pure core (`finloc`) plus what needs the file
 * system, the bundled rate histories above all, so that one call amortises
 * a file or a line: `import { amortizeCsv, amortizeLine } from 'finloc/node'`.
 * The core itself (src/) reads no file: bundled data reaches it from here.
 */
import { readFileSync } from 'node:fs';
import { decodeBytes } from '../src/csv/decode.js';
import { InputError, withFile } from '../src/errors.js';
import { type AmortizeCsvOptions, amortizeCsv as amortizeCsvWith } from '../src/loan/amortize-csv.js';
import { type PlainLoanLine, loanLine } from '../src/loan/plain-line.js';
import { type AmortizeOptions, amortize } from '../src/loan/schedule.js';
import type { Schedule } from '../src/loan/types.js';
import { ECB_MRO_KNOWN_UNTIL } from '../src/late-interest/ecb-mro.js';
import { semesterEnd } from '../src/late-interest/semester-rate.js';
import type { RateHistory } from '../src/rates/history.js';
import { rateHistoryFromCsv } from '../src/rates/history-csv.js';
import { livretAKnownUntil } from '../src/rates/livret-a.js';
import { bundledDataPath } from './package-data.js';

export * from '../src/index.js';
export { bundledDataPath, packageRoot } from './package-data.js';

const cache = new Map<string, RateHistory>();

/** The Livret A history bundled with finloc (data/livret-a.csv), known until the day before the next 1 February or 1 August. */
export function bundledLivretA(): RateHistory {
  let h = cache.get('livret-a');
  if (!h) cache.set('livret-a', (h = rateHistoryFromCsv(readFileSync(bundledDataPath('livret-a.csv'), 'utf8'), 'Livret A', livretAKnownUntil)));
  return h;
}

/** The ECB main refinancing rate history bundled with finloc (data/bce-mro.csv). */
export function bundledEcbRates(): RateHistory {
  let h = cache.get('bce-mro');
  if (!h) cache.set('bce-mro', (h = rateHistoryFromCsv(readFileSync(bundledDataPath('bce-mro.csv'), 'utf8'), 'ECB main refinancing rate', () => ECB_MRO_KNOWN_UNTIL)));
  return h;
}

/** The legal interest rate by semester (« tous les autres cas ») bundled with finloc (data/legal-interest-rate.csv), known to its last semester's end: for complementary interest. */
export function bundledLegalInterestRates(): RateHistory {
  let h = cache.get('legal-interest-rate');
  if (!h) cache.set('legal-interest-rate', (h = rateHistoryFromCsv(readFileSync(bundledDataPath('legal-interest-rate.csv'), 'utf8'), 'legal interest rate', semesterEnd)));
  return h;
}

/**
 * The amortisation tables of a LOANS.csv text; the Livret A is the bundled
 * history unless `options.index` gives another.
 *
 * @example amortizeCsv(readFileSync('data/examples/cdc-180000.csv', 'utf8'))[0].summary.totalInterest.toFixed(2) // '185727.37'
 */
export function amortizeCsv(text: string, options: AmortizeCsvOptions = {}): Schedule[] {
  return amortizeCsvWith(text, { ...options, index: options.index ?? bundledLivretA() });
}

/** The amortisation tables of a LOANS.csv file in any encoding `finloc` reads; problems name the file. */
export function amortizeFile(path: string, options: AmortizeCsvOptions = {}): Schedule[] {
  try {
    return amortizeCsv(decodeBytes(readFileSync(path)), options);
  } catch (e) {
    if (e instanceof InputError) throw new InputError(withFile(e.problems, path));
    throw e;
  }
}

/**
 * The table of one line given as plain values (numbers or strings for
 * amounts and rates, ISO strings for dates; defaults as LOANS.csv's
 * columns); the Livret A is the bundled history unless `options.index`
 * gives another.
 *
 * @example amortizeLine({ principal: 569627, firstDueDate: '2026-10-29', periods: 25, index: 'livret_a', marginPct: 0.6, ratePct: 2.3, revision: 'DL' }).rows[0].payment.toFixed(2) // '30214.17'
 */
export function amortizeLine(values: PlainLoanLine, options: AmortizeOptions = {}): Schedule {
  return amortize(loanLine(values), { ...options, index: options.index ?? bundledLivretA() });
}
