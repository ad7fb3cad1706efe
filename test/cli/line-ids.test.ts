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

  test('identifiers in order, as an export lists them: runs, and what breaks one', () => {
    const ids = new LineIds();
    const map = new Map<string, number>();
    const add = (id: string, line: number) => {
      ids.set(id, line);
      map.set(id, line);
    };
    let line = 2;
    for (let i = 1; i <= 3000; i++) add(String(5_000_000 + i), line++); // one run
    line += 3; // blank lines: the next identifier starts a run of its own
    for (let i = 3001; i <= 4000; i++) add(String(5_000_000 + i), line++);
    for (let i = 4002; i <= 5000; i += 2) add(String(5_000_000 + i), line++); // a gap in the numbers each time
    add('5000100', line++); // back inside a run: held apart, and it replaces the run's line as Map.set does
    add('42', line++); // below every run
    add('6000000', line++); // after every run again
    const probes = ['5000000', '5000001', '5000002', '5003000', '5003001', '5004000', '5004001', '5004002', '5004003', '5005000', '5005001', '5000100', '42', '43', '6000000', '5999999'];
    for (const id of probes) expect([id, ids.get(id)]).toEqual([id, map.get(id)]);
    for (const [id, at] of map) expect(ids.get(id)).toBe(at);
    // By hand: 5000002 is the second identifier, on line 3; 5003001 came after 3 blank lines, on line 2 + 3000 + 3 = 3005.
    expect(ids.get('5000002')).toBe(3);
    expect(ids.get('5003001')).toBe(3005);
  });
});
