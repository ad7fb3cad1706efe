import { Decimal } from './decimal.js';

/**
 * Reads a number as French finance officers write it:
 * "569 627,00", "569627.00", "1 234,56 €", "2,3 %", "1.234,56", "-12,5", "−12,5".
 * Spaces (also no-break ones) group thousands; when both a point and a comma
 * appear, the last one is the decimal separator. Returns undefined when the
 * text is not a number.
 */
export function parseDecimal(text: string): Decimal | undefined {
  let s = text.trim().replace(/[\s\u00a0\u202f]/g, '').replace(/[€%]$/u, '').replace(/^[€]/u, '');
  s = s.replace(/^\u2212/, '-');
  if (s === '') return undefined;
  const lastComma = s.lastIndexOf(',');
  const lastPoint = s.lastIndexOf('.');
  if (lastComma >= 0 && lastPoint >= 0) {
    const decimalSep = lastComma > lastPoint ? ',' : '.';
    const groupSep = decimalSep === ',' ? '.' : ',';
    s = s.split(groupSep).join('');
    if (decimalSep === ',') s = s.replace(',', '.');
  } else if (lastComma >= 0) {
    if (s.indexOf(',') !== lastComma) return undefined;
    s = s.replace(',', '.');
  } else if (lastPoint >= 0 && s.indexOf('.') !== lastPoint) {
    // "1.234.567": points group thousands.
    if (!/^[+-]?\d{1,3}(\.\d{3})+$/.test(s)) return undefined;
    s = s.split('.').join('');
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(s)) return undefined;
  return new Decimal(s);
}
