/**
 * Turns the bytes of a file into text. Files come from spreadsheets: UTF-8
 * with or without a byte-order mark, Windows-1252 (the French Excel default,
 * « CSV (séparateur : point-virgule) »), or UTF-16 with its byte-order mark
 * (Excel's « Texte Unicode », tab-separated).
 *
 * The encoding is decided on the whole file, never on a sample: a
 * Windows-1252 file may hold its first accented letter after megabytes of
 * plain ASCII. A file that is neither is refused at its first bad byte,
 * located, rather than read as mojibake (`La bourrÃ©e`).
 */
import { InputError, type InputProblem } from '../errors.js';

/** The encodings of byte slices (what a worker thread decodes). */
export type TextEncodingName = 'utf-8' | 'windows-1252';

/** The encodings a file may come in. UTF-16 files are re-encoded as UTF-8 before they are cut into slices. */
export type FileEncoding = TextEncodingName | 'utf-16le' | 'utf-16be';

const BOM = [0xef, 0xbb, 0xbf];

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2];
}

/** The UTF-16 form a byte-order mark announces (FF FE little-endian, FE FF big-endian), if any. */
export function utf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < 2) return undefined;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/**
 * What the scan of a whole file decided: its encoding and the length of its
 * byte-order mark, or the first bad byte. `located` is false when the scan
 * skipped chunks by a native test ({@link EncodingScannerOptions}): the
 * message is right, its line and column unknown.
 */
export type EncodingVerdict =
  | { readonly ok: true; readonly encoding: FileEncoding; readonly bomLength: number }
  | { readonly ok: false; readonly problem: InputProblem; readonly located: boolean };

export interface EncodingScannerOptions {
  /**
   * A test, native to the runtime, that every byte of a chunk is plain
   * ASCII ({@link isPlainAscii}): such a chunk, nearly every chunk of a CSV
   * file, is skipped without counting its lines, which only a problem's
   * position needs. A file with a problem is scanned again without it, to
   * locate the problem (cli/amortize/read-slices.ts). Node's is
   * cli/plain-ascii.ts: 2 MB in about 2 ms, where the regular expression of
   * `pushPlainAscii` and its line count take 12 to 18.
   */
  readonly allPlainAscii?: (bytes: Uint8Array) => boolean;
}

/** Where a byte of interest is: its line, its column in bytes and in UTF-8 characters (1-based), the byte (or, for a C1 control, the code point). */
interface Spot {
  readonly offset: number;
  readonly line: number;
  readonly byteColumn: number;
  readonly charColumn: number;
  readonly byte: number;
}

/** The five bytes Windows-1252 leaves without a character. */
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/** A C0 control character other than tab, line feed and carriage return: not text. */
const isBadControl = (code: number) => code < 0x20 && code !== 9 && code !== 10 && code !== 13;
/** A byte that is a whole character and no problem in every encoding read: printable ASCII, tab, CR, LF. */
export const isPlainAscii = (b: number) => (b >= 0x20 && b < 0x80) || b === 10 || b === 13 || b === 9;
/** The ASCII bytes that are not plain ASCII: the control characters a text may not hold. */
export const BAD_CONTROL_BYTES: readonly number[] = Object.freeze(Array.from({ length: 0x80 }, (_, b) => b).filter((b) => !isPlainAscii(b)));
/** A character of a chunk's Latin-1 text that is not such a byte (every byte from 0x80 reads as one from U+0080). */
const NOT_PLAIN_ASCII = /[^\t\n\r\x20-\x7f]/;
const LATIN1 = new TextDecoder('latin1');

const hex = (b: number) => '0x' + b.toString(16).toUpperCase().padStart(2, '0');

const SAVE_AS = 'save the file as UTF-8 or Windows-1252';

function controlMessage(code: number): string {
  if (code === 0) return 'a NUL byte: not a text file (or UTF-16 without its byte-order mark)';
  return `control character U+${code.toString(16).toUpperCase().padStart(4, '0')} where text was expected`;
}

