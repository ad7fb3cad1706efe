/**
 * Who a grant goes to, as the registers know it: a SIRET (« Système
 * d'identification du répertoire des établissements », 9 digits of SIREN
 * + 5 of NIC) or, for an association without one, its number in the
 * « Répertoire national des associations » (RNA: W and 9 digits).
 */
export type BeneficiaryId = { readonly kind: 'siret'; readonly value: string } | { readonly kind: 'rna'; readonly value: string };

const SIRET = /^\d{14}$/;
const RNA = /^W\d{9}$/;
/** La Poste's establishments share one SIREN and their SIRETs do not follow the Luhn key (INSEE rule). */
const LA_POSTE_SIREN = '356000000';

/**
 * Reads a beneficiary id; spaces and dots that group digits are ignored
 * ("123 456 789 00012"), a lower-case w is read as W. A 14-digit number
 * must also pass the SIRET check key, so that a mistyped digit is caught.
 */
export function parseBeneficiaryId(raw: string): { ok: true; id: BeneficiaryId } | { ok: false; expected: string } {
  const s = raw.replace(/[\s\u00a0\u202f.]/g, '').toUpperCase();
  if (RNA.test(s)) return { ok: true, id: { kind: 'rna', value: s } };
  if (SIRET.test(s)) {
    return siretKeyHolds(s)
      ? { ok: true, id: { kind: 'siret', value: s } }
      : { ok: false, expected: 'a SIRET whose check key holds (14 digits pass the Luhn check; a digit is probably mistyped)' };
  }
  return { ok: false, expected: 'a SIRET (14 digits) or an RNA number (W and 9 digits)' };
}

/**
 * The SIRET check key: the Luhn sum of the 14 digits is a multiple of 10;
 * for La Poste (SIREN 356 000 000) the plain sum of the digits is a
 * multiple of 5 instead.
 */
export function siretKeyHolds(siret: string): boolean {
  if (!SIRET.test(siret)) return false;
  if (siret.startsWith(LA_POSTE_SIREN)) {
    let total = 0;
    for (const c of siret) total += Number(c);
    return total % 5 === 0;
  }
  return luhnSum(siret) % 10 === 0;
}

/** Luhn sum: from the right, every second digit doubled (less 9 when over 9). */
export function luhnSum(digits: string): number {
  let total = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    total += d;
  }
  return total;
}
