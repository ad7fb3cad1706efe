import { join } from 'node:path';

/** The real budget documents the `finloc ca` tests read (test/fixtures/ca, from ../shared/reference/compte-administratif). */
export const CA_DIR = 'test/fixtures/ca';
/** The 2021 compte administratif of the main budget. */
export const CA_MAIN = join(CA_DIR, 'ca-2021-budget-principal-21560046100010.xml');
/** The 2021 compte administratif of the « lotissement » annexed budget. */
export const CA_LOT = join(CA_DIR, 'ca-2021-lotissement-21560046100085.xml');
/** The 2022 budget primitif of the same annexed budget. */
export const BP_LOT = join(CA_DIR, 'bp-2022-lotissement-21560046100085.xml');

/** A check as `finloc ca --format json` writes it. */
export interface JsonCheck {
  item: string;
  declared: string;
  recomputed: string;
  difference: string;
  verdict: string;
  note?: string;
}
