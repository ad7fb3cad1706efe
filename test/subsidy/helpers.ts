import { readFileSync } from 'node:fs';
import { parseTable } from '../../src/csv/table.js';
import { grantFromRow, grantSchema } from '../../src/subsidy/input.js';
import type { Grant } from '../../src/subsidy/types.js';

/** Reads a grants CSV text as the command does; fails the test on any input problem. */
export function grantsOf(text: string): Grant[] {
  const { rows, problems, columnOf } = parseTable(text, grantSchema);
  if (problems.length > 0) throw new Error(JSON.stringify(problems));
  return rows.map(({ line, row }) => {
    const g = grantFromRow(row, line, columnOf);
    if (!g.ok) throw new Error(JSON.stringify(g.problems));
    return g.grant;
  });
}

export const GANNAT_CSV = 'data/examples/gannat-2026-subsidies.csv';
export const gannatGrants = (): Grant[] => grantsOf(readFileSync(GANNAT_CSV, 'utf8'));
