import type { DateInterval } from '../../common/date-range/date-range';
import type { ReportPeriodDto } from './dto/report-response.dto';

/**
 * ` AND column >= $n AND column < $m` for the bounds the period has (an open side adds nothing). Each measure
 * passes its own column: tickets count by creation, sales by soldAt.
 */
export function periodConditionSql(column: string, interval: DateInterval, add: (value: unknown) => string): string {
  let sql = '';
  if (interval.from) sql += ` AND ${column} >= ${add(interval.from)}`;
  if (interval.to) sql += ` AND ${column} < ${add(interval.to)}`;
  return sql;
}

/** The resolved period as returned to the client (null for an open side). */
export function reportPeriod(interval: DateInterval): ReportPeriodDto {
  return { from: interval.from ?? null, to: interval.to ?? null };
}
