import { type Decimal, ZERO, sum } from '../money/decimal.js';
import { formatMachine } from '../money/format.js';
import { type Check, checkFigure, checksTable } from '../report/check.js';
import { type Report, type Table, column, note, report } from '../report/model.js';
import { identityFacts } from './results.js';
import type { AnnexLoan, BudgetDocument } from './types.js';

/**
 * « CodTypEmpr »: 09 is guaranteed debt (« emprunts garantis »); 10 is not
 * a loan (the annex's block of ratio data, RReelFon…) and is left out;
 * every other code (01…) is the authority's own debt.
 */
export type DebtKind = 'own' | 'guaranteed';
export function debtKind(loan: AnnexLoan): DebtKind | undefined {
  if (loan.type === '10') return undefined;
  return loan.type === '09' ? 'guaranteed' : 'own';
}

const KIND_FR: Record<DebtKind, string> = { own: 'dette propre', guaranteed: 'dette garantie' };

/** New borrowing of the year, when the annex gives it: the original amount of a loan cashed in the document's year. */
export function newBorrowing(loan: AnnexLoan, year: number): Decimal {
  return loan.yearCashed === year && loan.originalAmount !== undefined ? loan.originalAmount : ZERO;
}

function loanName(loan: AnnexLoan): string {
  return loan.contract ?? `line ${loan.line}`;
}

/** The account of interest on loans (« intérêts réglés à l'échéance »). */
export const INTEREST_ACCOUNT = '66111';

/** Realised expenditure of the document's real operations on an account (order operations, such as a refinancing, left out). */
function realExpenditure(doc: BudgetDocument, nature: string): { amount: Decimal; lines: number[] } {
  const lines = doc.lines.filter((l) => l.nature === nature && l.direction === 'D' && !l.order);
  return { amount: sum(lines.map((l) => l.realised)), lines: lines.map((l) => l.line) };
}

/**
 * The debt annex (DATA_EMPRUNT) against itself and against the budget:
 * - per loan, own and guaranteed: capital on 1 January − capital repaid
 *   (+ new borrowing) = capital on 31 December (an element left out is zero);
 * - per account article of own debt (CodArticle): the annex's capital
 *   repaid against the realised expenditure of that article's real lines;
 * - the annex's interest of own debt against account 66111.
 * Declared = the annex's figure, recomputed = what the other side gives.
 */
export function debtChecks(doc: BudgetDocument): Check[] {
  const year = doc.identity.year;
  const checks: Check[] = [];
  const loans = doc.loans.filter((l) => debtKind(l) !== undefined);
  for (const l of loans) {
    const borrowed = newBorrowing(l, year);
    const recomputed = l.capitalStart.minus(l.capitalRepaid).plus(borrowed);
    checks.push(
      checkFigure(
        `${debtKind(l)} loan ${loanName(l)}: capital on 31/12`,
        l.capitalEnd,
        recomputed,
        [],
        `line ${l.line}: MtCapitalRestDu_01_01 ${formatMachine(l.capitalStart)} − MtCapitalExer ${formatMachine(l.capitalRepaid)}${borrowed.isZero() ? '' : ` + new borrowing ${formatMachine(borrowed)}`}`,
      ),
    );
  }
  const own = loans.filter((l) => debtKind(l) === 'own');
  const articles = [...new Set(own.map((l) => l.article ?? ''))].sort();
  for (const article of articles) {
    const repaid = sum(own.filter((l) => (l.article ?? '') === article).map((l) => l.capitalRepaid));
    if (article === '') {
      checks.push(checkFigure('own debt without CodArticle: capital repaid', repaid, ZERO, [], 'the annex names no account article for these loans'));
      continue;
    }
    const budget = realExpenditure(doc, article);
    checks.push(
      checkFigure(`capital repaid on article ${article}`, repaid, budget.amount, [], `declared: MtCapitalExer of the own loans on ${article}; recomputed: MtReal of the budget's real expenditure lines ${article} (lines ${budget.lines.join(', ') || 'none'})`),
    );
  }
  if (own.length > 0) {
    const interest = sum(own.map((l) => l.interest));
    const budget = realExpenditure(doc, INTEREST_ACCOUNT);
    checks.push(checkFigure(`interest of own debt on account ${INTEREST_ACCOUNT}`, interest, budget.amount, [], `declared: MtIntExer of the own loans; recomputed: MtReal of the budget's real expenditure lines ${INTEREST_ACCOUNT} (lines ${budget.lines.join(', ') || 'none'})`));
  }
  return checks;
}

