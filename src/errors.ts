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

export function formatProblem(p: InputProblem): string {
  let where = p.file ?? '';
  if (p.line !== undefined) where += `${where ? ':' : 'line '}${p.line}`;
  if (p.column !== undefined) where += `:${p.column}`;
  if (p.columnName !== undefined) where += ` (${p.columnName})`;
  return where ? `${where}: ${p.message}` : p.message;
}

export function withFile(problems: readonly InputProblem[], file: string): InputProblem[] {
  return problems.map((p) => (p.file === undefined ? { ...p, file } : p));
}
