import { types } from 'pg';

const NUMERIC = 1700;
const INT8 = 20;
const DATE = 1082;

/**
 * How every connection of the API parses values, set once (the generated row types say the same, see
 * scripts/db-types.ts): numeric (money, numeric(14,2)) and bigint (counts, event sequence numbers) arrive as
 * numbers — both stay far below 2^53 here — and a `date` stays its 'YYYY-MM-DD' text, never a Date at the server's
 * local midnight.
 */
type TextParser = (value: string) => unknown;

export const PG_TYPES = {
  getTypeParser(oid: number, format?: 'text' | 'binary'): TextParser {
    if (format === 'binary') return types.getTypeParser(oid, 'binary') as TextParser;
    if (oid === NUMERIC || oid === INT8) return parseNumber;
    if (oid === DATE) return (value: string) => value;
    return types.getTypeParser(oid, 'text') as TextParser;
  },
};

function parseNumber(value: string): number {
  return Number(value);
}
