import { describe, expect, test } from 'vitest';
import { parseTable, required, withDefault } from '../../src/csv/table.js';
import { amount, percent, text } from '../../src/csv/fields.js';

const schema = {
  line_id: required(text),
  principal: required(amount),
  rate_pct: withDefault(percent, undefined),
};

/** Each row's reading, one row at a time: what readRow must give whether or not it remembers cells. */
const alone = (line: string) => parseTable(`line_id,principal,rate_pct\n${line}\n`, schema);

describe('cells remembered by text (readRow)', () => {
  // 5 000 rows: unique identifiers and principals (their memory is dropped after the trial), a handful of rates, a bad one now and then.
  const rates = ['2.3', '2,3 %', '0.6', '-0.2', '1 000', '2.3000001', 'abc'];
  const lines = Array.from({ length: 5000 }, (_, i) => `L${i},${1000 + i}.${String(i % 100).padStart(2, '0')},"${rates[i % rates.length]}"`);
  const together = parseTable(`line_id,principal,rate_pct\n${lines.join('\n')}\n`, schema);

  test('every row reads as it reads alone: values and problems', () => {
    const byLine = new Map(together.rows.map((r) => [r.line, r.row]));
    const problemsByLine = new Map<number, string[]>();
    for (const p of together.problems) problemsByLine.set(p.line!, [...(problemsByLine.get(p.line!) ?? []), p.message]);
    for (const i of [0, 1, 5, 6, 13, 2047, 2048, 2049, 4095, 4096, 4999]) {
      const single = alone(lines[i]!);
      const row = byLine.get(i + 2);
      if (single.rows.length === 1) {
        expect(row?.line_id).toBe(single.rows[0]!.row.line_id);
        expect(row?.principal.toFixed(2)).toBe(single.rows[0]!.row.principal.toFixed(2));
        expect(row?.rate_pct?.toFixed()).toBe(single.rows[0]!.row.rate_pct?.toFixed());
      } else {
        expect(row).toBeUndefined();
        expect(problemsByLine.get(i + 2)).toEqual(single.problems.map((p) => p.message));
      }
    }
  });

  test('a bad cell repeated is a problem on every row that holds it', () => {
    const bad = lines.filter((l) => l.endsWith('"abc"') || l.endsWith('"2.3000001"')).length;
    expect(together.problems).toHaveLength(bad);
    expect(together.rows).toHaveLength(5000 - bad);
  });
});
