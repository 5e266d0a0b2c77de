/**
 * A word as lookup tables key it: trimmed, lower case, German umlauts as ae/oe/ue, other accents
 * dropped ("Fällig" → "faellig", "Payée" → "payee"). Shared by the ledger's value readers and the
 * linker's country names.
 */
export function lookupKey(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}
