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

export function decodeBytes(bytes: Uint8Array): string {
  const encoding = detectEncoding(bytes);
  const body = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
  return new TextDecoder(encoding).decode(body);
}
