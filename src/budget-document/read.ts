import { SaxesParser } from 'saxes';
import { InputError, type InputProblem } from '../errors.js';
import { Decimal, ZERO } from '../money/decimal.js';
import type { Section } from '../budget/types.js';
import {
  type AnnexGrant,
  type AnnexLoan,
  type BudgetDocument,
  type BudgetLine,
  DOCBUDGETAIRE_NS,
  type DocumentIdentity,
  type DocumentKind,
} from './types.js';

/**
 * « NatDec » codes of the documents finloc reads (TotEM): 01 budget primitif,
 * 02 décision modificative, 03 budget supplémentaire, 09 compte administratif,
 * 10 compte financier unique.
 */
export const NAT_DEC: Readonly<Record<string, DocumentKind>> = { '01': 'BP', '02': 'DM', '03': 'BS', '09': 'CA', '10': 'CFU' };

/** An element's value (its `V` attribute) and the line it is on. */
interface Field {
  readonly v: string;
  readonly line: number;
}

/** A record: an element whose children each carry a `V` (a LigneBudget, an EMPRUNT…). */
interface RecordNode {
  readonly line: number;
  readonly fields: Map<string, Field>;
  readonly caracSup: Map<string, Field>;
}

/**
 * Decodes a document's bytes by its XML declaration: ISO-8859-1 (TotEM's
 * own files, read as Windows-1252 as the WHATWG standard does) or UTF-8
 * (with or without BOM). A UTF-8 file with an invalid byte is refused with
 * the line of that byte.
 */
export function decodeDocument(bytes: Uint8Array): { text: string; encoding: 'ISO-8859-1' | 'UTF-8' } | InputProblem {
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { message: 'UTF-16 is not read: expected a DocumentBudgetaire in ISO-8859-1 or UTF-8' };
  }
  const head = String.fromCharCode(...bytes.subarray(start, Math.min(bytes.length, start + 200)));
  const declared = /^<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/.exec(head)?.[1]?.toUpperCase();
  if (declared !== undefined && /^(ISO-8859-1|ISO8859-1|LATIN1|ISO-8859-15|WINDOWS-1252|CP1252)$/.test(declared)) {
    // As the WHATWG Encoding standard (and every browser) reads « ISO-8859-1 »: Windows-1252, its superset on 0x80–0x9F
    // (C1 control characters in ISO-8859-1, never in a budget document; a € typed on Windows reads as €).
    const text = new TextDecoder('windows-1252').decode(bytes.subarray(start));
    return { text, encoding: 'ISO-8859-1' };
  }
  if (declared !== undefined && declared !== 'UTF-8' && declared !== 'UTF8') {
    return { line: 1, message: `encoding "${declared}" is not read: expected ISO-8859-1 or UTF-8` };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start)), encoding: 'UTF-8' };
  } catch {
    let line = 1;
    const bad = firstInvalidUtf8(bytes, start);
    for (let i = start; i < bad; i++) if (bytes[i] === 0x0a) line++;
    return { line, message: 'invalid UTF-8 byte: the XML declaration says UTF-8 (or nothing), the file is not (declare encoding="ISO-8859-1" if it is Latin-1)' };
  }
}

/** The offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array, start: number): number {
  let i = start;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= bytes.length || (bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return i;
}

const AMOUNT = /^-?\d{1,15}(\.\d{1,2})?$/;

/** An amount as TotEM writes it: a point, at most two decimals. */
function amountOf(field: Field | undefined, element: string, problems: InputProblem[]): Decimal {
  if (field === undefined || field.v === '') return ZERO;
  if (!AMOUNT.test(field.v)) {
    problems.push({ line: field.line, message: `<${element} V="${field.v.slice(0, 80)}">: expected an amount in euros and cents (digits, a point, at most two decimals)` });
    return ZERO;
  }
  return new Decimal(field.v);
}

