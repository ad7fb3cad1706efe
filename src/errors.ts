/**
 * One problem in a user's input, located so that a person can go and fix
 * it: file, line (1-based, as an editor shows it), column (1-based, with
 * its header name when known) and what was expected.
 */
export interface InputProblem {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly columnName?: string;
  readonly message: string;
}

/** Thrown by readers when the input has problems; carries every problem found, not only the first. */
export class InputError extends Error {
  readonly problems: readonly InputProblem[];
  constructor(problems: readonly InputProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'InputError';
    this.problems = problems;
  }
}

/**
 * Something a reader did with a user's input that the user should know of,
 * though the run goes on: a column ignored, a total line skipped. Located
 * like a problem, so that it is printed the same way.
 */
export interface InputNote {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly columnName?: string;
  readonly message: string;
}

/**
 * No problems, no notes: one frozen list that the hot path shares (most rows
 * and lines have none) instead of a new array each; readers only read it,
 * and a push would throw.
 */
export const NO_PROBLEMS: InputProblem[] = Object.freeze([]) as unknown as InputProblem[];
export const NO_NOTES: InputNote[] = Object.freeze([]) as unknown as InputNote[];

/**
 * Names a place of a file whose lines and columns are not a text file's:
 * for a workbook's sheet read as a table, line 7 column 3 is the cell
 * `Feuil1!C7` (src/xlsx/sheet-table.ts, `sheetLocator`).
 */
export type Locator = (line: number | undefined, column: number | undefined) => string;

/**
 * The locators of the files read as sheets, by the name problems carry.
 * Problems are plain data, located by line and column in many places (the
 * readers, the core's checks of the rows, the commands) and printed through
 * {@link formatProblem} alone: the reader of a workbook says here, once,
 * how its lines and columns are named, and every message names the cell.
 * The CLI (cli/workbooks.ts) sets a workbook's locator when a reader takes
 * the file, and forgets it at the end of the run.
 */
const locators = new Map<string, Locator>();

/** How the problems of `file` are located from now on (`undefined`: as a text file's, `file:line:column`). */
export function setFileLocator(file: string, locator: Locator | undefined): void {
  if (locator === undefined) locators.delete(file);
  else locators.set(file, locator);
}

/**
 * `file:line:column (column name): message`, each part only when known; for
 * a file read from a workbook, `file:Sheet!C7 (column name): message`. Also
 * formats an {@link InputNote}.
 */
export function formatProblem(p: InputProblem): string {
  let where = p.file ?? '';
  const locate = p.file === undefined ? undefined : locators.get(p.file);
  if (locate !== undefined) where += `:${locate(p.line, p.column)}`;
  else {
    if (p.line !== undefined) where += `${where ? ':' : 'line '}${p.line}`;
    if (p.column !== undefined) where += `:${p.column}`;
  }
  if (p.columnName !== undefined) where += ` (${excerpt(p.columnName)})`;
  return where ? `${where}: ${p.message}` : p.message;
}

export function withFile<T extends { readonly file?: string }>(problems: readonly T[], file: string): T[] {
  return problems.map((p) => (p.file === undefined ? { ...p, file } : p));
}

/** The most characters of a user's cell that a message quotes: a whole 50 MB cell on stderr helps nobody. */
export const MAX_QUOTED_CHARS = 80;

/** A cell's text for a message: trimmed, cut to {@link MAX_QUOTED_CHARS} characters with "…" when longer. */
export function excerpt(text: string): string {
  const s = text.trim();
  if (s.length <= MAX_QUOTED_CHARS) return s;
  let cut = MAX_QUOTED_CHARS - 1;
  if (/[\ud800-\udbff]/.test(s.charAt(cut - 1))) cut--; // never half of a surrogate pair
  return s.slice(0, cut).trimEnd() + '\u2026';
}

/** A cell quoted for a message: `"…"`, at most {@link MAX_QUOTED_CHARS} characters of it. */
export function quoted(text: string): string {
  return `"${excerpt(text)}"`;
}