/**
 * Reads a file's bytes, chunk by chunk, in one pass and in constant memory,
 * and decides its encoding at the end:
 * - a UTF-8 byte-order mark: UTF-8, and every byte must be valid UTF-8;
 * - a UTF-16 byte-order mark: UTF-16 (checked by decoding it);
 * - no invalid UTF-8 byte: UTF-8 (plain ASCII included);
 * - invalid bytes beside valid multi-byte UTF-8 characters: refused at the
 *   first invalid byte — a UTF-8 file with one stray Latin-1 « é » must not
 *   be read as Windows-1252 and turn every other « é » into « Ã© »;
 * - invalid bytes and no multi-byte character: Windows-1252.
 * In every case the text may not hold control characters (NUL, C0 other than
 * tab, CR, LF; C1) nor, in Windows-1252, the five bytes it leaves undefined.
 */
export class EncodingScanner {
  private readonly allPlainAscii: ((bytes: Uint8Array) => boolean) | undefined;
  /** Whether chunks were skipped by `allPlainAscii`, their lines not counted. */
  private skipped = false;
  private offset = 0;
  private line = 1;
  private lineStart = 0;
  /** UTF-8 characters of the current line so far (bytes that do not continue a sequence). */
  private chars = 0;
  private started = false;
  private bomLength = 0;
  private utf16:
    | { readonly encoding: 'utf-16le' | 'utf-16be'; bad?: InputProblem; column: number; odd: number; highSurrogate: boolean }
    | undefined;
  private head: Uint8Array = new Uint8Array(0);
  // The UTF-8 sequence being read: continuation bytes still needed, bounds of the next one, where it started.
  private need = 0;
  private lo = 0x80;
  private hi = 0xbf;
  private seqStart: Spot | undefined;
  private seqLead = 0;
  private multiByte = false;
  private firstInvalid: Spot | undefined;
  private firstControl: Spot | undefined;
  private firstC1: Spot | undefined;
  private firstUndefined: Spot | undefined;

  constructor(options: EncodingScannerOptions = {}) {
    this.allPlainAscii = options.allPlainAscii;
  }

  /** Adds the next bytes of the file. */
  push(bytes: Uint8Array): void {
    if (!this.started) {
      // The byte-order mark needs the first three bytes, which may come in several chunks.
      if (this.head.length + bytes.length < 3) {
        // A copy: the caller may read its next chunk into the same buffer.
        this.head = Uint8Array.from([...this.head, ...bytes]);
        return;
      }
      bytes = concatBytes(this.head, bytes);
      this.head = new Uint8Array(0);
      this.start(bytes);
      bytes = bytes.subarray(this.bomLength);
    }
    if (this.utf16) this.pushUtf16(bytes, true);
    else this.pushBytes(bytes);
  }

  /** Ends the file and gives the verdict. */
  finish(): EncodingVerdict {
    if (!this.started) {
      const rest = this.head;
      this.head = new Uint8Array(0);
      this.start(rest);
      if (this.utf16) this.pushUtf16(rest.subarray(this.bomLength), true);
      else this.pushBytes(rest.subarray(this.bomLength));
    }
    if (this.utf16) {
      this.pushUtf16(new Uint8Array(0), false);
      if (this.utf16.bad) return { ok: false, problem: this.utf16.bad, located: true };
      return { ok: true, encoding: this.utf16.encoding, bomLength: 2 };
    }
    if (this.need > 0) this.invalid(this.seqStart!);
    const at = (spot: Spot, column: number, message: string): EncodingVerdict =>
      this.skipped ? { ok: false, problem: { message }, located: false } : { ok: false, problem: { line: spot.line, column, message }, located: true };
    if (this.firstInvalid && (this.bomLength > 0 || this.multiByte)) {
      return at(this.firstInvalid, this.firstInvalid.charColumn, `not valid UTF-8: byte ${hex(this.firstInvalid.byte)}; ${SAVE_AS}`);
    }
    if (!this.firstInvalid) {
      const bad = earliest(this.firstControl, this.firstC1);
      if (bad) return at(bad, bad.charColumn, controlMessage(bad.byte));
      return { ok: true, encoding: 'utf-8', bomLength: this.bomLength };
    }
    const bad = earliest(this.firstControl, this.firstUndefined);
    if (bad === this.firstUndefined && bad) {
      return at(bad, bad.byteColumn, `byte ${hex(bad.byte)} is neither UTF-8 nor Windows-1252 text; ${SAVE_AS}`);
    }
    if (bad) return at(bad, bad.byteColumn, controlMessage(bad.byte));
    return { ok: true, encoding: 'windows-1252', bomLength: 0 };
  }

