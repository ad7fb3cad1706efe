import { normaliseToken } from '../csv/fields.js';
import { type GuaranteeYear, type YearFigures, NO_FIGURES, addFigures, firstYear, guaranteeYear, lastYear, owedInYear } from './yearly.js';
import type { GuaranteedLine } from './types.js';

/** Guaranteed lines grouped by guarantor (names compared without case or accents), in order of first appearance. */
export function byGuarantor(lines: readonly GuaranteedLine[]): { guarantor: string; lines: GuaranteedLine[] }[] {
  const groups = new Map<string, { guarantor: string; lines: GuaranteedLine[] }>();
  for (const l of lines) {
    const key = normaliseToken(l.guarantee.guarantor);
    const group = groups.get(key) ?? { guarantor: l.guarantee.guarantor, lines: [] };
    group.lines.push(l);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * The lines a report is about: the named guarantor's (names compared
 * without case or accents), or every line when none is named, unless the
 * report is one guarantor's (the prudential ratios) and the lines have
 * several. Returns the lines, or why none can be chosen.
 */
export function selectGuarantor(
  lines: readonly GuaranteedLine[],
  guarantor: string | undefined,
  oneGuarantor: boolean,
): { lines: GuaranteedLine[] } | { problem: string } {
  const groups = byGuarantor(lines);
  const names = groups.map((g) => `"${g.guarantor}"`).join(', ');
  if (guarantor === undefined) {
    return oneGuarantor && groups.length > 1 ? { problem: `the ratios are one guarantor's: name one of ${names}` } : { lines: [...lines] };
  }
  const own = groups.find((g) => normaliseToken(g.guarantor) === normaliseToken(guarantor));
  return own ? { lines: own.lines } : { problem: `"${guarantor}" guarantees nothing in the file; the guarantors are ${names}` };
}

/** One guarantor's part of the yearly statement. */
export interface GuarantorStatement {
  readonly guarantor: string;
  readonly entries: readonly GuaranteeYear[];
  /** Σ of the guaranteed parts. */
  readonly total: YearFigures;
  /** Σ of the whole lines' figures (what the guaranteed debtors owe in all). */
  readonly linesTotal: YearFigures;
}

/**
 * The yearly statement of guaranteed loans (« état des emprunts garantis »
 * annexed to the budget, L2313-1): for each guarantor and each line owed in
 * the year, the capital on 1 January, the annuity with its amortisation and
 * interest, and the capital on 31 December, for the whole line and for the
 * guaranteed share; with totals per guarantor. Exempt lines stay in it.
 */
export function yearlyStatement(lines: readonly GuaranteedLine[], year: number): GuarantorStatement[] {
  return byGuarantor(lines).map(({ guarantor, lines: own }) => {
    const entries = own.filter((l) => owedInYear(l, year)).map((l) => guaranteeYear(l, year));
    return {
      guarantor,
      entries,
      total: entries.reduce((t, e) => addFigures(t, e.part), NO_FIGURES),
      linesTotal: entries.reduce((t, e) => addFigures(t, e.line), NO_FIGURES),
    };
  });
}

/** A guarantor's exposure in one year: its guaranteed outstanding capital and annuity over every line owed. */
export interface ExposureYear {
  readonly guarantor: string;
  readonly year: number;
  readonly lines: number;
  readonly figures: YearFigures;
}

/**
 * Each guarantor's exposure year by year, from the first year one of its
 * lines is lent to the year of its last due date: what it would have to
 * pay were every debtor to fail.
 */
export function exposure(lines: readonly GuaranteedLine[]): ExposureYear[] {
  const out: ExposureYear[] = [];
  for (const { guarantor, lines: own } of byGuarantor(lines)) {
    const from = Math.min(...own.map(firstYear));
    const to = Math.max(...own.map(lastYear));
    for (let year = from; year <= to; year++) {
      const entries = own.filter((l) => owedInYear(l, year)).map((l) => guaranteeYear(l, year));
      out.push({ guarantor, year, lines: entries.length, figures: entries.reduce((t, e) => addFigures(t, e.part), NO_FIGURES) });
    }
  }
  return out;
}
