import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runFinloc } from '../helpers/cli.js';

const ROOT = resolve('.');
const README = readFileSync(resolve(ROOT, 'README.md'), 'utf8');

/** The shell commands of the README's code blocks that start with `npx finloc`, continuation lines joined, comments dropped. */
function readmeCommands(): string[] {
  const commands: string[] = [];
  for (const block of README.matchAll(/```sh\n([\s\S]*?)```/g)) {
    const lines = block[1]!.replace(/\\\n\s*/g, ' ').split('\n');
    for (const line of lines) if (line.startsWith('npx finloc ')) commands.push(line.replace(/\s+#.*$/, '').trim());
  }
  return commands;
}

/** Splits a command line as the shell would for these simple lines (double quotes, no expansions). */
function shellWords(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

describe('the README', () => {
  const commands = readmeCommands();

  test('has examples of every command', () => {
    for (const c of ['amortize', 'allocate', 'rar', 'guarantee', 'subsidies', 'late-interest']) expect(commands.some((l) => l.startsWith(`npx finloc ${c} `))).toBe(true);
  });

  test.each(commands)('%s: runs as written from the project folder', async (line) => {
    const args = shellWords(line).slice(2); // without "npx finloc"
    const r = await runFinloc(args, { cwd: ROOT });
    // 0, or 1 where an example shows a figure that does not hold; never bad input or a crash.
    expect([0, 1]).toContain(r.code);
    expect(r.stdout.length).toBeGreaterThan(0);
    expect(r.stderr).not.toMatch(/internal error|no such file/);
  });

  test('the library example runs as written and prints the contract\'s figures', () => {
    const example = /<!-- library-example -->\n```js\n([\s\S]*?)```/.exec(README)![1]!;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', example], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    // CDC contract n° 180000: first payment 30 214,17; totals 755 354,37 and 185 727,37; last payment 30 214,29; capital 569 627,00.
    expect(r.stdout).toBe('30214.17 755354.37 185727.37\n30214.29 569627.00\n');
  });
});