const PATHS = {
  header: ['DocumentBudgetaire', 'EnTeteDocBudgetaire'],
  budgetHeader: ['DocumentBudgetaire', 'Budget', 'EnTeteBudget'],
  block: ['DocumentBudgetaire', 'Budget', 'BlocBudget'],
} as const;

const RECORDS = new Set(['LigneBudget', 'EMPRUNT', 'CONCOURS']);

/**
 * Reads a DocumentBudgetaire (TotEM / Actes budgétaires): its identity,
 * every budget line, the debt annex and the subsidies annex. Anything else
 * than a well-formed DocumentBudgetaire in its namespace, with its header,
 * `Exer`, `NatDec`, and on each line `Nature` and `CodRD` (D or R), is an
 * InputError naming each element and its line.
 */
export function readBudgetDocument(bytes: Uint8Array | string): BudgetDocument {
  let text: string;
  let encoding: BudgetDocument['encoding'];
  if (typeof bytes === 'string') {
    text = bytes;
    encoding = 'UTF-8';
  } else {
    const decoded = decodeDocument(bytes);
    if (!('text' in decoded)) throw new InputError([decoded]);
    ({ text, encoding } = decoded);
  }
  const problems: InputProblem[] = [];
  const parser = new SaxesParser({ position: true });
  const stack: string[] = [];
  const singles = { header: new Map<string, Field>(), budgetHeader: new Map<string, Field>(), block: new Map<string, Field>() };
  const records: { kind: string; node: RecordNode }[] = [];
  let current: RecordNode | undefined;
  const parentLines = new Map<string, number>();
  let rootSeen = false;
  let grantAnnex = false;
  let syntax: InputProblem | undefined;
  const under = (path: readonly string[]) => stack.length === path.length + 1 && path.every((p, i) => stack[i] === p);

  parser.on('error', (e) => {
    syntax ??= { line: parser.line, message: `not well-formed XML: ${e.message.replace(/^\d+:\d+:\s*/, '')}` };
    throw e;
  });
  parser.on('opentag', (node) => {
    const name = node.name;
    const attributes = node.attributes as Record<string, string>;
    if (!rootSeen) {
      rootSeen = true;
      if (name !== 'DocumentBudgetaire') {
        throw new InputError([{ line: parser.line, message: `root element <${name}>: expected <DocumentBudgetaire> (a TotEM / Actes budgétaires budget document)` }]);
      }
      if (attributes['xmlns'] !== DOCBUDGETAIRE_NS) {
        throw new InputError([{ line: parser.line, message: `<DocumentBudgetaire> in namespace "${attributes['xmlns'] ?? ''}": expected xmlns="${DOCBUDGETAIRE_NS}"` }]);
      }
    }
    stack.push(name);
    if (stack.length <= 3 && !parentLines.has(name)) parentLines.set(name, parser.line);
    if (name === 'DATA_CONCOURS') grantAnnex = true;
    if (RECORDS.has(name) && current === undefined) {
      current = { line: parser.line, fields: new Map(), caracSup: new Map() };
      records.push({ kind: name, node: current });
      return;
    }
    const value = attributes['V'];
    if (current !== undefined && stack.length >= 2 && RECORDS.has(stack[stack.length - 2]!)) {
      if (name === 'CaracSup') {
        const code = attributes['Code'];
        if (code !== undefined && value !== undefined) current.caracSup.set(code, { v: value, line: parser.line });
      } else if (value !== undefined) current.fields.set(name, { v: value, line: parser.line });
      return;
    }
    if (value === undefined) return;
    for (const key of ['header', 'budgetHeader', 'block'] as const) {
      if (under(PATHS[key])) singles[key].set(name, { v: value, line: parser.line });
    }
  });
  parser.on('closetag', (node) => {
    stack.pop();
    if (current !== undefined && RECORDS.has(node.name) && !stack.some((s) => RECORDS.has(s))) current = undefined;
  });
  try {
    parser.write(text).close();
  } catch (e) {
    if (e instanceof InputError) throw e;
    if (syntax === undefined) throw e;
    throw new InputError([syntax]);
  }
  if (!rootSeen) throw new InputError([{ line: 1, message: 'no element: expected <DocumentBudgetaire>' }]);

  const identity = readIdentity(singles, parentLines, problems);
  const lines: BudgetLine[] = [];
  const loans: AnnexLoan[] = [];
  const grants: AnnexGrant[] = [];
  for (const { kind, node } of records) {
    if (kind === 'LigneBudget') {
      const line = readLine(node, problems);
      if (line) lines.push(line);
    } else if (kind === 'EMPRUNT') loans.push(readLoan(node, problems));
    else grants.push(readGrant(node, problems));
  }
  if (problems.length > 0) throw new InputError(problems);
  return { identity: identity!, lines, loans, grants, hasGrantAnnex: grantAnnex, encoding };
}

