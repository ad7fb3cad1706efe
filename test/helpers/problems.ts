import type { InputError } from '../../src/errors.js';

/** The problems a reader throws, as `line:column message` (empty when it throws nothing). */
export function problemsOf(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    return (e as InputError).problems.map((p) => `${p.line ?? ''}:${p.column ?? ''} ${p.message}`);
  }
  return [];
}
