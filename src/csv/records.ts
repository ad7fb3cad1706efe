/**
 * A small RFC 4180 reader that keeps what fast-csv does not give us: the
 * line on which each record starts, so that every problem can be located.
 * It is incremental (push text chunks, take records) so that a portfolio
 * of a million lines streams in bounded memory, and linear: each character
 * is looked at once, whatever the chunks and however long a line is.
 */
import type { InputProblem } from '../errors.js';

export type Separator = ',' | ';' | '\t';

export interface CsvRecord {
  /** 1-based line of the file on which the record starts. */
  readonly line: number;
  readonly fields: string[];
}

/**
 * The longest record read, in characters. Far above any table line
 * (a loan line is about 150 characters), far below what would fill memory
 * or take minutes: a file with one 200 MB line is not a table, and is
 * refused after its first megabyte.
 */
export const MAX_RECORD_CHARS = 1 << 20;

/** The same limit in bytes: a character takes at most 4 bytes, so a record refused on its bytes is one refused on its characters. */
export const MAX_RECORD_BYTES = 4 * MAX_RECORD_CHARS;

/** The separator a header line uses: `;` when present (French spreadsheets), then tab, then `,`. */
export function detectSeparator(headerLine: string): Separator {
  const counter = new SeparatorCounter();
  counter.add(headerLine, 0, headerLine.length);
  return counter.separator();
}

/** Counts the separators of a line outside quotes, piece by piece. */
class SeparatorCounter {
  private inQuotes = false;
  private semicolons = 0;
  private tabs = 0;
  private commas = 0;

  add(text: string, from: number, to: number): void {
    for (let k = from; k < to; k++) {
      const c = text.charCodeAt(k);
      if (c === 34) this.inQuotes = !this.inQuotes;
      else if (!this.inQuotes) {
        if (c === 59) this.semicolons++;
        else if (c === 9) this.tabs++;
        else if (c === 44) this.commas++;
      }
    }
  }

  separator(): Separator {
    if (this.semicolons > 0) return ';';
    if (this.tabs > 0) return '\t';
    return ',';
  }
}

/** Where the reader is within a record. */
const enum Mode {
  /** At the first character of a field. */
  FieldStart,
  Unquoted,
  Quoted,
  /** In a quoted field, just after a `"`: a doubled quote or the closing one. */
  QuoteInQuoted,
  /** After the closing quote: the rest up to the separator is kept as written. */
  AfterQuote,
}

export class CsvRecordReader {
  private separator: Separator | undefined;
  /** The line of the next character to read. */
  private line: number;
  private readonly out: CsvRecord[] = [];
  /** Text held while the separator is unknown (up to the first line break of a non-blank line). */
  private held: string[] = [];
  private heldLength = 0;
  private counter = new SeparatorCounter();
  private lineIsBlank = true;
  private heldNewlines = 0;
  // The record being read.
  private inRecord = false;
  private recordLine = 0;
  private recordLength = 0;
  private fields: string[] = [];
  private field = '';
  private tail = '';
  private mode = Mode.FieldStart;
  /**
   * The next line break and separator at or after the scan position in the
   * current text (-1: not searched yet; NONE: none in the rest of the text),
   * so that each is searched once per text, not once per field.
   */
  private nextNewline = -1;
  private nextSeparator = -1;
  private stopped = false;
  /** Set when a quoted field is still open at the end of the input. */
  unterminatedQuoteLine: number | undefined;
  /** Set when a record runs over {@link MAX_RECORD_CHARS}: reading stops there. `quoted`: it was inside a quoted field. */
  tooLong: { readonly line: number; readonly quoted: boolean } | undefined;

  /** `firstLine`: the line of the file the text starts on, when it is a slice of a larger file. */
  constructor(separator?: Separator, firstLine = 1) {
    this.separator = separator;
    this.line = firstLine;
  }

  get detectedSeparator(): Separator | undefined {
    return this.separator;
  }

  /** Adds text; returns the records completed so far. */
  push(text: string): CsvRecord[] {
    if (this.stopped) return [];
    if (this.separator === undefined) this.detect(text, false);
    else this.read(text);
    return this.out.splice(0);
  }

  /** Ends the input; returns the last records. */
  end(): CsvRecord[] {
    if (this.stopped) return this.out.splice(0);
    if (this.separator === undefined) this.detect('', true);
    this.finishRecord();
    return this.out.splice(0);
  }

