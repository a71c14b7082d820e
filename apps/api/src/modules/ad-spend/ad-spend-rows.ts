import type { ErrorDetail } from '../../common/errors/domain-errors';
import { InvalidInputError } from '../../common/errors/domain-errors';
import { findBadText } from '../../common/http/text-guards';
import { isCalendarDate } from '../../common/validation/calendar-date.decorator';
import { MAX_MONEY } from '../tickets/dto/create-ticket.dto';
import { CsvSyntaxError, parseCsv } from './csv-reader';
import { MAX_AD_SPEND_ROWS } from './dto/import-ad-spend.dto';

/** A validated row, ready for the upsert. */
export interface AdSpendInput {
  date: string;
  platformId: string;
  campaign: string;
  /** Decimal text with two places, so no float rounding reaches the numeric column. */
  spend: string;
}

export const AD_SPEND_COLUMNS = ['date', 'platform', 'campaign', 'spend'] as const;
const MAX_DETAILS = 100;

/** A CSV record that cannot be read as a row (reported with its row number like any other problem). */
export class MalformedRow {
  constructor(readonly reason: string) {}
}

function fail(details: ErrorDetail[]): never {
  const shown = details.slice(0, MAX_DETAILS);
  const more = details.length > 1 ? ` (and ${details.length - 1} more problem${details.length > 2 ? 's' : ''})` : '';
  throw new InvalidInputError(`${shown[0].message}${more}`, shown);
}

/** Ad spend is reported for days of this century. */
const SPEND_YEARS = { min: 2000, max: 2100 };

/** Spend as two-decimal text, or null when invalid. JSON gives numbers; CSV text, with a dot or comma decimal. */
function parseSpend(value: unknown, fromCsv: boolean): string | null {
  let text: string;
  if (typeof value === 'number' && !fromCsv) {
    if (!Number.isFinite(value) || value < 0) return null;
    text = String(value);
    if (/e/i.test(text)) return value === 0 ? '0.00' : null;
  } else if (typeof value === 'string' && fromCsv) {
    text = value.trim().replace(',', '.');
  } else {
    return null;
  }
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return null;
  return `${BigInt(match[1]).toString()}.${(match[2] ?? '').padEnd(2, '0')}`;
}

/**
 * Checks every row (JSON objects or CSV records mapped by the header) and throws one 400 listing each problem as
 * `rows[i].field` / "row i+1: …" (i counts data rows from 0; the CSV header is not a row). Nothing is partial.
 */
export function validateAdSpendRows(
  rows: unknown[],
  platformIds: ReadonlyMap<string, string>,
  fromCsv: boolean,
): AdSpendInput[] {
  if (rows.length === 0) fail([{ field: 'rows', message: 'rows must contain at least one row' }]);
  if (rows.length > MAX_AD_SPEND_ROWS) {
    fail([{ field: 'rows', message: `at most ${MAX_AD_SPEND_ROWS} rows can be imported at once` }]);
  }
  const platformList = [...platformIds.keys()].join(', ');
  const details: ErrorDetail[] = [];
  const valid: AdSpendInput[] = [];
  const seen = new Map<string, number>();
  rows.forEach((raw, index) => {
    const n = index + 1;
    const at = (field: string, message: string) =>
      details.push({ field: field ? `rows[${index}].${field}` : `rows[${index}]`, message: `row ${n}: ${message}` });
    if (raw instanceof MalformedRow) {
      at('', raw.reason);
      return;
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      at('', 'must be an object with date, platform, campaign and spend');
      return;
    }
    const row = raw as Record<string, unknown>;
    for (const key of Object.keys(row)) {
      if (!(AD_SPEND_COLUMNS as readonly string[]).includes(key)) at(key, `property ${key} should not exist`);
    }
    const before = details.length;
    const date = typeof row.date === 'string' ? row.date.trim() : '';
    if (!isCalendarDate(date, SPEND_YEARS)) at('date', 'date must be a calendar date such as 2026-03-01');
    const platformKey = typeof row.platform === 'string' ? row.platform.trim().toLowerCase() : '';
    const platformId = platformIds.get(platformKey);
    if (!platformId) at('platform', `platform must be one of ${platformList}`);
    const campaign = typeof row.campaign === 'string' ? row.campaign.trim() : '';
    if (campaign === '' || campaign.length > 255) at('campaign', 'campaign must be a text of 1 to 255 characters');
    // A CSV file is not a JSON body, so the request guard did not read it: text PostgreSQL cannot store is named here.
    else if (findBadText(campaign)) at('campaign', 'campaign must be valid text without NUL characters');
    const spend = parseSpend(row.spend, fromCsv);
    if (spend === null) at('spend', 'spend must be a number ≥ 0 with at most 2 decimals');
    else if (Number(spend) > MAX_MONEY) at('spend', 'spend is too large');
    if (details.length > before || !platformId || spend === null) return;
    const key = `${date}\u0000${platformId}\u0000${campaign}`;
    const first = seen.get(key);
    if (first !== undefined) {
      at('', `repeats the date, platform and campaign of row ${first}`);
      return;
    }
    seen.set(key, n);
    valid.push({ date, platformId, campaign, spend });
  });
  if (details.length > 0) fail(details);
  return valid;
}

/** Text of an uploaded file: UTF-8, or Windows-1252 (Excel's default in Brazil) when it is not valid UTF-8. */
export function decodeUpload(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return new TextDecoder('windows-1252').decode(buffer);
  }
}

/** The CSV's data rows as objects keyed by the (case-insensitive) header names date, platform, campaign, spend. */
export function csvToRows(text: string): (Record<string, string> | MalformedRow)[] {
  let records;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw InvalidInputError.field('file', `file ${error.message}`);
    throw error;
  }
  if (records.length < 2) {
    throw InvalidInputError.field('file', 'file must have a header line (date,platform,campaign,spend) and rows');
  }
  const header = records[0].fields.map((h) => h.trim().toLowerCase());
  const missing = AD_SPEND_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw InvalidInputError.field(
      'file',
      `the header must name the columns date, platform, campaign and spend (missing: ${missing.join(', ')})`,
    );
  }
  return records.slice(1).map((record) => {
    if (record.fields.length !== header.length) {
      return new MalformedRow(
        `has ${record.fields.length} field(s) but the header has ${header.length} (line ${record.line})`,
      );
    }
    const row: Record<string, string> = {};
    header.forEach((name, i) => {
      if ((AD_SPEND_COLUMNS as readonly string[]).includes(name)) row[name] = record.fields[i];
    });
    return row;
  });
}
