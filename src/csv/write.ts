import type { Separator } from './records.js';

/** Quotes a field only when it must be (separator, quote, line break). */
export function csvField(value: string, separator: Separator): string {
  if (value.includes(separator) || value.includes('"') || value.includes('\n') || value.includes('\r')) {
    return '"' + value.replace(/"/g, '""') + '"';
  }
  return value;
}

export function csvLine(fields: readonly string[], separator: Separator): string {
  return fields.map((f) => csvField(f, separator)).join(separator) + '\n';
}

export function csvDocument(header: readonly string[], rows: readonly (readonly string[])[], separator: Separator): string {
  let out = csvLine(header, separator);
  for (const r of rows) out += csvLine(r, separator);
  return out;
}