  /**
   * Holds text until the first line break that ends a non-blank line, then
   * decides the separator from the separators of that line. Blank lines
   * before a header (nothing but spaces, tabs and separators: what a
   * spreadsheet writes for an empty row) say nothing about it.
   */
  private detect(text: string, final: boolean): void {
    let from = 0;
    for (let k = 0; k < text.length; k++) {
      const c = text.charCodeAt(k);
      if (c === 10) {
        if (!this.lineIsBlank) {
          this.counter.add(text, from, k);
          return this.decide(text);
        }
        this.counter = new SeparatorCounter();
        this.heldNewlines++;
        from = k + 1;
      } else if (this.lineIsBlank && c !== 32 && c !== 9 && c !== 13 && c !== 59 && c !== 44) {
        this.lineIsBlank = false;
      }
    }
    this.counter.add(text, from, text.length);
    this.held.push(text);
    this.heldLength += text.length;
    if (final) return this.decide('');
    if (this.heldLength > MAX_RECORD_CHARS) {
      this.tooLong = { line: this.line + this.heldNewlines, quoted: false };
      this.stop();
    }
  }

  private decide(text: string): void {
    this.separator = this.counter.separator();
    const held = this.held.join('');
    this.held = [];
    this.heldLength = 0;
    this.read(held);
    if (!this.stopped) this.read(text);
  }

  private stop(): void {
    this.stopped = true;
    this.held = [];
    this.fields = [];
    this.field = '';
    this.tail = '';
    this.inRecord = false;
  }

  private read(t: string): void {
    const sep = this.separator!;
    const n = t.length;
    this.nextNewline = -1;
    this.nextSeparator = -1;
    let i = 0;
    while (i < n && !this.stopped) {
      if (!this.inRecord) {
        this.inRecord = true;
        this.recordLine = this.line;
        this.recordLength = 0;
        this.fields = [];
        this.field = '';
        this.mode = Mode.FieldStart;
      }
      switch (this.mode) {
        case Mode.FieldStart:
          if (t.charCodeAt(i) === 34) {
            this.mode = Mode.Quoted;
            this.recordLength++;
            i++;
            break;
          }
          this.mode = Mode.Unquoted;
        // falls through
        case Mode.Unquoted:
        case Mode.AfterQuote: {
          const stop = this.delimiter(t, i, sep);
          const piece = t.slice(i, stop < 0 ? n : stop);
          if (this.mode === Mode.Unquoted) this.field += piece;
          else this.tail += piece;
          this.recordLength += piece.length + (stop < 0 ? 0 : 1);
          if (stop < 0) {
            i = n;
            break;
          }
          this.endField();
          i = stop + 1;
          if (t.charCodeAt(stop) === 10) {
            this.line++;
            this.endRecord();
          }
          break;
        }
        case Mode.Quoted: {
          const q = t.indexOf('"', i);
          const stop = q < 0 ? n : q;
          this.field += t.slice(i, stop);
          this.line += countNewlines(t, i, stop);
          this.recordLength += stop - i + (q < 0 ? 0 : 1);
          if (q < 0) i = n;
          else {
            this.mode = Mode.QuoteInQuoted;
            i = q + 1;
          }
          break;
        }
        case Mode.QuoteInQuoted:
          if (t.charCodeAt(i) === 34) {
            this.field += '"';
            this.mode = Mode.Quoted;
            this.recordLength++;
            i++;
          } else {
            this.mode = Mode.AfterQuote;
            this.tail = '';
          }
          break;
      }
      if (this.inRecord && this.recordLength > MAX_RECORD_CHARS) this.refuseTooLong();
    }
  }

  private refuseTooLong(): void {
    this.tooLong = { line: this.recordLine, quoted: this.mode === Mode.Quoted || this.mode === Mode.QuoteInQuoted };
    this.stop();
  }

  /** The next separator or line break from `from` (-1: none in this text). */
  private delimiter(t: string, from: number, sep: Separator): number {
    if (this.nextNewline < from) {
      const k = t.indexOf('\n', from);
      this.nextNewline = k < 0 ? NONE : k;
    }
    if (this.nextSeparator < from) {
      const k = t.indexOf(sep, from);
      this.nextSeparator = k < 0 ? NONE : k;
    }
    const d = Math.min(this.nextNewline, this.nextSeparator);
    return d === NONE ? -1 : d;
  }

  /** Ends the current field: an unquoted field, or the part after a closing quote, loses one trailing CR (of a CRLF). */
  private endField(): void {
    if (this.mode === Mode.Unquoted) this.fields.push(stripCr(this.field));
    else if (this.mode === Mode.AfterQuote) this.fields.push(this.field + stripCr(this.tail));
    else this.fields.push(this.field);
    this.field = '';
    this.tail = '';
    this.mode = Mode.FieldStart;
  }

  private endRecord(): void {
    if (this.recordLength > MAX_RECORD_CHARS) return this.refuseTooLong();
    this.inRecord = false;
    const fields = this.fields;
    this.fields = [];
    // A line with nothing on it is no record (a spreadsheet's `;;;` line is one: the table layer skips it).
    if (!(fields.length === 1 && fields[0]!.trim() === '')) this.out.push({ line: this.recordLine, fields });
  }