/** The loans of the annex, one row each, and a total row per kind. */
export function loansTable(doc: BudgetDocument): Table {
  const loans = doc.loans.filter((l) => debtKind(l) !== undefined);
  const rows = loans.map((l) => ({
    kind: KIND_FR[debtKind(l)!],
    contract: l.contract,
    lender: l.lender,
    article: l.article,
    line: l.line,
    capital_start: l.capitalStart,
    new_borrowing: newBorrowing(l, doc.identity.year),
    capital_repaid: l.capitalRepaid,
    capital_end: l.capitalEnd,
    interest: l.interest,
  }));
  const totals = (['own', 'guaranteed'] as const).map((k) => {
    const of = loans.filter((l) => debtKind(l) === k);
    return {
      kind: `total ${KIND_FR[k]}`,
      contract: undefined,
      lender: `${of.length} loan(s)`,
      article: undefined,
      line: undefined,
      capital_start: sum(of.map((l) => l.capitalStart)),
      new_borrowing: sum(of.map((l) => newBorrowing(l, doc.identity.year))),
      capital_repaid: sum(of.map((l) => l.capitalRepaid)),
      capital_end: sum(of.map((l) => l.capitalEnd)),
      interest: sum(of.map((l) => l.interest)),
    };
  });
  return {
    key: 'loans',
    title: "État de la dette (annexe DATA_EMPRUNT)",
    columns: [
      column('kind', 'Type', 'text'),
      column('contract', 'N° de contrat', 'identifier'),
      column('lender', 'Prêteur', 'text'),
      column('article', 'Article', 'identifier'),
      column('line', 'Ligne du fichier', 'count'),
      column('capital_start', 'Capital restant dû au 01/01', 'amount'),
      column('new_borrowing', "Emprunts nouveaux de l'exercice", 'amount'),
      column('capital_repaid', "Capital remboursé dans l'exercice", 'amount'),
      column('capital_end', 'Capital restant dû au 31/12', 'amount'),
      column('interest', "Intérêts de l'exercice", 'amount'),
    ],
    rows: [...rows, ...totals],
  };
}

/** `--report debt`: the checks first (the csv), then the loans. */
export function debtReport(doc: BudgetDocument): Report {
  const checks = debtChecks(doc);
  const skipped = doc.loans.filter((l) => debtKind(l) === undefined).length;
  const notes = [
    note('debt annex: CodTypEmpr 09 read as guaranteed debt, 10 (no loan: the annex\'s ratio data) left out, any other code as own debt; an amount the annex leaves out is zero'),
    ...(skipped > 0 ? [note(`${skipped} EMPRUNT element(s) of CodTypEmpr 10 left out`)] : []),
  ];
  return report('ca_debt', [checksTable(checks), loansTable(doc)], { checks, notes, facts: identityFacts(doc) });
}

/** Periodicity of LOANS.csv from « CodPeriodRemb » (A annual, S semiannual, T quarterly, M monthly; other codes unknown). */
const PERIODICITY: Readonly<Record<string, string>> = { A: 'annual', S: 'semiannual', T: 'quarterly', M: 'monthly', B: '2' };

/** The LOANS.csv columns the annex cannot fill, said in a note. */
export const LOANS_UNFILLED = ['periods', 'index', 'margin_pct', 'revision', 'profile'];

function csvCell(v: string | undefined): string {
  if (v === undefined) return '';
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * What the annex knows of each loan, in the columns of LOANS.csv:
 * `line_id` (NumContrat), `principal` (MtEmprOrig), `first_due_date`
 * (Dt1RembInit), `periodicity` (CodPeriodRemb when A, S, T or M),
 * `rate_pct` (Txinit, the initial rate); the others are left empty.
 */
export function loansCsv(doc: BudgetDocument, kind: DebtKind): string {
  const rows = doc.loans.filter((l) => debtKind(l) === kind);
  const header = 'line_id,principal,first_due_date,periodicity,rate_pct,periods,index,margin_pct,revision,profile';
  const lines = rows.map((l) =>
    [
      csvCell(l.contract ?? `line-${l.line}`),
      l.originalAmount ? formatMachine(l.originalAmount) : '',
      csvCell(l.fields['Dt1RembInit']),
      PERIODICITY[l.fields['CodPeriodRemb'] ?? ''] ?? '',
      csvCell(l.fields['Txinit']),
      '',
      '',
      '',
      '',
      '',
    ].join(','),
  );
  return [header, ...lines].join('\n') + '\n';
}

/** The guaranteed loans for `finloc guarantee`: GUARANTEES.csv with a 100 % share for the authority (the annex gives no share). */
export function guaranteesCsv(doc: BudgetDocument): string {
  const rows = doc.loans.filter((l) => debtKind(l) === 'guaranteed');
  const guarantor = csvCell(doc.identity.authority || doc.identity.budget);
  return ['line_id,guarantor,share_pct', ...rows.map((l) => [csvCell(l.contract ?? `line-${l.line}`), guarantor, '100'].join(','))].join('\n') + '\n';
}
