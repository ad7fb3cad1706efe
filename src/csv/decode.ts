/**
 * Turns the bytes of a file into text. Files come from spreadsheets:
 * UTF-8 with or without a byte-order mark, or Windows-1252 (the French
 * Excel default). Bytes that are not valid UTF-8 are read as Windows-1252.
 */
export type TextEncodingName = 'utf-8' | 'windows-1252';

const BOM = [0xef, 0xbb, 0xbf];

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2];
}

/** Guesses the encoding from a leading sample (a cut multi-byte character at the end is allowed). */
export function detectEncoding(sample: Uint8Array): TextEncodingName {
  if (hasUtf8Bom(sample)) return 'utf-8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/**
 * The characters of bytes 0x80–0x9F in Windows-1252 (€, ‚, ƒ, „, …, Œ, ’, œ…);
 * the other bytes are the Latin-1 characters of the same code. Decoded by
 * hand: Node 20's TextDecoder reads "windows-1252" as plain Latin-1, which
 * turns € into a control character.
 */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes: number[] = [];
    const end = Math.min(bytes.length, start + CHUNK);
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      codes.push(b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b);
    }
    out += String.fromCharCode(...codes);
  }
  return out;
}

export function decodeBytes(bytes: Uint8Array): string {
  if (detectEncoding(bytes) === 'windows-1252') return decodeWindows1252(bytes);
  return new TextDecoder('utf-8').decode(hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes);
}

/** Decodes a slice of a file whose encoding is known (a slice cut at a line break never splits a character). */
export function decodeAs(bytes: Uint8Array, encoding: TextEncodingName): string {
  return encoding === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}
