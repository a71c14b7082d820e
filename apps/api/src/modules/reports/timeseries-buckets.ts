import { tz } from '@date-fns/tz';
import { format } from 'date-fns';
import type { Clock } from '../../common/clock/clock';
import type { DateInterval } from '../../common/date-range/date-range';
import { InvalidInputError } from '../../common/errors/domain-errors';
import type { TimeseriesInterval } from './dto/report-query.dto';
import { addCalendar, truncateDay } from './report-math';

/** About ten years of days: bounds the response (and the loop) for a long period at a fine interval. */
const MAX_BUCKETS = 3700;

/**
 * Every bucket from the start of the period (or the first data point) to its end (or now), gaps included, as
 * local YYYY-MM-DD days. `seen` are the buckets of the data, which may run past "now" when the period is open.
 */
export function timeseriesBuckets(
  interval: DateInterval,
  timeZone: string,
  unit: TimeseriesInterval,
  seen: string[],
  clock: Clock,
): string[] {
  const zone = tz(timeZone);
  const localDay = (d: Date) => format(d, 'yyyy-MM-dd', { in: zone });
  const sorted = [...seen].sort();
  const first = interval.from ? truncateDay(localDay(interval.from), unit) : sorted[0];
  if (!first) return [];
  let last = interval.to
    ? truncateDay(localDay(new Date(interval.to.getTime() - 1)), unit)
    : truncateDay(localDay(clock.now()), unit);
  if (!interval.to && sorted.length > 0 && sorted[sorted.length - 1] > last) last = sorted[sorted.length - 1];
  const buckets: string[] = [];
  for (let b = first; b <= last; b = addCalendar(b, unit, 1)) {
    buckets.push(b);
    if (buckets.length > MAX_BUCKETS) {
      throw InvalidInputError.field(
        'interval',
        `the period has more than ${MAX_BUCKETS} ${unit}s: choose a longer interval or a shorter period`,
      );
    }
  }
  return buckets;
}
