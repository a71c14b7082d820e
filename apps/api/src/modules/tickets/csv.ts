/** One CSV field (RFC 4180), with spreadsheet formula injection neutralized. */
export type CsvValue = string | number | boolean | Date | null | undefined;

/** What spreadsheets read as the start of a formula, including the full-width forms some of them accept. */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
/** A plain number, signed or not (a phone in E.164 such as +5511999998888): a spreadsheet reads it as a value. */
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: CsvValue[]): string {
  return values.map(csvField).join(',') + '\r\n';
}
