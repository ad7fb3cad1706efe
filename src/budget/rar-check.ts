import { type Decimal, sum } from '../money/decimal.js';
import { type FigureCheck, type Suspect, checkFigure, signReversed } from './check.js';
import { type Commitment, carriedOver } from './commitments.js';

/**
 * Checks the balance printed on each line against engaged − released −
 * mandated. A wrong balance is explained when it is the gross engaged
 * amount, or leaves out the released or the executed part.
 */
export function balanceChecks(commitments: readonly Commitment[]): FigureCheck[] {
  return commitments
    .filter((c): c is Commitment & { balance: Decimal } => c.balance !== undefined)
    .map((c) =>
      checkFigure(
        `balance ${c.reference}`,
        c.balance,
        carriedOver(c),
        [
          { value: c.engaged, note: 'equals the gross engaged amount' },
          { value: c.engaged.minus(c.mandated), note: 'the released amount is not deducted' },
          { value: c.engaged.minus(c.released), note: 'the mandated amount is not deducted' },
          signReversed(carriedOver(c)),
        ],
        `line ${c.line}`,
      ),
    );
}

/**
 * Compares the RAR figure of a deliberation with the listing's total
 * carried over. When it does not hold and equals another column's total,
 * the note names that column: the usual slip is to copy the gross engaged
 * amount, or a total that leaves out the released part.
 */
export function declaredRarCheck(declared: Decimal, commitments: readonly Commitment[], item = 'rar_total'): FigureCheck {
  const total = (f: (c: Commitment) => Decimal) => sum(commitments.map(f));
  const recomputed = total(carriedOver);
  const suspects: Suspect[] = [
    { value: total((c) => c.engaged), note: 'equals the total of column engaged (the gross engaged amount)' },
    { value: total((c) => c.mandated), note: 'equals the total of column mandated' },
    { value: total((c) => c.released), note: 'equals the total of column released' },
    { value: total((c) => c.engaged.minus(c.mandated)), note: 'equals engaged − mandated: the released amounts are not deducted' },
    { value: total((c) => c.engaged.minus(c.released)), note: 'equals engaged − released: the mandated amounts are not deducted' },
  ];
  if (commitments.every((c) => c.balance !== undefined)) {
    suspects.push({ value: total((c) => c.balance!), note: 'equals the total of column balance (the balances as printed)' });
  }
  suspects.push(signReversed(recomputed));
  return checkFigure(item, declared, recomputed, suspects, `${commitments.length} line(s)`);
}