  private start(bytes: Uint8Array): void {
    this.started = true;
    const u16 = utf16Bom(bytes);
    if (u16) {
      this.utf16 = { encoding: u16, column: 0, odd: -1, highSurrogate: false };
      this.bomLength = 2;
    } else if (hasUtf8Bom(bytes)) {
      this.bomLength = 3;
    }
    this.offset = this.bomLength;
    this.lineStart = this.bomLength;
  }

  private spot(offset: number, byte: number): Spot {
    return { offset, line: this.line, byteColumn: offset - this.lineStart + 1, charColumn: this.chars + 1, byte };
  }

  private invalid(spot: Spot): void {
    this.firstInvalid ??= spot;
  }

  /** The UTF-8 / Windows-1252 scan: a state machine over bytes, with a fast path for printable ASCII. */
  private pushBytes(bytes: Uint8Array): void {
    if (this.need === 0) {
      if (this.allPlainAscii === undefined) {
        if (this.pushPlainAscii(bytes)) return;
      } else if (this.allPlainAscii(bytes)) {
        this.offset += bytes.length;
        this.skipped = true;
        return;
      }
    }
    const base = this.offset;
    const n = bytes.length;
    for (let i = 0; i < n; i++) {
      let b = bytes[i]!;
      if (this.need === 0 && isPlainAscii(b)) {
        // Printable ASCII, tabs and line breaks, nearly all of a CSV file, counted on locals byte after byte: the
        // whole file is scanned before the first slice is amortised, so this loop is part of every run's wait.
        let chars = this.chars;
        let line = this.line;
        let lineStart = this.lineStart;
        for (;;) {
          if (b === 10) {
            line++;
            lineStart = base + i + 1;
            chars = 0;
          } else chars++;
          if (i + 1 === n || !isPlainAscii(bytes[i + 1]!)) break;
          b = bytes[++i]!;
        }
        this.chars = chars;
        this.line = line;
        this.lineStart = lineStart;
        continue;
      }
      const offset = base + i;
      if (b >= 0x80 && CP1252_UNDEFINED.has(b)) this.firstUndefined ??= this.spot(offset, b);
      if (this.need > 0) {
        if (b >= this.lo && b <= this.hi) {
          this.lo = 0x80;
          this.hi = 0xbf;
          if (--this.need === 0) {
            this.multiByte = true;
            // C2 80 – C2 9F: the C1 controls U+0080 – U+009F, where the code point is the second byte.
            if (this.seqLead === 0xc2 && b <= 0x9f) this.firstC1 ??= { ...this.seqStart!, byte: b };
          }
          continue;
        }
        // The sequence is broken: its lead byte is the bad one; this byte starts afresh.
        this.invalid(this.seqStart!);
        this.need = 0;
        this.lo = 0x80;
        this.hi = 0xbf;
      }
      if (b < 0x80) {
        if (b === 10) {
          this.line++;
          this.lineStart = offset + 1;
          this.chars = 0;
          continue;
        }
        if (isBadControl(b)) this.firstControl ??= this.spot(offset, b);
        this.chars++;
        continue;
      }
      if (b >= 0xc2 && b <= 0xdf) this.need = 1;
      else if (b >= 0xe0 && b <= 0xef) {
        this.need = 2;
        if (b === 0xe0) this.lo = 0xa0; // no overlong form
        if (b === 0xed) this.hi = 0x9f; // no surrogate
      } else if (b >= 0xf0 && b <= 0xf4) {
        this.need = 3;
        if (b === 0xf0) this.lo = 0x90;
        if (b === 0xf4) this.hi = 0x8f; // nothing above U+10FFFF
      } else this.invalid(this.spot(offset, b)); // a lone continuation byte, C0, C1, F5–FF
      if (this.need > 0) {
        this.seqStart = this.spot(offset, b);
        this.seqLead = b;
      }
      this.chars++;
    }
    this.offset = base + bytes.length;
  }

