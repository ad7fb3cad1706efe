import type { Decimal } from '../money/decimal.js';
import type { Grant } from './types.js';

/**
 * The check of a per-member complement (« 20 € supplémentaires par
 * licencié »): with members and rate, the amount must be members × rate;
 * with the rate alone, the amount must be a whole multiple of it, and the
 * quotient is the number of members it was paid for.
 */
export interface ComplementCheck {
  readonly grant: Grant;
  readonly rate: Decimal;
  /** Members as given in the file. */
  readonly givenMembers?: number;
  /** members × rate, when members are given. */
  readonly expected?: Decimal;
  /** amount ÷ rate, when it is whole. */
  readonly impliedMembers?: number;
  readonly holds: boolean;
  /** The members the complement stands for: given, or implied when whole. */
  readonly members?: number;
}

/** Undefined for a grant that is not a per-member complement (no rate per member). */
export function checkComplement(grant: Grant): ComplementCheck | undefined {
  const rate = grant.ratePerMember;
  if (rate === undefined) return undefined;
  const quotient = grant.amount.div(rate);
  const impliedMembers = quotient.isInteger() ? quotient.toNumber() : undefined;
  if (grant.members !== undefined) {
    const expected = rate.times(grant.members);
    return {
      grant,
      rate,
      givenMembers: grant.members,
      expected,
      ...(impliedMembers !== undefined ? { impliedMembers } : {}),
      holds: expected.equals(grant.amount),
      members: grant.members,
    };
  }
  return impliedMembers !== undefined
    ? { grant, rate, impliedMembers, holds: true, members: impliedMembers }
    : { grant, rate, holds: false };
}
