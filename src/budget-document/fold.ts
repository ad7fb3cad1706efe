/** A name without case, accents or extra spaces, so that « Comité des fêtes » and « COMITE DES FETES » are one beneficiary. */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
