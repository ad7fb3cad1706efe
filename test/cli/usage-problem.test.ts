import { describe, expect, test } from 'vitest';
import { usageProblem } from '../../cli/main.js';

// Commander's messages, as commander 14 words them, and the line finloc prints instead.
describe('usageProblem', () => {
  test.each([
    [
      "error: option '--declared <AMOUNT>' argument '1.2.3' is invalid. expected an amount, got \"1.2.3\"\n",
      'finloc: --declared: expected an amount, got "1.2.3"\n',
    ],
    [
      "error: option '-f, --format <format>' argument 'xml' is invalid. expected one of csv, json, got \"xml\"\n",
      'finloc: --format: expected one of csv, json, got "xml"\n',
    ],
    ["error: unknown option '--bogus'\n", "finloc: unknown option '--bogus'\n"],
    ["error: missing required argument 'file'\n", "finloc: missing required argument 'file'\n"],
  ])('%j', (commander, finloc) => {
    expect(usageProblem(commander)).toBe(finloc);
  });
});
