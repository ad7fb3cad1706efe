import { type IsoDate, yearOf } from '../calendar/date.js';
import { type Decimal, ZERO, percentToRate, roundToCent, sum } from '../money/decimal.js';
import { type Report, type Row, type Table, column, note, report } from '../report/model.js';

/** A procedure a member posted on the shared platform, at its cost excluding VAT. */
export interface PostedProcedure {
  readonly memberId: string;
  readonly date: IsoDate;
  readonly procedure: string;
  readonly costHt: Decimal;
}

/** One invoice: a member, a year, the procedures it posted that year. */
export interface ReInvoice {
  readonly memberId: string;
  readonly year: number;
  readonly procedures: number;
  readonly ht: Decimal;
  readonly vatPct: Decimal;
  /** round(ht × rate), once, on the invoice's total HT. */
  readonly vat: Decimal;
  readonly ttc: Decimal;
}

/**
 * Re-invoices procedures at cost (« refacture … à prix coûtant, avec une
 * TVA à 20 % », CCG convention art. 3.1): one invoice per member and per
 * year (the CCG issues one « titre de recette » each November, art. 3.2),
 * members in the order they first appear. The VAT is computed on the
 * invoice's total HT and rounded half-up to the cent once, as French
 * invoicing does (the VAT is due on the invoice's taxable total, not line
 * by line); TTC = HT + VAT.
 *
 * @example
 * // three procedures of 45,50 € HT: HT 136,50; VAT 20 % = 27,30; TTC 163,80.
 * // (line by line: 9,10 × 3 = 27,30 too; with 45,53 €: 136,59 × 0,2 = 27,318 → 27,32,
 * // where lines would give 9,11 × 3 = 27,33.)
 */
export function reinvoice(procedures: readonly PostedProcedure[], vatPct: Decimal, year?: number): ReInvoice[] {
  const groups = new Map<string, { memberId: string; year: number; costs: Decimal[] }>();
  for (const p of procedures) {
    const y = yearOf(p.date);
    if (year !== undefined && y !== year) continue;
    const key = JSON.stringify([p.memberId, y]);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { memberId: p.memberId, year: y, costs: [] }));
    g.costs.push(p.costHt);
  }
  return [...groups.values()]
    .sort((a, b) => a.year - b.year)
    .map((g) => {
      const ht = sum(g.costs);
      const vat = roundToCent(ht.times(percentToRate(vatPct)));
      return { memberId: g.memberId, year: g.year, procedures: g.costs.length, ht, vatPct, vat, ttc: ht.plus(vat) };
    });
}

const COLUMNS = [
  column('member_id', 'Membre', 'identifier'),
  column('year', 'Année', 'count'),
  column('procedures', 'Nombre de procédures', 'count'),
  column('ht', 'Montant HT', 'amount', 'prix coûtant, convention art. 3.1'),
  column('vat_pct', 'Taux de TVA', 'rate'),
  column('vat', 'TVA', 'amount', 'arrondie une fois sur le total HT de la facture'),
  column('ttc', 'Montant TTC', 'amount'),
];

/** The invoices as a report; the totals are the sums of the invoices (VAT included: never the VAT of the total HT). */
export function reinvoiceAsReport(invoices: readonly ReInvoice[], skipped: number, year?: number): Report {
  const rows: Row[] = invoices.map((i) => ({ member_id: i.memberId, year: i.year, procedures: i.procedures, ht: i.ht, vat_pct: i.vatPct, vat: i.vat, ttc: i.ttc }));
  const totals = { ht: sum(invoices.map((i) => i.ht)), vat: sum(invoices.map((i) => i.vat)), ttc: sum(invoices.map((i) => i.ttc)), procedures: invoices.reduce((n, i) => n + i.procedures, 0) };
  const table: Table = { key: 'invoices', title: 'Refacturation aux membres', columns: COLUMNS, rows };
  const french: Table = { ...table, rows: [...rows, { member_id: 'Total', procedures: totals.procedures, ht: totals.ht, vat: totals.vat, ttc: totals.ttc }] };
  const notes = skipped > 0 ? [note(`${skipped} procedure(s) outside ${year} not invoiced`)] : [];
  if (invoices.length === 0) notes.push(note(`no procedure${year !== undefined ? ` in ${year}` : ''}: no invoice`));
  return report('reinvoice', [{ ...table, french }], {
    notes,
    facts: {
      invoices: invoices.length,
      procedures: totals.procedures,
      total_ht: totals.ht.toFixed(2),
      total_vat: (totals.vat.isZero() ? ZERO : totals.vat).toFixed(2),
      total_ttc: totals.ttc.toFixed(2),
    },
  });
}
