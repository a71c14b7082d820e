import type { DateInterval } from '../../common/date-range/date-range';
import type { ReportPeriodDto } from './dto/report-response.dto';

/** The resolved period as returned to the client (null for an open side). */
export function reportPeriod(interval: DateInterval): ReportPeriodDto {
  return { from: interval.from ?? null, to: interval.to ?? null };
}
