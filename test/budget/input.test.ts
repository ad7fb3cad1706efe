import { describe, expect, test } from 'vitest';
import { InputError, formatProblem } from '../../src/errors.js';
import { readBudgetResults } from '../../src/budget/input.js';
import { readDeclaredFigures } from '../../src/budget/declared.js';

const SITIV =
  'item,amount\ninvestment_expenditure,603801.97\ninvestment_receipts,1177830.44\ninvestment_carried_over,-742627.83\n' +
  'operating_expenditure,617275.47\noperating_receipts,1139176.00\noperating_carried_over,358573.56\n' +
  'rar_investment_expenditure,429656.45\nrar_investment_receipts,0\nrar_operating_expenditure,0\nrar_operating_receipts,0\n';

function problems(text: string, read: (t: string) => unknown = readBudgetResults): string[] {
  try {
    read(text);
  } catch (e) {
    if (e instanceof InputError) return e.problems.map(formatProblem);
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('RESULTS files (item,amount)', () => {
  test('French names, codes, a French spreadsheet export: the same figures as the canonical file', () => {
    const fr =
      'Poste;Montant\nDépenses d\'investissement;603 801,97 €\nRecettes d\'investissement;1 177 830,44\n001;−742 627,83\n' +
      'Dépenses de fonctionnement;617 275,47\nRecettes de fonctionnement;1 139 176,00\n002;358 573,56\n' +
      'I;429 656,45\nIII;0\nII;0,00\nIV;0\nRecettes réelles de fonctionnement;1 100 000,00\nHabitants;35 000\n';
    const a = readBudgetResults(fr);
    const b = readBudgetResults(SITIV);
    expect(a.results.investment.carriedOver.toFixed(2)).toBe('-742627.83');
    expect(a.results.rarInvestment.expenditure.equals(b.results.rarInvestment.expenditure)).toBe(true);
    expect(a.results.operating.receipts.equals(b.results.operating.receipts)).toBe(true);
    expect([a.results.operatingReceiptsReal?.toFixed(2), a.results.population?.toFixed()]).toEqual(['1100000.00', '35000']);
    expect(b.results.population).toBeUndefined();
  });
  test('an unknown item, an item given twice, an amount that is not a number: each located by line and column', () => {
    const text = SITIV.replace('rar_operating_receipts,0', 'rar_operating_receipts,0\nsubsidies,12\noperating_receipts,5') .replace('investment_receipts,1177830.44', 'investment_receipts,"1 177 83O,44"');
    expect(problems(text)).toEqual([
      'line 3:2 (amount): investment_receipts: expected an amount such as 569 627,00 or 569627.00, got "1 177 83O,44"',
      expect.stringMatching(/^line 12:1 \(item\): unknown item "subsidies"; expected one of investment_expenditure, /),
      'line 13:1 (item): item "operating_receipts" given twice (already on line 6)',
    ]);
  });
  test('a missing mandatory item is named; RAR lines are mandatory too (write 0 when there are none)', () => {
    expect(problems(SITIV.replace('rar_operating_expenditure,0\n', '').replace('investment_carried_over,-742627.83\n', ''))).toEqual([
      'missing item "investment_carried_over" (a line "investment_carried_over,<amount>" is required)',
      'missing item "rar_operating_expenditure" (a line "rar_operating_expenditure,<amount>" is required)',
    ]);
  });
  test('expenditure and receipts cannot be negative, amounts are in cents, a population is a whole number', () => {
    const text = SITIV.replace('operating_expenditure,617275.47', 'operating_expenditure,-617275.47').replace('rar_investment_receipts,0', 'rar_investment_receipts,0.001') + 'population,12.5\n';
    expect(problems(text)).toEqual([
      'line 5:2 (amount): operating_expenditure: expected an amount of zero or more, got "-617275.47"',
      'line 9:2 (amount): rar_investment_receipts: expected an amount in euros and cents (at most two decimals), got "0.001"',
      'line 12:2 (amount): population: expected a whole number of zero or more, got "12.5"',
    ]);
  });
  test('a wrong header is reported alone, not buried under every missing item', () => {
    expect(problems('poste,total\ninvestment_expenditure,1\n')).toEqual([
      'line 1:2 (total): unknown column "total"; expected one of item, amount',
      'line 1: missing column "amount"',
    ]);
  });
});

describe('DECLARED files', () => {
  test('a deliberation\'s names: A1, B2, A2 + B2, 1068, 002, 001 are the allocation voted', () => {
    const d = readDeclaredFigures('poste;montant\nA1;711 874,73\nB2;-429 656,45\nA2 + B2;-598 255,81\n1068;598 255,81\n002;282 218,28\n001;-168 599,36\nDépenses d\'investissement;603 801,97\n');
    expect(d.map((f) => `${f.line}:${f.item}=${f.value.toFixed(2)}`)).toEqual([
      '2:result_total=711874.73',
      '3:rar_investment=-429656.45',
      '4:cumulated_investment=-598255.81',
      '5:to_1068=598255.81',
      '6:to_002=282218.28',
      '7:carried_over_001=-168599.36',
      '8:investment_expenditure=603801.97',
    ]);
  });
  test('an empty declaration is an error, not a check that passes', () => {
    expect(problems('item,amount\n', readDeclaredFigures)).toEqual(['no declared figure; expected lines item,amount']);
  });
});
