import type { InputProblem } from '../errors.js';
import { oneOf, text } from '../csv/fields.js';
import { type RowOf, optional, required, withDefault } from '../csv/table.js';
import { ZERO, type Decimal, sum } from '../money/decimal.js';
import { amountInCents, nonNegativeAmountInCents } from './item-file.js';
import { SECTIONS, type Section } from './types.js';

/** Expenditure to pay or receipt to collect. */
export type Direction = 'expenditure' | 'receipt';
export const DIRECTIONS: readonly Direction[] = ['expenditure', 'receipt'];

/**
 * One line of the « état des restes à réaliser »: a commitment (« engagement »)
 * with what was engaged, released (« dégagé », cancelled) and executed
 * (« mandaté » for expenditure, « titré » for receipts).
 */
export interface Commitment {
  readonly line: number;
  readonly reference: string;
  readonly section: Section;
  readonly direction: Direction;
  readonly account?: string;
  readonly thirdParty?: string;
  readonly label?: string;
  readonly engaged: Decimal;
  readonly released: Decimal;
  readonly mandated: Decimal;
  /** The balance printed by the accounting software, to be checked. */
  readonly balance?: Decimal;
}

export const commitmentSchema = {
  reference: required(text, ['engagement', 'n_engagement', 'no_engagement', 'numero', 'numero_engagement', 'ref']),
  section: required(
    oneOf<Section>(
      { investment: 'investment', investissement: 'investment', inv: 'investment', i: 'investment', operating: 'operating', fonctionnement: 'operating', fonct: 'operating', f: 'operating' },
      'investment or operating (investissement / fonctionnement)',
    ),
  ),
  direction: required(
    oneOf<Direction>(
      { expenditure: 'expenditure', depense: 'expenditure', depenses: 'expenditure', d: 'expenditure', receipt: 'receipt', receipts: 'receipt', recette: 'receipt', recettes: 'receipt', r: 'receipt' },
      'expenditure or receipt (dépense / recette)',
    ),
    ['sens', 'nature'],
  ),
  account: optional(text, ['compte', 'imputation', 'article', 'nature_comptable']),
  third_party: optional(text, ['tiers', 'fournisseur', 'beneficiaire', 'debiteur', 'creancier']),
  label: optional(text, ['libelle', 'objet', 'designation']),
  engaged: required(nonNegativeAmountInCents, ['engage', 'montant_engage', 'montant_de_l_engagement']),
  released: withDefault(nonNegativeAmountInCents, ZERO, ['degage', 'desengage', 'annule', 'montant_degage']),
  mandated: withDefault(nonNegativeAmountInCents, ZERO, ['mandate', 'titre', 'mandate_ou_titre', 'realise', 'montant_mandate']),
  balance: optional(amountInCents, ['solde', 'reste_a_realiser', 'reste', 'montant_reporte', 'report']),
};

/**
 * What a commitment carries over: engaged, neither released nor yet
 * executed (R2311-11: « dépenses engagées non mandatées »; for receipts,
 * « recettes certaines n'ayant pas donné lieu à l'émission d'un titre »).
 */
export function carriedOver(c: Pick<Commitment, 'engaged' | 'released' | 'mandated'>): Decimal {
  return c.engaged.minus(c.released).minus(c.mandated);
}

/**
 * Builds the commitments from the rows read by the CSV layer. A line that
 * releases and executes more than was engaged would carry over a negative
 * amount: the listing is inconsistent there, and the line is reported.
 */
export function commitmentsFromRows(
  rows: readonly { line: number; row: RowOf<typeof commitmentSchema> }[],
  columnOf: (name: keyof typeof commitmentSchema) => number | undefined,
): { commitments: Commitment[]; problems: InputProblem[] } {
  const commitments: Commitment[] = [];
  const problems: InputProblem[] = [];
  for (const { line, row } of rows) {
    const c: Commitment = {
      line,
      reference: row.reference,
      section: row.section,
      direction: row.direction,
      ...(row.account !== undefined ? { account: row.account } : {}),
      ...(row.third_party !== undefined ? { thirdParty: row.third_party } : {}),
      ...(row.label !== undefined ? { label: row.label } : {}),
      engaged: row.engaged,
      released: row.released,
      mandated: row.mandated,
      ...(row.balance !== undefined ? { balance: row.balance } : {}),
    };
    if (carriedOver(c).isNegative()) {
      const column = columnOf('mandated') ?? columnOf('released');
      problems.push({
        line,
        ...(column !== undefined ? { column } : {}),
        columnName: 'mandated',
        message: `released ${row.released.toFixed(2)} + mandated ${row.mandated.toFixed(2)} exceed engaged ${row.engaged.toFixed(2)}: a commitment cannot carry over a negative amount`,
      });
    } else {
      commitments.push(c);
    }
  }
  return { commitments, problems };
}

/** Totals of one section and direction of the listing. */
export interface CommitmentTotals {
  readonly section: Section;
  readonly direction: Direction;
  readonly lines: number;
  readonly engaged: Decimal;
  readonly released: Decimal;
  readonly mandated: Decimal;
  readonly carriedOver: Decimal;
}

export function totalsOf(section: Section, direction: Direction, commitments: readonly Commitment[]): CommitmentTotals {
  return {
    section,
    direction,
    lines: commitments.length,
    engaged: sum(commitments.map((c) => c.engaged)),
    released: sum(commitments.map((c) => c.released)),
    mandated: sum(commitments.map((c) => c.mandated)),
    carriedOver: sum(commitments.map(carriedOver)),
  };
}

/** One row per section and direction present, investment first, expenditure before receipts (I, III, II, IV). */
export function commitmentTotals(commitments: readonly Commitment[]): CommitmentTotals[] {
  const out: CommitmentTotals[] = [];
  for (const section of SECTIONS) {
    for (const direction of DIRECTIONS) {
      const group = commitments.filter((c) => c.section === section && c.direction === direction);
      if (group.length > 0) out.push(totalsOf(section, direction, group));
    }
  }
  return out;
}