function readIdentity(
  s: { header: Map<string, Field>; budgetHeader: Map<string, Field>; block: Map<string, Field> },
  parentLines: ReadonlyMap<string, number>,
  problems: InputProblem[],
): DocumentIdentity | undefined {
  /** A missing element is located at its parent's opening line, or at the root's when the parent is missing too. */
  const need = (m: Map<string, Field>, name: string, parent: string): Field | undefined => {
    const f = m.get(name);
    if (f === undefined || f.v.trim() === '') {
      const line = parentLines.get(parent);
      problems.push(
        line !== undefined
          ? { line, message: `<${parent}> without <${name} V="…"/>` }
          : { line: parentLines.get(parent === 'EnTeteDocBudgetaire' ? 'DocumentBudgetaire' : 'Budget') ?? parentLines.get('DocumentBudgetaire') ?? 1, message: `missing <${parent}> (with its <${name} V="…"/>)` },
      );
    }
    return f;
  };
  const siret = need(s.budgetHeader, 'IdEtab', 'EnTeteBudget');
  const nomenclature = need(s.budgetHeader, 'Nomenclature', 'EnTeteBudget');
  const exer = need(s.block, 'Exer', 'BlocBudget');
  const natDec = need(s.block, 'NatDec', 'BlocBudget');
  if (exer !== undefined && !/^\d{4}$/.test(exer.v)) problems.push({ line: exer.line, message: `<Exer V="${exer.v.slice(0, 80)}">: expected a year (four digits)` });
  if (natDec !== undefined && NAT_DEC[natDec.v] === undefined) {
    problems.push({ line: natDec.line, message: `<NatDec V="${natDec.v.slice(0, 80)}">: expected 01 (BP), 02 (DM), 03 (BS), 09 (CA) or 10 (CFU)` });
  }
  if (siret === undefined || nomenclature === undefined || exer === undefined || natDec === undefined || problems.length > 0) return undefined;
  const [norm, ...rest] = nomenclature.v.split('-');
  const budgetCode = s.budgetHeader.get('CodBud')?.v;
  return {
    authority: s.header.get('LibelleColl')?.v ?? '',
    siret: siret.v,
    budget: s.budgetHeader.get('LibelleEtab')?.v ?? '',
    ...(budgetCode !== undefined ? { budgetCode } : {}),
    nomenclature: nomenclature.v,
    norm: norm!,
    declination: rest.length > 0 ? rest.join('-') : norm!,
    year: Number(exer.v),
    natDec: natDec.v,
    kind: NAT_DEC[natDec.v]!,
  };
}

