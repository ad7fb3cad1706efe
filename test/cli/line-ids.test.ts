import { describe, expect, test } from 'vitest';
import { LineIds } from '../../cli/amortize/line-ids.js';

describe('LineIds: the line of each line_id, as a Map would hold it', () => {
  test('numbers, leading zeros, letters, long identifiers, through growth, set twice', () => {
    const ids = new LineIds();
    const map = new Map<string, number>();
    const seen: string[] = [];
    let line = 2;
    const add = (id: string) => {
      seen.push(id);
      ids.set(id, line);
      map.set(id, line);
      line++;
    };
    // 20 000 identifiers, so that the table grows several times; "7" and "007" and "7.0" are three identifiers.
    for (let i = 0; i < 5000; i++) {
      add(String(5_000_001 + i * 7919));
      add(`00${i}`);
      add(`L-${i}`);
      add(String(10 ** 15 + i)); // 16 digits: not held as a number
    }
    for (const id of ['0', '7', '007', '7.0', ' 7', '', '999999999999999', '1e3']) add(id);
    add('5000001'); // given again: the later line replaces the first, as Map.set does
    for (const id of seen) expect(ids.get(id)).toBe(map.get(id));
    for (const id of ['8', '0007', 'L-5000', '5000002', '-1', '1000000000000000000']) expect(ids.get(id)).toBe(map.get(id));
    expect(ids.get('5000001')).toBe(line - 1);
    expect(ids.get('7')).not.toBe(ids.get('007'));
  });
});
