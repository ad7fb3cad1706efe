/**
 * A small RFC 4180 reader that keeps what fast-csv does not give us: the
 * line on which each record starts, so that every problem can be located.
 * It is incremental (push text chunks, take records) so that a portfolio
 * of a million lines streams in bounded memory.
 */
export type Separator = ',' | ';' | '\t';

export interface CsvRecord {
  /** 1-based line of the file on which the record starts. */
  readonly line: number;
  readonly fields: string[];
}

/** The separator a header line uses: `;` when present (French spreadsheets), then tab, then `,`. */
export function detectSeparator(headerLine: string): Separator {
  let inQuotes = false;
  const counts = { ';': 0, '\t': 0, ',': 0 };
  for (const ch of headerLine) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === ';' || ch === '\t' || ch === ',')) counts[ch]++;
  }
  if (counts[';'] > 0) return ';';
  if (counts['\t'] > 0) return '\t';
  return ',';
}

export class CsvRecordReader {
  private separator: Separator | undefined;
  private buffer = '';
  private line = 1;
  private readonly out: CsvRecord[] = [];
  /** Set when a quoted field is still open at the end of the input. */
  unterminatedQuoteLine: number | undefined;

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
    this.buffer += text;
    this.scan(false);
    return this.out.splice(0);
  }

  /** Ends the input; returns the last records. */
  end(): CsvRecord[] {
    this.scan(true);
    return this.out.splice(0);
  }

  private scan(final: boolean): void {
    const buf = this.buffer;
    if (this.separator === undefined) {
      const nl = buf.indexOf('\n');
      if (nl < 0 && !final) return;
      this.separator = detectSeparator(nl < 0 ? buf : buf.slice(0, nl));
    }
    const sep = this.separator;
    let pos = 0;
    const n = buf.length;
    while (pos < n) {
      // Parse one record starting at pos; stop if it is incomplete and more text may come.
      const startLine = this.line;
      let linesInRecord = 0;
      const fields: string[] = [];
      let i = pos;
      let complete = false;
      for (;;) {
        if (i >= n) {
          if (final) {
            complete = true;
          }
          break;
        }
        if (buf.charCodeAt(i) === 34 /* " */) {
          let value = '';
          let j = i + 1;
          let closed = false;
          while (j < n) {
            const q = buf.indexOf('"', j);
            if (q < 0) break;
            value += buf.slice(j, q);
            if (q + 1 < n && buf.charCodeAt(q + 1) === 34) {
              value += '"';
              j = q + 2;
              continue;
            }
            if (q + 1 >= n && !final) break;
            j = q + 1;
            closed = true;
            break;
          }
          if (!closed) {
            if (!final) break;
            this.unterminatedQuoteLine = startLine;
            value += buf.slice(j);
            fields.push(value);
            linesInRecord += countNewlines(buf, i, n);
            i = n;
            complete = true;
            break;
          }
          linesInRecord += countNewlines(value, 0, value.length);
          // Anything between the closing quote and the separator is kept as written.
          const end = nextDelimiter(buf, j, sep);
          if (end < 0 && !final) break;
          const stop = end < 0 ? n : end;
          value += buf.slice(j, stop).replace(/\r$/, '');
          fields.push(value);
          i = stop;
        } else {
          const end = nextDelimiter(buf, i, sep);
          if (end < 0 && !final) break;
          const stop = end < 0 ? n : end;
          fields.push(buf.slice(i, stop).replace(/\r$/, ''));
          i = stop;
        }
        if (i >= n) {
          complete = true;
          break;
        }
        if (buf[i] === '\n') {
          i++;
          linesInRecord++;
          complete = true;
          break;
        }
        i++; // separator
        if (i >= n) {
          if (!final) break;
          fields.push('');
          complete = true;
          break;
        }
      }
      if (!complete) break;
      pos = i;
      this.line = startLine + linesInRecord;
      if (!(fields.length === 1 && fields[0]!.trim() === '')) this.out.push({ line: startLine, fields });
    }
    this.buffer = buf.slice(pos);
  }
}

function nextDelimiter(buf: string, from: number, sep: string): number {
  const s = buf.indexOf(sep, from);
  const nl = buf.indexOf('\n', from);
  if (s < 0) return nl;
  if (nl < 0) return s;
  return Math.min(s, nl);
}

function countNewlines(s: string, from: number, to: number): number {
  let c = 0;
  for (let k = from; k < to; k++) if (s.charCodeAt(k) === 10) c++;
  return c;
}

/** Reads a whole text at once. */
export function readCsvRecords(text: string, separator?: Separator): { records: CsvRecord[]; separator: Separator; unterminatedQuoteLine?: number } {
  const reader = new CsvRecordReader(separator);
  const records = [...reader.push(text), ...reader.end()];
  return {
    records,
    separator: reader.detectedSeparator ?? ',',
    ...(reader.unterminatedQuoteLine !== undefined ? { unterminatedQuoteLine: reader.unterminatedQuoteLine } : {}),
  };
}

/**
 * Where a slice of CSV bytes can be cut between records: just after the last
 * line break outside quotes (the slice starting outside quotes). Returns the
 * cut (0 when there is none) and the number of line breaks before it, quoted
 * ones included, so that the next slice knows its first line. Scans bytes
 * only: the text is decoded where the records are read, in a worker thread
 * for large files.
 */
export function recordBoundary(bytes: Uint8Array): { cut: number; linesBefore: number } {
  let quoted = false;
  let cut = 0;
  let lines = 0;
  let linesAtCut = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 34) quoted = !quoted;
    else if (b === 10) {
      lines++;
      if (!quoted) {
        cut = i + 1;
        linesAtCut = lines;
      }
    }
  }
  return { cut, linesBefore: linesAtCut };
}
