/**
 * A small reader of the pages finloc writes, for unit tests (the browser
 * tests read them through Chromium's DOM): the tables by their data-table
 * key, their header titles and their rows of cells, entities decoded.
 */

export interface HtmlCell {
  readonly cls: string;
  readonly text: string;
}

export interface HtmlTable {
  readonly head: string[];
  readonly rows: { readonly cls: string; readonly cells: HtmlCell[] }[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

export function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ENTITIES[e]!);
}

/** The visible text of a piece of markup: tags dropped (a header's rule reference too), entities decoded. */
export function textOf(markup: string, dropRuleRefs = true): string {
  const body = dropRuleRefs ? markup.replace(/<sup class="rule-ref"[^>]*>.*?<\/sup>/g, '') : markup;
  return decode(body.replace(/<[^>]+>/g, ''));
}

export function tablesOf(page: string): Map<string, HtmlTable> {
  const out = new Map<string, HtmlTable>();
  for (const m of page.matchAll(/<table data-table="([^"]*)"><thead><tr>(.*?)<\/tr><\/thead><tbody>(.*?)<\/tbody><\/table>/g)) {
    const head = [...m[2]!.matchAll(/<th[^>]*>(.*?)<\/th>/g)].map((h) => textOf(h[1]!));
    const rows = [...m[3]!.matchAll(/<tr(?: class="([^"]*)")?>(.*?)<\/tr>/g)].map((r) => ({
      cls: r[1] ?? '',
      cells: [...r[2]!.matchAll(/<td class="([^"]*)">(.*?)<\/td>/g)].map((c) => ({ cls: c[1]!, text: textOf(c[2]!) })),
    }));
    out.set(decode(m[1]!), { head, rows });
  }
  return out;
}

/** The texts of a row's cells, no-break spaces shown as plain spaces. */
export const cellsText = (row: { cells: HtmlCell[] }) => row.cells.map((c) => c.text.replace(/\u00a0/g, ' '));
