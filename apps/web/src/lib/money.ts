const THOUSANDS_WITH_DOTS = /^\d{1,3}(\.\d{3})+$/;

/**
 * Reads an amount typed by a person, the Brazilian way first: `1.500,50`, `1500,5`, `R$ 1.500`, and also `1500.50`.
 * Returns null when the text is not an amount with at most 2 decimals.
 */
export function parseMoneyInput(text: string): number | null {
  let value = text.replace(/R\$|\s|\u00a0/gi, '');
  if (value === '') return null;
  const negative = value.startsWith('-');
  if (negative) value = value.slice(1);
  if (value.includes(',')) {
    // Comma as decimal separator: dots can only be thousands separators.
    const [integer = '', decimals, extra] = value.split(',');
    if (extra !== undefined || !/^\d{0,2}$/.test(decimals ?? '')) return null;
    if (integer.includes('.') && !THOUSANDS_WITH_DOTS.test(integer)) return null;
    value = `${integer.replace(/\./g, '') || '0'}.${decimals || '0'}`;
  } else if (THOUSANDS_WITH_DOTS.test(value)) {
    value = value.replace(/\./g, '');
  } else if (!/^\d+(\.\d{1,2})?$/.test(value)) {
    return null;
  }
  if (!/^\d+(\.\d{1,2})?$/.test(value)) return null;
  const amount = Number(value);
  return Number.isFinite(amount) ? (negative ? -amount : amount) : null;
}

/** An amount as the text of an editable field: `1500.5` -> `1500,50` (pt-BR) or `1500.50`. */
export function moneyInputValue(value: number | null | undefined, locale = 'pt-BR'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  const text = value.toFixed(2);
  return locale.startsWith('pt') ? text.replace('.', ',') : text;
}