  /**
   * A chunk of nothing but plain ASCII (nearly every chunk of a CSV file),
   * told by a regular expression over its text, its line breaks found by
   * `indexOf`: the byte loop of `pushBytes`, before V8 had optimised it, took
   * about 15 ms of a 2 MB file, which is scanned whole before its first line
   * is amortised; this took about 5 on that host (12 to 18 on a slower one,
   * where a native test took 2: {@link EncodingScannerOptions}). Any other
   * chunk: false, nothing counted. Used when no native test is given.
   */
  private pushPlainAscii(bytes: Uint8Array): boolean {
    const text = LATIN1.decode(bytes);
    if (NOT_PLAIN_ASCII.test(text)) return false;
    let breaks = 0;
    let last = -1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      breaks++;
      last = i;
    }
    if (breaks > 0) {
      this.line += breaks;
      this.lineStart = this.offset + last + 1;
      this.chars = text.length - last - 1;
    } else this.chars += text.length;
    this.offset += bytes.length;
    return true;
  }

  /**
   * UTF-16: code units read as they come (an odd byte, or a high surrogate,
   * cut between chunks waits for the next), each checked: surrogates in
   * pairs, no control character. Columns count characters, a pair as one.
   */
  private pushUtf16(bytes: Uint8Array, more: boolean): void {
    const u = this.utf16!;
    const bad = (message: string) => {
      u.bad ??= { line: this.line, column: u.column + 1, message };
    };
    const invalid = `not valid ${u.encoding === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE'} text; ${SAVE_AS}`;
    const little = u.encoding === 'utf-16le';
    let i = 0;
    if (u.odd >= 0 && bytes.length > 0) {
      this.unit(little ? u.odd | (bytes[0]! << 8) : (u.odd << 8) | bytes[0]!, invalid);
      u.odd = -1;
      i = 1;
    }
    for (; i + 1 < bytes.length && !u.bad; i += 2) {
      this.unit(little ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!, invalid);
    }
    if (i < bytes.length) u.odd = bytes[i]!;
    if (!more && (u.odd >= 0 || u.highSurrogate)) bad(invalid);
  }

  private unit(c: number, invalid: string): void {
    const u = this.utf16!;
    if (u.bad) return;
    const bad = (message: string) => {
      u.bad = { line: this.line, column: u.column + 1, message };
    };
    if (u.highSurrogate) {
      if (c < 0xdc00 || c > 0xdfff) return bad(invalid);
      u.highSurrogate = false;
      u.column++;
      return;
    }
    if (c >= 0xd800 && c <= 0xdbff) {
      u.highSurrogate = true;
      return;
    }
    if (c >= 0xdc00 && c <= 0xdfff) return bad(invalid);
    if (c === 10) {
      this.line++;
      u.column = 0;
      return;
    }
    if (isBadControl(c) || (c >= 0x80 && c <= 0x9f)) return bad(controlMessage(c));
    u.column++;
  }
}

function earliest(a: Spot | undefined, b: Spot | undefined): Spot | undefined {
  if (!a) return b;
  if (!b) return a;
  return a.offset <= b.offset ? a : b;
}

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Decides the encoding of a whole file held in memory. */
export function detectFileEncoding(bytes: Uint8Array): EncodingVerdict {
  const scanner = new EncodingScanner();
  scanner.push(bytes);
  return scanner.finish();
}

/**
 * The characters of bytes 0x80–0x9F in Windows-1252 (€, ‚, ƒ, „, …, Œ, ’, œ…);
 * the other bytes are the Latin-1 characters of the same code. Decoded by
 * hand: Node 20's TextDecoder reads "windows-1252" as plain Latin-1, which
 * turns € into a control character.
 */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  const codes: number[] = [];
  for (let start = 0; start < bytes.length; start += CHUNK) {
    codes.length = 0;
    const end = Math.min(bytes.length, start + CHUNK);
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      codes.push(b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b);
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/** Decodes a whole file: its text and encoding, or the first bad byte, located (line and column, no file name). */
export function decodeText(bytes: Uint8Array): { ok: true; text: string; encoding: FileEncoding } | { ok: false; problem: InputProblem } {
  const verdict = detectFileEncoding(bytes);
  if (!verdict.ok) return verdict;
  const body = bytes.subarray(verdict.bomLength);
  const text = verdict.encoding === 'windows-1252' ? decodeWindows1252(body) : new TextDecoder(verdict.encoding, { ignoreBOM: true }).decode(body);
  return { ok: true, text, encoding: verdict.encoding };
}

/** Decodes a whole file; throws an InputError naming the first bad byte when it is not text in one of the accepted encodings. */
export function decodeBytes(bytes: Uint8Array): string {
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new InputError([decoded.problem]);
  return decoded.text;
}

/** Decodes a slice of a file whose encoding is known (a slice cut at a line break never splits a character). */
export function decodeAs(bytes: Uint8Array, encoding: TextEncodingName): string {
  return encoding === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}