  /** At the end of the input: the record being read, if any, is complete. */
  private finishRecord(): void {
    if (!this.inRecord) return;
    if (this.mode === Mode.Quoted) this.unterminatedQuoteLine = this.recordLine;
    this.endField();
    this.endRecord();
  }
}

function stripCr(s: string): string {
  return s.charCodeAt(s.length - 1) === 13 ? s.slice(0, -1) : s;
}

/** Line breaks in s[from, to): a loop bounded by `to` (an `indexOf` could run on to a far line break, once per quoted field). */
function countNewlines(s: string, from: number, to: number): number {
  let c = 0;
  for (let k = from; k < to; k++) if (s.charCodeAt(k) === 10) c++;
  return c;
}

/** No more of that character in the rest of the text. */
const NONE = Number.MAX_SAFE_INTEGER;

/** The problems a reader met that are not a cell's: an open quote at the end, a line too long to be a table's. */
export function readerProblems(reader: {
  readonly unterminatedQuoteLine?: number | undefined;
  readonly tooLong?: { readonly line: number; readonly quoted: boolean } | undefined;
}): InputProblem[] {
  const problems: InputProblem[] = [];
  if (reader.tooLong) problems.push(tooLongProblem(reader.tooLong.line, reader.tooLong.quoted));
  if (reader.unterminatedQuoteLine !== undefined) {
    problems.push({ line: reader.unterminatedQuoteLine, message: 'a quoted field is never closed (missing ")' });
  }
  return problems;
}

/** A record over the limit: a quote left open swallows the rest of the file; anything else is not a table. */
export function tooLongProblem(line: number, quoted: boolean): InputProblem {
  const limit = `${MAX_RECORD_CHARS.toLocaleString('en').replace(/,/g, ' ')} characters`;
  return quoted
    ? { line, message: `a quoted field opened on this line runs over ${limit}: a closing quote (") is missing?` }
    : { line, message: `a line of more than ${limit}: not a CSV table` };
}

/** Reads a whole text at once. */
export function readCsvRecords(
  text: string,
  separator?: Separator,
): { records: CsvRecord[]; separator: Separator; unterminatedQuoteLine?: number; tooLong?: { line: number; quoted: boolean } } {
  const reader = new CsvRecordReader(separator);
  const records = [...reader.push(text), ...reader.end()];
  return {
    records,
    separator: reader.detectedSeparator ?? ',',
    ...(reader.unterminatedQuoteLine !== undefined ? { unterminatedQuoteLine: reader.unterminatedQuoteLine } : {}),
    ...(reader.tooLong ? { tooLong: reader.tooLong } : {}),
  };
}

/**
 * Where a stream of CSV bytes can be cut between records, found as the
 * bytes come: each byte is looked at once, however the stream is chunked.
 * Scans bytes only (a quote and a line feed are single bytes in UTF-8 and
 * Windows-1252): the text is decoded where the records are read, in a
 * worker thread for large files.
 */
export class BoundaryScanner {
  private quoted = false;
  private lines = 0;
  /** Bytes scanned since the last cut taken. */
  private scanned = 0;
  private cut = 0;
  private linesAtCut = 0;

  /** Scans `bytes`, the bytes held since the last cut taken (those already scanned are skipped). */
  scan(bytes: Uint8Array): void {
    for (let i = this.scanned; i < bytes.length; i++) {
      const b = bytes[i]!;
      if (b === 34) this.quoted = !this.quoted;
      else if (b === 10) {
        this.lines++;
        if (!this.quoted) {
          this.cut = i + 1;
          this.linesAtCut = this.lines;
        }
      }
    }
    this.scanned = bytes.length;
  }

  /** The last cut found (0: none) and the line breaks before it, quoted ones included. */
  get boundary(): { cut: number; linesBefore: number } {
    return { cut: this.cut, linesBefore: this.linesAtCut };
  }

  /** Bytes held past the last cut: the length of the record being read. */
  get pending(): number {
    return this.scanned - this.cut;
  }

  /** True when the bytes scanned end inside a quoted field. */
  get inQuotes(): boolean {
    return this.quoted;
  }

  /** The cut is taken: what follows it becomes the start of the held bytes. */
  take(): void {
    this.scanned -= this.cut;
    this.lines -= this.linesAtCut;
    this.cut = 0;
    this.linesAtCut = 0;
  }
}

/**
 * Where a slice of CSV bytes can be cut between records: just after the last
 * line break outside quotes (the slice starting outside quotes). Returns the
 * cut (0 when there is none) and the number of line breaks before it, quoted
 * ones included, so that the next slice knows its first line.
 */
export function recordBoundary(bytes: Uint8Array): { cut: number; linesBefore: number } {
  const scanner = new BoundaryScanner();
  scanner.scan(bytes);
  return scanner.boundary;
}
