import { describe, expect, it } from 'vitest';
import { runFinloc, tempDir, writeFile } from '../helpers/cli.js';

describe('finloc share', () => {
  const dir = tempDir();
  const keys = writeFile(dir, 'keys.csv', 'membre;clé\nBron;1\nVaulx-en-Velin;1\nVénissieux;1\n');

  it('shares 100,00 in three equal keys: 33,34 / 33,33 / 33,33, a note names the moved cent', async () => {
    const r = await runFinloc(['share', '100,00', '--by', keys]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('member_id,key,exact_share,half_up,share,adjustment\nBron,1,33.333333,33.33,33.34,0.01\nVaulx-en-Velin,1,33.333333,33.33,33.33,0.00\nVénissieux,1,33.333333,33.33,33.33,0.00\n');
    expect(r.stderr).toContain('largest remainder: Bron +0.01');
  });

  it('a negative amount (damages received), written -150 or with the French minus −150', async () => {
    for (const amount of ['-150', '−150']) {
      const r = await runFinloc(['share', amount, '--by', keys, '--format', 'json']);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).tables.shares.map((s: { share: string }) => s.share)).toEqual(['-50.00', '-50.00', '-50.00']);
    }
  });

  it('bad input: exit 2, one line per problem with file, line and column', async () => {
    const bad = writeFile(dir, 'bad.csv', 'member_id,key\nA,-1\nB,x\n');
    const r = await runFinloc(['share', '10', '--by', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`finloc: ${bad}:2:2 (key): expected a number of zero or more, got "-1"\nfinloc: ${bad}:3:2 (key): expected a number such as 569 627,00 or 569627.00, got "x"\n`);
    const amount = await runFinloc(['share', '10,001', '--by', keys]);
    expect(amount.code).toBe(2);
    expect(amount.stderr).toMatch(/^finloc: AMOUNT: expected an amount in euros and cents/);
  });
});
