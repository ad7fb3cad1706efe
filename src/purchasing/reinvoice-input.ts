import { required, type TableOptions } from '../csv/table.js';
import { date, nonNegativeAmount, text } from '../csv/fields.js';
import { readRows } from './read.js';
import type { PostedProcedure } from './reinvoice.js';

/** PROCEDURES.csv of `finloc reinvoice`. */
export const procedureSchema = {
  member_id: required(text, ['membre', 'adherent', 'collectivite', 'entite']),
  date: required(date, ['date_de_mise_en_ligne', 'date_procedure', 'date_publication']),
  procedure: required(text, ['objet', 'intitule', 'reference', 'n_procedure']),
  cost_ht: required(nonNegativeAmount, ['cout_ht', 'montant_ht', 'prix_ht', 'cout']),
};

/** Reads PROCEDURES.csv: one procedure a line, a cost HT of zero or more. */
export function readProcedures(csv: string, options: TableOptions = {}): PostedProcedure[] {
  return readRows(csv, procedureSchema, options).rows.map(({ row }) => ({ memberId: row.member_id, date: row.date, procedure: row.procedure, costHt: row.cost_ht }));
}
