import { describe, expect, test } from 'vitest';
import { Decimal, ZERO } from '../../src/money/decimal.js';
import { amortize } from '../../src/loan/schedule.js';
import type { LoanLine } from '../../src/loan/types.js';
import { guaranteeLine } from '../../src/guarantee/schedule.js';
import { checkPrincipal } from '../../src/guarantee/principal.js';
import { selectGuarantor } from '../../src/guarantee/statement.js';
import { ratioInputsOf } from '../../src/guarantee/ratios.js';
import { readRatioInputs } from '../../src/guarantee/input.js';
import { guaranteedScheduleReport, principalReport } from '../../src/guarantee/report.js';
import type { Guarantee } from '../../src/guarantee/types.js';
import { InputError } from '../../src/errors.js';
import { renderReport } from '../../src/report/render.js';
import { bundledLivretA } from '../helpers/loan-arbitraries.js';

const d = (s: string) => new Decimal(s);
const LINE: LoanLine = {
  lineId: '5676228', principal: d('569627.00'), firstDueDate: '2026-10-29' as LoanLine['firstDueDate'], periods: 25, periodMonths: 12,
  index: 'livret_a', marginPct: d('0.6'), ratePct: d('2.3'), revision: 'DL', progressivityPct: ZERO, progressivityFloorPct: ZERO,
  profile: 'payment_priority', interestMode: 'equivalent', dayCount: '30/360', prefinancingMonths: 0,
};
const guarantee = (guarantor: string, sharePct: string, statedPrincipal?: string): Guarantee => ({
  lineId: '5676228', guarantor, sharePct: d(sharePct), developmentOperation: false, ...(statedPrincipal ? { statedPrincipal: d(statedPrincipal) } : {}),
});
const lines = guaranteeLine(amortize(LINE, { index: bundledLivretA() }), [guarantee('Département de l\'Allier', '40'), guarantee('Commune de Gannat', '60', '341776.02')]);

describe('guarantee reports', () => {
  test('a stated principal is the shared check: item guarantor/line_id, difference = stated − computed', () => {
    const [allier, gannat] = lines.map(checkPrincipal);
    expect(allier!.check).toBeUndefined();
    // 341 776,02 stated − 60 % × 569 627,00 = 341 776,20 computed: −0,18.
    expect([gannat!.check!.item, gannat!.check!.declared.toFixed(2), gannat!.check!.recomputed.toFixed(2), gannat!.check!.difference.toFixed(2), gannat!.check!.holds])
      .toEqual(['Commune de Gannat/5676228', '341776.02', '341776.20', '-0.18', false]);
    const r = principalReport(lines.map(checkPrincipal));
    expect(r.checks).toEqual([gannat!.check]);
    expect(r.tables[0]!.rows.map((row) => row.difference)).toEqual([undefined, gannat!.check!.difference]);
  });

  test('the schedule: csv and json give the due dates, csv-fr adds a Total row per guarantee', async () => {
    const r = guaranteedScheduleReport(lines);
    expect(r.tables[0]!.rows).toHaveLength(50);
    expect((await renderReport(r, 'csv')).trimEnd().split('\n')).toHaveLength(51);
    const fr = (await renderReport(r, 'csv-fr')).trimEnd().split('\n');
    expect(fr).toHaveLength(53);
    // Gannat: 24 × 18 128,50 + 18 128,57 = 453 212,57; amortisation 341 776,20; interest 111 436,37.
    expect(fr[52]).toBe('Commune de Gannat;5676228;60;Total;;453212,57;341776,20;111436,37;0,00;;');
  });

  test('selecting a guarantor: names compared without case or accents; the ratios need one', () => {
    expect(selectGuarantor(lines, 'DEPARTEMENT DE L ALLIER', false)).toEqual({ lines: [lines[0]] });
    expect(selectGuarantor(lines, undefined, false)).toEqual({ lines });
    expect(selectGuarantor(lines, undefined, true)).toEqual({ problem: 'the ratios are one guarantor\'s: name one of "Département de l\'Allier", "Commune de Gannat"' });
    expect(selectGuarantor(lines, 'Vichy', false)).toEqual({ problem: '"Vichy" guarantees nothing in the file; the guarantors are "Département de l\'Allier", "Commune de Gannat"' });
  });

  test('ratio inputs: the item file reader, then the items missing or a new line not the guarantor\'s', () => {
    const amounts = readRatioInputs('poste;montant\nrrf;9 412 345,67\nannuité nette de la dette;1 234 567,89\n');
    expect([...amounts].map(([k, v]) => [k, v.toFixed(2)])).toEqual([['real_operating_revenue', '9412345.67'], ['own_debt_net_annuity', '1234567.89']]);
    expect(() => readRatioInputs('item,amount\nrrf,1\nrrf,2\n')).toThrow(InputError);
    const gannat = [lines[1]!];
    expect(ratioInputsOf(gannat, 2027, amounts)).toEqual({ missing: ['guarantee_provisions'] });
    amounts.set('guarantee_provisions', d('0'));
    expect(ratioInputsOf(gannat, 2027, amounts, 'CLUB-2027')).toEqual({ foreignNewLine: 'CLUB-2027' });
    expect(ratioInputsOf(gannat, 2027, amounts)).toMatchObject({ inputs: { guarantor: 'Commune de Gannat', year: 2027 } });
  });
});
