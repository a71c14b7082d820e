import { applyDecorators } from '@nestjs/common';
import { Matches, ValidateBy } from 'class-validator';

/** Calendar days far enough from the ends of JavaScript's and PostgreSQL's ranges that "the day after" still works. */
const MIN_YEAR = 1900;
const MAX_YEAR = 9998;

/** An existing day written YYYY-MM-DD, within `years` (by default as wide as day arithmetic allows). */
export function isCalendarDate(value: unknown, years = { min: MIN_YEAR, max: MAX_YEAR }): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return (
    y >= years.min &&
    y <= years.max &&
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === m - 1 &&
    date.getUTCDate() === d
  );
}

/**
 * A calendar day written YYYY-MM-DD (no time, no offset: the organization's time zone gives it its instants), that
 * exists and lies between 1900 and 9998. ISO 8601 alone would also let date-times through, which no day arithmetic
 * expects.
 */
export const IsCalendarDate = (field: string): PropertyDecorator =>
  applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: `${field} must be a date such as 2026-01-31` }),
    ValidateBy({
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) => isCalendarDate(value),
        defaultMessage: () => `${field} must be an existing day between ${MIN_YEAR} and ${MAX_YEAR}`,
      },
    }),
  );
