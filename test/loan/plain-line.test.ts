import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/money/decimal.js';
import { InputError } from '../../src/errors.js';
import { loanLine } from '../../src/loan/plain-line.js';
import { amortize } from '../../src/loan/schedule.js';

describe('loanLine: a loan line from plain values, with the CSV columns\' defaults', () => {
  it('numbers, spreadsheet strings and Decimals give the same line', () => {
    const a = loanLine({ principal: 1234.56, firstDueDate: '2027-01-15', periods: 10, ratePct: 2.3 });
    const b = loanLine({ principal: '1 234,56 €', firstDueDate: '15/01/2027', periods: '10', ratePct: '2,3 %' });
    const c = loanLine({ principal: new Decimal('1234.56'), firstDueDate: '2027-01-15', periods: 10, ratePct: new Decimal('2.3') });
    expect(a).toEqual(b);
    expect(a).toEqual(c);
    // The defaults of LOANS.csv: annual, fixed rate, payment priority, equivalent, 30/360, no prefinancing.
    expect([a.periodMonths, a.index, a.revision, a.profile, a.interestMode, a.dayCount, a.prefinancingMonths]).toEqual([12, 'none', 'none', 'payment_priority', 'equivalent', '30/360', 0]);
  });

  it('amortises: 1 000 at 10 % over 2 years pays E = 1 000 × 0,1/(1 − 1,1^−2) = 576,19', () => {
    const s = amortize(loanLine({ principal: 1000, firstDueDate: '2027-01-01', periods: 2, ratePct: 10 }));
    expect(s.rows[0]!.payment.toFixed(2)).toBe('576.19');
  });

  it.each([
    [{ principal: 'abc', firstDueDate: '2027-01-01', periods: 2, ratePct: 10 }, 'principal'],
    [{ principal: 1000, firstDueDate: '2027-13-01', periods: 2, ratePct: 10 }, 'firstDueDate'],
    [{ principal: 1000, firstDueDate: '2027-01-01', periods: 0, ratePct: 10 }, 'periods'],
    [{ principal: Number.NaN, firstDueDate: '2027-01-01', periods: 2, ratePct: 10 }, 'principal'],
    [{ principal: 1000, firstDueDate: '2027-01-01', periods: 2, ratePct: 10, index: 'livret_a', revision: 'DL' }, 'marginPct'],
  ])('a wrong field is named: %j → %s', (values, field) => {
    try {
      loanLine(values as never);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).problems.map((p) => p.columnName)).toContain(field);
    }
  });

  it('a missing required field is named', () => {
    expect(() => loanLine({ firstDueDate: '2027-01-01', periods: 2, ratePct: 10 } as never)).toThrow(/\(principal\): missing value/);
  });
});

describe('amortize checks the shape of what a JavaScript caller gives it', () => {
  it('a number where a Decimal is expected is named, not a TypeError deep in the engine', () => {
    const line = { ...loanLine({ principal: 1000, firstDueDate: '2027-01-01', periods: 2, ratePct: 10 }), principal: 1200000 };
    expect(() => amortize(line as never)).toThrow(/\(principal\): expected a Decimal, got 1200000/);
  });
});
