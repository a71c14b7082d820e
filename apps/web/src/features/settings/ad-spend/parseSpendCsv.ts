import type { ErrorDetail } from '@whatrack/api-client';

export interface SpendPreviewRow {
  /** Data row number, from 1 without the header (the numbering of the API errors). */
  number: number;
  date: string;
  platform: string;
  campaign: string;
  spend: string;
}

export interface SpendPreview {
  rows: SpendPreviewRow[];
  /** Required columns missing from the header. */
  missing: string[];
}

const COLUMNS = ['date', 'platform', 'campaign', 'spend'] as const;

function splitLine(line: string, separator: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === separator) {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells.map((value) => value.trim());
}

/** Reads the CSV the way the API does (header in any order; comma, semicolon or tab), for a preview only. */
export function parseSpendCsv(text: string): SpendPreview {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  const headerLine = lines[0] ?? '';
  const separator = ['\t', ';', ','].reduce((best, candidate) =>
    headerLine.split(candidate).length > headerLine.split(best).length ? candidate : best,
  );
  const header = splitLine(headerLine, separator).map((name) => name.toLowerCase());
  const index = Object.fromEntries(COLUMNS.map((column) => [column, header.indexOf(column)])) as Record<
    (typeof COLUMNS)[number],
    number
  >;
  const missing = COLUMNS.filter((column) => index[column] < 0);
  const rows = lines.slice(1).map((line, i) => {
    const cells = splitLine(line, separator);
    const cell = (column: (typeof COLUMNS)[number]) => (index[column] >= 0 ? (cells[index[column]] ?? '') : '');
    return {
      number: i + 1,
      date: cell('date'),
      platform: cell('platform'),
      campaign: cell('campaign'),
      spend: cell('spend'),
    };
  });
  return { rows, missing };
}

/** The API errors of an import by data row number (`rows[3].spend` and "row 4: …" are both row 4). */
export function errorsByRow(details: readonly ErrorDetail[]): Map<number, string[]> {
  const byRow = new Map<number, string[]>();
  for (const detail of details) {
    const fromField = detail.field ? /^rows\[(\d+)\]/.exec(detail.field) : null;
    const fromMessage = /\brow (\d+)\b/i.exec(detail.message);
    const number = fromField ? Number(fromField[1]) + 1 : fromMessage ? Number(fromMessage[1]) : null;
    if (number === null) continue;
    byRow.set(number, [...(byRow.get(number) ?? []), detail.message]);
  }
  return byRow;
}
