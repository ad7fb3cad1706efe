import { normaliseToken } from '../csv/fields.js';

/**
 * The key two spellings of one name share: the acts write the same
 * association « La bourrée gannatoise » in one table and « LA BOURRÉE
 * GANNATOISE » in the next, and an envelope may be given as « Fonctionnement »
 * in the file and `fonctionnement` on the command line.
 */
export function nameKey(name: string): string {
  return normaliseToken(name);
}

/** Groups items by key, in the order keys are first met; each group keeps the first spelling met. */
export function groupInOrder<T>(items: readonly T[], keyOf: (item: T) => string, nameOf: (item: T) => string): { key: string; name: string; items: T[] }[] {
  const groups = new Map<string, { key: string; name: string; items: T[] }>();
  for (const item of items) {
    const key = keyOf(item);
    let g = groups.get(key);
    if (g === undefined) {
      g = { key, name: nameOf(item), items: [] };
      groups.set(key, g);
    }
    g.items.push(item);
  }
  return [...groups.values()];
}
