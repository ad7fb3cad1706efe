import { InputError, type InputProblem, quoted } from '../errors.js';
import { parseTable, required, optional, type TableOptions } from '../csv/table.js';
import { text, normaliseToken } from '../csv/fields.js';
import { type IsoDate, parseDate } from '../calendar/date.js';
import type { Decimal } from '../money/decimal.js';
import { readNumber } from '../money/parse.js';

/** How a commune's yearly participation is computed. */
export type CommuneMethod = 'per_inhabitant' | 'flat_by_population';

/** The energy a participation is computed for: the scheme says which method each takes. */
export type Energy = 'gas' | 'electricity';

/**
 * The parameters of a purchasing group's participation scheme (« frais de
 * participation » of a « groupement de commandes »): data, not code, so that
 * another group's scheme is another file (`--scheme FILE`). The bundled one
 * is the SIGERLy's of 2017 (data/purchasing/sigerly-2017-scheme.csv).
 */
export interface FeeScheme {
  readonly name: string;
  readonly reference: string;
  readonly validFrom: IsoDate;
  readonly methods: Readonly<Record<Energy, CommuneMethod>>;
  /** € per inhabitant: kWh/hab ≥ bandHighMinKwh. */
  readonly rateHigh: Decimal;
  /** € per inhabitant: kWh/hab strictly between the two bounds. */
  readonly rateMiddle: Decimal;
  /** € per inhabitant: kWh/hab ≤ bandLowMaxKwh. */
  readonly rateLow: Decimal;
  readonly bandLowMaxKwh: Decimal;
  readonly bandHighMinKwh: Decimal;
  readonly floor: Decimal;
  readonly ceiling: Decimal;
  /** Population up to which (included) a commune pays `flatSmall`; above it, `flatLarge`. */
  readonly flatPopulationLimit: Decimal;
  readonly flatSmall: Decimal;
  readonly flatLarge: Decimal;
  readonly ccas: Decimal;
  readonly epciFp: Decimal;
  /** The 200 € of the formula of an EPCI without its own tax: base × (communes − communes members) / communes. */
  readonly epciBase: Decimal;
  readonly metropole: Decimal;
  readonly other: Decimal;
}

type NumberKey = Exclude<keyof FeeScheme, 'name' | 'reference' | 'validFrom' | 'methods'>;

const NUMBERS: Record<string, NumberKey> = {
  rate_high: 'rateHigh',
  rate_middle: 'rateMiddle',
  rate_low: 'rateLow',
  band_low_max_kwh: 'bandLowMaxKwh',
  band_high_min_kwh: 'bandHighMinKwh',
  floor: 'floor',
  ceiling: 'ceiling',
  flat_population_limit: 'flatPopulationLimit',
  flat_small: 'flatSmall',
  flat_large: 'flatLarge',
  ccas: 'ccas',
  epci_fp: 'epciFp',
  epci_base: 'epciBase',
  metropole: 'metropole',
  other: 'other',
};
const TEXTS = ['scheme', 'reference', 'valid_from', 'gas_method', 'electricity_method'] as const;
const METHODS: Record<string, CommuneMethod> = { per_inhabitant: 'per_inhabitant', flat_by_population: 'flat_by_population' };

const schemeSchema = {
  parameter: required(text, ['parametre', 'nom']),
  value: required(text, ['valeur']),
  source: optional(text, ['origine', 'reference', 'texte']),
};

/**
 * Reads a scheme file: `parameter,value,source`, one parameter a line, every
 * one of {@link FeeScheme} once (names in the file: rate_high, floor…);
 * numbers of zero or more; band bounds with low ≤ high, floor ≤ ceiling.
 *
 * @example
 * // parameter,value,source
 * // rate_high,"0,06","« Si kWh/hab => 100 : P0 = 0,06 €/hab »"  → scheme.rateHigh = 0.06
 */
export function parseScheme(csv: string, options: TableOptions = {}): FeeScheme {
  const { rows, problems, columnOf } = parseTable(csv, schemeSchema, options);
  const all: InputProblem[] = [...problems];
  const values = new Map<string, { value: string; line: number }>();
  const valueColumn = columnOf('value');
  const at = (line: number, columnName: string, message: string) => all.push({ line, ...(columnName === 'value' && valueColumn ? { column: valueColumn } : { column: columnOf('parameter') }), columnName, message });
  const known = new Set<string>([...TEXTS, ...Object.keys(NUMBERS)]);
  for (const { line, row } of rows) {
    const name = normaliseToken(row.parameter);
    if (!known.has(name)) at(line, 'parameter', `unknown parameter ${quoted(row.parameter)}; expected one of ${[...known].join(', ')}`);
    else if (values.has(name)) at(line, 'parameter', `parameter ${name} already on line ${values.get(name)!.line}; expected each once`);
    else values.set(name, { value: row.value, line });
  }
  const scheme: Record<string, unknown> = { methods: {} };
  for (const name of known) {
    const v = values.get(name);
    if (v === undefined) {
      all.push({ message: `missing parameter ${name}` });
      continue;
    }
    if (name in NUMBERS) {
      const r = readNumber(v.value, 'any');
      if (!r.ok || r.value.isNegative()) at(v.line, 'value', `expected a number of zero or more for ${name}, got ${quoted(v.value)}`);
      else scheme[NUMBERS[name]!] = r.value;
    } else if (name === 'valid_from') {
      const date = parseDate(v.value);
      if (!date) at(v.line, 'value', `expected a date such as 2017-01-01 for valid_from, got ${quoted(v.value)}`);
      else scheme.validFrom = date;
    } else if (name === 'gas_method' || name === 'electricity_method') {
      const m = METHODS[normaliseToken(v.value)];
      if (!m) at(v.line, 'value', `expected per_inhabitant or flat_by_population for ${name}, got ${quoted(v.value)}`);
      else (scheme.methods as Record<string, CommuneMethod>)[name === 'gas_method' ? 'gas' : 'electricity'] = m;
    } else {
      scheme[name === 'scheme' ? 'name' : 'reference'] = v.value;
    }
  }
  if (all.length === 0) {
    const s = scheme as unknown as FeeScheme;
    if (s.bandLowMaxKwh.greaterThan(s.bandHighMinKwh)) all.push({ line: values.get('band_low_max_kwh')!.line, message: 'band_low_max_kwh is above band_high_min_kwh; expected low ≤ high' });
    if (s.floor.greaterThan(s.ceiling)) all.push({ line: values.get('floor')!.line, message: 'floor is above ceiling; expected floor ≤ ceiling' });
  }
  if (all.length > 0) throw new InputError(all);
  return scheme as unknown as FeeScheme;
}