function readLine(node: RecordNode, problems: InputProblem[]): BudgetLine | undefined {
  const before = problems.length;
  const nature = node.fields.get('Nature');
  const codRD = node.fields.get('CodRD');
  if (nature === undefined || nature.v === '') problems.push({ line: node.line, message: '<LigneBudget> without <Nature V="…"/>: expected the account of the line' });
  if (codRD === undefined) problems.push({ line: node.line, message: '<LigneBudget> without <CodRD V="…"/>: expected D (expenditure) or R (receipt)' });
  else if (codRD.v !== 'D' && codRD.v !== 'R') problems.push({ line: codRD.line, message: `<CodRD V="${codRD.v.slice(0, 80)}">: expected D (expenditure) or R (receipt)` });
  const opBudg = node.fields.get('OpBudg');
  if (opBudg !== undefined && opBudg.v !== '0' && opBudg.v !== '1') problems.push({ line: opBudg.line, message: `<OpBudg V="${opBudg.v.slice(0, 80)}">: expected 0 (real) or 1 (order)` });
  const realised = amountOf(node.fields.get('MtReal'), 'MtReal', problems);
  const rar = amountOf(node.fields.get('MtRAR3112'), 'MtRAR3112', problems);
  const forecast = amountOf(node.fields.get('MtPrev'), 'MtPrev', problems);
  const section = node.caracSup.get('Section');
  let declaredSection: Section | undefined;
  if (section !== undefined) {
    if (section.v === 'I') declaredSection = 'investment';
    else if (section.v === 'F') declaredSection = 'operating';
    else problems.push({ line: section.line, message: `<CaracSup Code="Section" V="${section.v.slice(0, 80)}">: expected I (investment) or F (operating)` });
  }
  if (problems.length > before) return undefined;
  return {
    line: node.line,
    nature: nature!.v,
    ...(node.fields.get('Fonction') !== undefined ? { fonction: node.fields.get('Fonction')!.v } : {}),
    direction: codRD!.v as 'D' | 'R',
    order: opBudg?.v === '1',
    realised,
    rar,
    forecast,
    ...(declaredSection !== undefined ? { declaredSection } : {}),
  };
}

function rawFields(node: RecordNode): Record<string, string> {
  return Object.fromEntries([...node.fields].map(([k, f]) => [k, f.v]));
}

function readLoan(node: RecordNode, problems: InputProblem[]): AnnexLoan {
  const f = (name: string) => node.fields.get(name)?.v;
  const cashed = f('AnEncaisse');
  const original = node.fields.get('MtEmprOrig');
  return {
    line: node.line,
    type: f('CodTypEmpr') ?? '',
    ...(f('CodArticle') !== undefined ? { article: f('CodArticle')! } : {}),
    ...(f('NumContrat') !== undefined ? { contract: f('NumContrat')! } : {}),
    ...(f('LibOrgaPreteur') !== undefined ? { lender: f('LibOrgaPreteur')! } : {}),
    ...(cashed !== undefined && /^\d{4}$/.test(cashed) ? { yearCashed: Number(cashed) } : {}),
    ...(original !== undefined ? { originalAmount: amountOf(original, 'MtEmprOrig', problems) } : {}),
    capitalStart: amountOf(node.fields.get('MtCapitalRestDu_01_01'), 'MtCapitalRestDu_01_01', problems),
    capitalRepaid: amountOf(node.fields.get('MtCapitalExer'), 'MtCapitalExer', problems),
    capitalEnd: amountOf(node.fields.get('MtCapitalRestDu_31_12'), 'MtCapitalRestDu_31_12', problems),
    interest: amountOf(node.fields.get('MtIntExer'), 'MtIntExer', problems),
    fields: rawFields(node),
  };
}

function readGrant(node: RecordNode, problems: InputProblem[]): AnnexGrant {
  const f = (name: string) => node.fields.get(name)?.v;
  return {
    line: node.line,
    beneficiary: f('LibOrgaBenef') ?? '',
    ...(f('CodNatJurBenefCA') !== undefined ? { legalKind: f('CodNatJurBenefCA')! } : {}),
    ...(f('CodArticle') !== undefined ? { article: f('CodArticle')! } : {}),
    amount: amountOf(node.fields.get('MtSubv'), 'MtSubv', problems),
    fields: rawFields(node),
  };
}
