import { Decimal, ZERO } from '../money/decimal.js';
import { type Column, type Report, type Row, column, report } from '../report/model.js';
import { type ActuarialRate, shownActuarialPct } from './actuarial-rate.js';
import type { Schedule } from './types.js';

const SUMMARY_COLUMNS: readonly Column[] = [
  column('line_id', 'N° de la Ligne du Prêt', 'identifier'),
  column('principal', 'Montant de la Ligne du Prêt (en €)', 'amount'),
  column('periods', "Nombre d'échéances", 'count'),
  column('first_payment', 'Première échéance (en €)', 'amount'),
  column('total_payment', 'Total des échéances (en €)', 'amount'),
  column('total_interest', 'Total des intérêts (en €)', 'amount'),
  column('fees', 'Frais (en €)', 'amount'),
  column('teg_pct', 'TEG (en %)', 'rate', 'contrat, art. 4'),
  column('actuarial_rate_pct', 'Taux actuariel, taux de période × périodes par an (en %)', 'rate'),
  column('actuarial_annual_pct', 'Taux actuariel annuel équivalent (en %)', 'rate'),
];

/** One row per line: its terms, totals, TEG and actuarial rates (`amortize --report summary`). */
export function summaryReport(lines: readonly { schedule: Schedule; actuarial: ActuarialRate }[]): Report {
  const rows: Row[] = lines.map(({ schedule: s, actuarial: a }) => ({
    line_id: s.line.lineId,
    principal: s.line.principal,
    periods: s.line.periods,
    first_payment: s.summary.firstPayment,
    total_payment: s.summary.totalPayment,
    total_interest: s.summary.totalInterest,
    fees: s.line.fees ?? ZERO,
    teg_pct: s.summary.tegPct.toDecimalPlaces(6, Decimal.ROUND_HALF_UP),
    actuarial_rate_pct: shownActuarialPct(a.proportionalPct),
    actuarial_annual_pct: shownActuarialPct(a.equivalentAnnualPct),
  }));
  return report('summary', [{ key: 'summary', title: 'Synthèse des lignes de prêt', columns: SUMMARY_COLUMNS, rows }]);
}
