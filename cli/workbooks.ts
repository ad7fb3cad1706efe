import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { InputError, type InputProblem, quoted, setFileLocator, type Locator } from '../src/errors.js';
import { sheetCsv, sheetLocator, sheetRecords } from '../src/xlsx/sheet-table.js';
import { ENCRYPTED_OR_XLS, isCompoundFile, isZip, openWorkbook } from '../src/xlsx/workbook.js';
import { type CliIo, readTextFile, resolvePath } from './io.js';

/**
 * xlsx inputs. Every reader of the CLI reads CSV text (cli/input.ts, the
 * sliced reader of `finloc amortize`, the readers of rate files and of
 * `item,amount` files): a workbook's sheet is turned into that text
 * (src/xlsx/sheet-table.ts), line n being row n of the sheet, and its
 * problems are located by cell (`loans.xlsx:Feuil1!C7`) through the
 * locator set for its name (src/errors.ts).
 *
 * exceljs reads a workbook asynchronously, and the readers of tables are
 * synchronous: the workbooks named on the command line are read before the
 * command runs ({@link preloadWorkbooks}, from cli/main.ts), and handed to
 * the readers when they ask for the file.
 */

/** A workbook's sheet, read: its table as CSV text and how its places are named; or why it cannot be read. */
type Loaded =
  | { readonly ok: true; readonly sheet: string; readonly text: string; readonly locator: Locator }
  | { readonly ok: false; readonly problems: readonly InputProblem[]; readonly locator?: Locator };

/** Cells that cannot be read, named at most; the others are counted. */
const MAX_CELL_PROBLEMS = 20;

/** The workbooks of the runs under way, by absolute path. */
const loaded = new Map<string, Loaded>();

/** Names under which a workbook's problems are located, to forget at the end of the run. */
const named = new Map<Loaded, Set<string>>();

/** A file read as a workbook: named .xlsx (any case), or starting as a zip archive does. */
export function isWorkbookName(path: string): boolean {
  return /\.xlsx$/i.test(path);
}

/** The first bytes of a file (fewer when it is shorter; none when it cannot be read: its reader will say why). */
function head(path: string, length = 8): Uint8Array {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const bytes = new Uint8Array(length);
    const n = readSync(fd, bytes, 0, length, 0);
    return bytes.subarray(0, n);
  } catch {
    return new Uint8Array(0);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** What a file is read as: a workbook, a compound file (an encrypted workbook or an .xls), or text. */
function kindOf(absolute: string, name: string): 'workbook' | 'compound' | 'text' {
  if (!isRegularFile(absolute)) return 'text';
  const first = head(absolute);
  if (isCompoundFile(first)) return 'compound';
  return isWorkbookName(name) || isZip(first) ? 'workbook' : 'text';
}

/**
 * Reads a workbook and the sheet of the run (`--sheet NAME`, else the
 * first visible one) as CSV text. Never throws: a workbook that cannot be
 * read is kept as its one-line reason, said when a reader asks for it.
 */
async function loadWorkbook(absolute: string, sheetName: string | undefined): Promise<Loaded> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(absolute);
  } catch (e) {
    return { ok: false, problems: [{ message: `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})` }] };
  }
  const opened = await openWorkbook(bytes);
  if (!opened.ok) return { ok: false, problems: [{ message: opened.reason }] };
  const { sheets } = opened.workbook;
  let sheet: string | undefined;
  if (sheetName !== undefined) {
    sheet = sheets.find((s) => s.name === sheetName)?.name ?? sheets.find((s) => s.name.toLowerCase() === sheetName.toLowerCase())?.name;
    if (sheet === undefined) {
      return { ok: false, problems: [{ message: `no sheet ${quoted(sheetName)} (--sheet); the workbook's sheets are ${sheets.map((s) => quoted(s.name)).join(', ')}` }] };
    }
  } else {
    sheet = (sheets.find((s) => s.visible) ?? sheets[0])!.name;
  }
  const { records, problems } = sheetRecords(opened.workbook.rows(sheet));
  const { text, rowOfLine } = sheetCsv(records);
  const locator = sheetLocator(sheet, rowOfLine);
  if (problems.length > 0) {
    // Cells that cannot be read (a formula without its result): refused, located by cell.
    const shown = problems.slice(0, MAX_CELL_PROBLEMS);
    if (problems.length > shown.length) shown.push({ message: `… and ${problems.length - shown.length} more such cells` });
    return { ok: false, problems: shown, locator };
  }
  return { ok: true, sheet, text, locator };
}

/**
 * Reads, before the command runs, every workbook among the values of its
 * arguments and options (a value naming an existing file that is a
 * workbook). Returns what ends the run's use of them.
 */
export async function preloadWorkbooks(io: CliIo, values: readonly string[], sheetName: string | undefined): Promise<{ count: number; release: () => void }> {
  const mine: [string, Loaded][] = [];
  for (const value of new Set(values)) {
    const absolute = resolvePath(io, value);
    if (mine.some(([a]) => a === absolute) || kindOf(absolute, value) !== 'workbook') continue;
    const entry = await loadWorkbook(absolute, sheetName);
    loaded.set(absolute, entry);
    mine.push([absolute, entry]);
  }
  return {
    count: mine.length,
    release: () => {
      for (const [absolute, entry] of mine) {
        if (loaded.get(absolute) === entry) loaded.delete(absolute);
        for (const name of named.get(entry) ?? []) setFileLocator(name, undefined);
        named.delete(entry);
      }
    },
  };
}

/** A workbook's sheet for a reader: its text, its problems located by cell from now on; or an InputError naming the file. */
function use(entry: Loaded, name: string): string {
  if (entry.locator !== undefined) {
    setFileLocator(name, entry.locator);
    const names = named.get(entry) ?? new Set<string>();
    names.add(name);
    named.set(entry, names);
  }
  if (!entry.ok) throw new InputError(entry.problems.map((p) => ({ ...p, file: name })));
  return entry.text;
}

/**
 * The text of an input table: a CSV file's (cli/io.ts, readTextFile), or a
 * workbook's sheet as CSV text. A compound file (a password-protected
 * workbook, an .xls) is refused in one line.
 */
export function readInputText(io: CliIo, path: string): string {
  const absolute = resolvePath(io, path);
  const entry = loaded.get(absolute);
  if (entry !== undefined) {
    io.inputs?.add(absolute);
    return use(entry, path);
  }
  const kind = kindOf(absolute, path);
  if (kind === 'compound') throw new InputError([{ file: path, message: ENCRYPTED_OR_XLS }]);
  if (kind === 'workbook') {
    // Only the files named on the command line are read ahead; a workbook met otherwise cannot be read synchronously.
    throw new InputError([{ file: path, message: 'a workbook read here must be named on the command line; export the sheet as CSV' }]);
  }
  return readTextFile(io, path);
}

/**
 * For `finloc amortize`'s sliced reader: the sheet's CSV text when the file
 * is a workbook (read ahead, or read now with its first sheet), `undefined`
 * for a text file. Throws an InputError for a workbook that cannot be read.
 */
export async function workbookTextFor(absolute: string, name: string): Promise<string | undefined> {
  let entry = loaded.get(absolute);
  if (entry === undefined) {
    const kind = kindOf(absolute, name);
    if (kind === 'compound') throw new InputError([{ file: name, message: ENCRYPTED_OR_XLS }]);
    if (kind === 'text') return undefined;
    entry = await loadWorkbook(absolute, undefined);
  }
  return use(entry, name);
}
