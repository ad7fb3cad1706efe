import { fc } from '@fast-check/vitest';
import { dec } from '../../src/money/decimal.js';
import type { Grant } from '../../src/subsidy/types.js';

const NAMES = ['Basket', 'BASKET', 'Judo', 'La bourrée gannatoise', 'LA BOURRÉE GANNATOISE', 'Secours, Catholique', 'Club "A"', 'Ü; x'];
const ENVELOPES = ['operating', 'Operating', 'exceptional', 'culture'];
const KINDS = [undefined, 'arbitrated', 'youth', 'project'];

/** Grants with names written several ways, cents amounts up to 100 000 €, some ceilings. */
export const grantArb: fc.Arbitrary<Grant> = fc
  .record({
    beneficiary: fc.constantFrom(...NAMES),
    envelope: fc.constantFrom(...ENVELOPES),
    kind: fc.constantFrom(...KINDS),
    cents: fc.integer({ min: 0, max: 10_000_000 }),
    ceiling: fc.boolean(),
    line: fc.nat(),
  })
  .map(({ beneficiary, envelope, kind, cents, ceiling, line }) => ({
    line,
    beneficiary,
    envelope,
    ...(kind !== undefined ? { kind } : {}),
    amount: dec(cents).div(100),
    ceiling,
    euNotified: false,
  }));

export const grantsArb = fc.array(grantArb, { maxLength: 40 });
