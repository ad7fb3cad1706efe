import { describe, expect, test } from 'vitest';
import { test as prop, fc } from '@fast-check/vitest';
import { EncodingScanner, decodeBytes, decodeText, detectFileEncoding, isPlainAscii } from '../../src/csv/decode.js';
import { InputError, formatProblem } from '../../src/errors.js';

const utf8 = (s: string) => Buffer.from(s, 'utf8');
const cp1252 = (s: string) => Buffer.from(s.replace(/€/g, '\x80').replace(/’/g, '\x92'), 'latin1');
const utf16le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
const utf16be = (s: string) => {
  const le = Buffer.from(s, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
};

/** The refusal of a file, as the command prints it (with a file name). */
function refusal(bytes: Uint8Array): string {
  const r = decodeText(bytes);
  if (r.ok) throw new Error(`expected a refusal, got ${r.encoding}`);
  return formatProblem({ ...r.problem, file: 'f.csv' });
}

describe('the encoding of a file, decided on all its bytes', () => {
  const text = 'bénéficiaire;montant\nAssociation des Écoles;1 234,56 €\nL’Étoile;10\n';

  test('UTF-8 with or without BOM, Windows-1252, UTF-16 LE and BE with BOM: the same text', () => {
    expect(decodeText(utf8(text))).toEqual({ ok: true, text, encoding: 'utf-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(text)]))).toEqual({ ok: true, text, encoding: 'utf-8' });
    expect(decodeText(cp1252(text))).toEqual({ ok: true, text, encoding: 'windows-1252' });
    expect(decodeText(utf16le(text.replace(/;/g, '\t')))).toEqual({ ok: true, text: text.replace(/;/g, '\t'), encoding: 'utf-16le' });
    expect(decodeText(utf16be(text))).toEqual({ ok: true, text, encoding: 'utf-16be' });
  });

  test('plain ASCII and an empty file are UTF-8', () => {
    expect(detectFileEncoding(utf8('a,b\n1,2\n'))).toEqual({ ok: true, encoding: 'utf-8', bomLength: 0 });
    expect(detectFileEncoding(new Uint8Array(0))).toEqual({ ok: true, encoding: 'utf-8', bomLength: 0 });
    expect(detectFileEncoding(new Uint8Array([0xef, 0xbb, 0xbf]))).toEqual({ ok: true, encoding: 'utf-8', bomLength: 3 });
  });

  test('a Windows-1252 file whose first accented letter comes after 64 KB is Windows-1252', () => {
    const head = 'line_id;principal\n' + 'A;1000\n'.repeat(20000); // 140 KB of ASCII
    expect(head.length).toBeGreaterThan(1 << 17);
    expect(decodeText(cp1252(head + 'Crédit;5\n'))).toEqual({ ok: true, text: head + 'Crédit;5\n', encoding: 'windows-1252' });
  });

  test('one stray Latin-1 « é » in a UTF-8 file full of « é »: refused at that byte, never mojibake', () => {
    const bytes = Buffer.concat([utf8('nom;montant\nLa bourrée Gannatoise;10\nCafé '), Buffer.from([0xe9]), utf8(' du Lac;20\nÉcole;5\n')]);
    expect(refusal(bytes)).toBe('f.csv:3:6: not valid UTF-8: byte 0xE9; save the file as UTF-8 or Windows-1252');
    // the same stray byte before the first valid « é »: still refused (the decision looks at the whole file)
    const before = Buffer.concat([utf8('nom;montant\nCaf'), Buffer.from([0xe9]), utf8(';10\nLa bourrée;20\n')]);
    expect(refusal(before)).toBe('f.csv:2:4: not valid UTF-8: byte 0xE9; save the file as UTF-8 or Windows-1252');
  });

  test('a UTF-8 file with a BOM must be valid UTF-8 throughout, even with no other accented letter', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('nom\nCaf'), Buffer.from([0xe9]), utf8('\n')]);
    expect(refusal(bytes)).toBe('f.csv:2:4: not valid UTF-8: byte 0xE9; save the file as UTF-8 or Windows-1252');
  });

  test('a multi-byte character cut at the end of the file is not valid UTF-8', () => {
    expect(refusal(Buffer.concat([utf8('é;a\n'), Buffer.from([0xc3])]))).toBe('f.csv:2:1: not valid UTF-8: byte 0xC3; save the file as UTF-8 or Windows-1252');
  });

  test.each([0x81, 0x8d, 0x8f, 0x90, 0x9d])('byte 0x%s, which Windows-1252 leaves undefined, is refused with its line and column', (b) => {
    const bytes = Buffer.concat([cp1252('nom;montant\nCafé;1\nab'), Buffer.from([b]), cp1252(';2\n')]);
    expect(refusal(bytes)).toBe(`f.csv:3:3: byte 0x${b.toString(16).toUpperCase()} is neither UTF-8 nor Windows-1252 text; save the file as UTF-8 or Windows-1252`);
  });

  test('NUL and other control characters are refused, in every encoding; tab, CR and LF are text', () => {
    expect(refusal(utf8('a;b\r\n1\t;\x002\n'))).toBe('f.csv:2:4: a NUL byte: not a text file (or UTF-16 without its byte-order mark)');
    expect(refusal(utf8('a;b\n1;\x1b[0m\n'))).toBe('f.csv:2:3: control character U+001B where text was expected');
    expect(refusal(cp1252('a;b\nCafé;\x07\n'))).toBe('f.csv:2:6: control character U+0007 where text was expected');
    expect(refusal(utf8('a;b\néa;\u0085\n'))).toBe('f.csv:2:4: control character U+0085 where text was expected');
    expect(refusal(utf16le('a\tb\n1\t\x0c\n'))).toBe('f.csv:2:3: control character U+000C where text was expected');
    // UTF-16 without its byte-order mark: NUL bytes
    expect(refusal(Buffer.from('a\tb\n', 'utf16le'))).toBe('f.csv:1:2: a NUL byte: not a text file (or UTF-16 without its byte-order mark)');
  });

  test('an unpaired surrogate in UTF-16 is refused', () => {
    const bytes = Buffer.concat([utf16le('a\tb\n'), Buffer.from([0x00, 0xd8, 0x41, 0x00])]);
    expect(refusal(bytes)).toMatch(/^f\.csv:2:1: not valid UTF-16 LE text/);
  });

  test('decodeBytes throws the located problem', () => {
    expect(() => decodeBytes(utf8('a\n\x00'))).toThrow(InputError);
    expect(decodeBytes(cp1252('a;€\n'))).toBe('a;€\n');
  });

  const bytes = fc.uint8Array({ maxLength: 60 }).chain((raw) =>
    fc.constantFrom(
      raw,
      Buffer.concat([utf8('aé€;\n'), Buffer.from(raw)]),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(raw)]),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(raw)]),
    ),
  );
  prop.prop([bytes, fc.array(fc.integer({ min: 0, max: 7 }), { maxLength: 12 })], { numRuns: 2000 })(
    'the verdict does not depend on how the bytes are cut into chunks',
    (all, cuts) => {
      const scanner = new EncodingScanner();
      let pos = 0;
      for (const c of cuts) {
        scanner.push(all.subarray(pos, pos + c));
        pos = Math.min(all.length, pos + c);
      }
      scanner.push(all.subarray(pos));
      expect(scanner.finish()).toEqual(detectFileEncoding(all));
    },
  );

  prop.prop([fc.string({ unit: fc.constantFrom('a', 'é', '€', '’', ';', '\n', 'Ω', '😀', '\t'), maxLength: 40 })], { numRuns: 500 })(
    'every text without control characters reads back from UTF-8 and UTF-16 bytes',
    (s) => {
      expect(decodeText(utf8(s))).toMatchObject({ ok: true, text: s });
      expect(decodeText(utf16le(s))).toMatchObject({ ok: true, text: s });
      expect(decodeText(utf16be(s))).toMatchObject({ ok: true, text: s });
    },
  );

  prop.prop([fc.string({ unit: fc.constantFrom('a', '1', ';', '\t', '\r', '\n'), maxLength: 300 }), fc.nat()], { numRuns: 500 })(
    'a control character after plain ASCII is located by its line and its column, counted by hand',
    (text, at) => {
      const cut = at % (text.length + 1);
      const before = text.slice(0, cut);
      const line = before.split('\n').length;
      const column = before.length - before.lastIndexOf('\n');
      expect(refusal(utf8(before + '\x07' + text.slice(cut)))).toBe(`f.csv:${line}:${column}: control character U+0007 where text was expected`);
    },
  );

  prop.prop(
    [
      fc.string({ unit: fc.constantFrom('a', '1', ';', '\t', '\r', '\n'), maxLength: 300 }),
      fc.nat(),
      fc.constantFrom([0x07], [0xc3, 0xa9], [0xe9], [0x81], [0xc3], [0x7f]),
      fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 }),
    ],
    { numRuns: 1000 },
  )('chunks of plain ASCII, then a control character, an accent or a bad byte: the verdict and its place as in one push', (text, at, odd, cuts) => {
    const cut = at % (text.length + 1);
    const all = Buffer.concat([utf8(text.slice(0, cut)), Buffer.from(odd), utf8(text.slice(cut))]);
    const scanner = new EncodingScanner();
    for (let pos = 0, k = 0; pos < all.length; k++) {
      const size = cuts[k % cuts.length]!;
      scanner.push(all.subarray(pos, pos + size));
      pos += size;
    }
    // In one push the bytes are read one by one (the chunk is not plain ASCII): the reference.
    expect(scanner.finish()).toEqual(detectFileEncoding(all));
  });

  // A chunk skipped by a native test (EncodingScannerOptions) has its lines uncounted: a verdict after it is unlocated.
  prop.prop(
    [
      fc.string({ unit: fc.constantFrom('a', '1', ';', '\t', '\r', '\n'), maxLength: 300 }),
      fc.nat(),
      fc.constantFrom([], [0x07], [0xc3, 0xa9], [0xe9], [0x81], [0xc3], [0x7f], [0xef, 0xbb, 0xbf]),
      fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 }),
    ],
    { numRuns: 1000 },
  )('chunks skipped by a native test of plain ASCII: the same verdict, located unless a chunk was skipped', (text, at, odd, cuts) => {
    const cut = at % (text.length + 1);
    const all = Buffer.concat([utf8(text.slice(0, cut)), Buffer.from(odd), utf8(text.slice(cut))]);
    const skipped: number[] = [];
    const scanner = new EncodingScanner({ allPlainAscii: (bytes) => bytes.every(isPlainAscii) && skipped.push(bytes.length) > 0 });
    for (let pos = 0, k = 0; pos < all.length; k++) {
      const size = cuts[k % cuts.length]!;
      scanner.push(all.subarray(pos, pos + size));
      pos += size;
    }
    const reference = detectFileEncoding(all);
    const verdict = scanner.finish();
    if (reference.ok || skipped.length === 0) expect(verdict).toEqual(reference);
    else expect(verdict).toEqual({ ok: false, problem: { message: reference.problem.message }, located: false });
  });

  // The encoding pass reads every chunk into one buffer (cli/amortize/read-slices.ts).
  test('a chunk is not kept once pushed: its buffer may hold the next', () => {
    const file = utf8('\ufeffa\x07;é\n');
    const buffer = new Uint8Array(2);
    const scanner = new EncodingScanner();
    for (let at = 0; at < file.length; at += 2) {
      const n = Math.min(2, file.length - at);
      buffer.set(file.subarray(at, at + n));
      scanner.push(buffer.subarray(0, n));
      buffer.fill(0);
    }
    expect(scanner.finish()).toEqual(detectFileEncoding(file));
    expect(detectFileEncoding(file)).toMatchObject({ ok: false, problem: { line: 1, column: 2 } });
  });

  test('the scan is linear: 64 MB in a few seconds at most', () => {
    const big = Buffer.alloc(64 << 20, 'a;1\n');
    const t0 = Date.now();
    expect(detectFileEncoding(big)).toMatchObject({ ok: true, encoding: 'utf-8' });
    expect(Date.now() - t0).toBeLessThan(20000);
  });
});
