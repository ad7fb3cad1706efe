/**
 * Every text of a page goes through here: names of associations, guarantors
 * or invoices may hold `<`, `&`, `"` or `'` (« Les Amis <du> Malcourlet &
 * Cie »), and a page must show them, never read them as markup.
 */
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for an element's content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** A string of markup already escaped, so that it is not escaped twice. */
export interface Html {
  readonly html: string;
}

export const raw = (html: string): Html => ({ html });

/**
 * A template tag that escapes every interpolated value except {@link Html}
 * (and arrays of them, joined): `html\`<td>${name}</td>\``.
 */
export function html(strings: TemplateStringsArray, ...values: readonly (string | number | Html | readonly Html[] | undefined)[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += piece(v) + strings[i + 1]!;
  });
  return raw(out);
}

function piece(v: string | number | Html | readonly Html[] | undefined): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return escapeHtml(v);
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return (v as readonly Html[]).map((h) => h.html).join('');
  return (v as Html).html;
}

/** Joins pieces of markup. */
export function join(parts: readonly Html[], separator = ''): Html {
  return raw(parts.map((p) => p.html).join(separator));
}
