import { isAscii } from 'node:buffer';
import { BAD_CONTROL_BYTES } from '../src/csv/decode.js';

/**
 * Whether every byte of a chunk is plain ASCII (`isPlainAscii` of
 * src/csv/decode.ts: printable ASCII, tab, CR, LF), told by Node's native
 * code: `isAscii` (simdutf), then one `indexOf` (memchr) for each of the
 * 29 control bytes a text may not hold. A 2 MB file in about 2 ms, where a
 * test in JavaScript took 6 (a loop over 32-bit words) to 13 (a regular
 * expression over the chunk's text, which must first be made). The encoding
 * scan of every CSV file read by slices runs it over the whole file before
 * the first line is amortised (docs/performance.md).
 *
 * @example allPlainAscii(new TextEncoder().encode('a;1,5\r\n')) // true
 * @example allPlainAscii(new TextEncoder().encode('prêt\n')) // false
 */
export function allPlainAscii(bytes: Uint8Array): boolean {
  if (!isAscii(bytes)) return false;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const control of BAD_CONTROL_BYTES) if (buffer.indexOf(control) >= 0) return false;
  return true;
}
