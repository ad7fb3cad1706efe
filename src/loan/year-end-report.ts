import { formatMachine } from '../money/format.js';
import { type Column, type Report, type Row, column, report } from '../report/model.js';
import { type YearEndFigures, yearEndTotals } from './year-end.js';

/**
 * The year-end figures as a report: one row per line, named as the debt
 * annex names them (DATA_EMPRUNT: MtCapitalRestDu_01_01, MtCapitalExer,
 * MtIntExer, MtCapitalRestDu_31_12, MtICNE) so that an annex can be checked
 * against it; csv-fr adds the « Total » row, json gives the totals.
 */
export const YEAR_END_COLUMNS: readonly Column[] = [
  column('line_id', 'N° de la Ligne du Prêt', 'identifier'),
  column('MtCapitalRestDu_01_01', 'Capital restant dû au 01/01 (en €)', 'amount'),
  column('new_borrowing', "Emprunté dans l'exercice (en €)", 'amount'),
  column('capitalised_interest', "Intérêts de préfinancement capitalisés dans l'exercice (en €)", 'amount', 'contrat, art. 8'),
  column('MtCapitalExer', "Capital remboursé dans l'exercice (en €)", 'amount'),
  column('MtIntExer', "Intérêts payés dans l'exercice (en €)", 'amount'),
  column('deferred_interest', "Intérêts différés dans l'exercice (en €)", 'amount', 'contrat, art. 11'),
  column('MtCapitalRestDu_31_12', 'Capital restant dû au 31/12 (en €)', 'amount'),
  column('MtICNE', 'Intérêts courus non échus au 31/12 (en €)', 'amount', 'M14/M57 : rattachement des charges'),
];

function cells(f: Omit<YearEndFigures, 'lineId' | 'year'>): Row {
  return {
    MtCapitalRestDu_01_01: f.capitalJanuary1,
    new_borrowing: f.borrowed,
    capitalised_interest: f.capitalisedInterest,
    MtCapitalExer: f.capitalRepaid,
    MtIntExer: f.interestPaid,
    deferred_interest: f.interestDeferred,
    MtCapitalRestDu_31_12: f.capitalDecember31,
    MtICNE: f.icne,
  };
}

export function yearEndReport(figures: readonly YearEndFigures[], year: number): Report {
  const rows = figures.map((f) => ({ line_id: f.lineId, ...cells(f) }));
  const totals = yearEndTotals(figures);
  const table = { key: 'year_end', title: `Situation de la dette au 31/12/${year}`, columns: YEAR_END_COLUMNS, rows };
  return report('year_end', [{ ...table, french: { ...table, rows: [...rows, { line_id: 'Total', ...cells(totals) }] } }], {
    facts: {
      year,
      lines: figures.length,
      ...Object.fromEntries(Object.entries(cells(totals)).map(([k, v]) => [`total_${k}`, formatMachine(v as never)])),
    },
  });
}
