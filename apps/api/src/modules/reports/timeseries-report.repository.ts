import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import type { DateInterval } from '../../common/date-range/date-range';
import type { Db } from '../../database/db';
import { GenerateSql } from '../../database/generate-sql';
import { qb } from '../../database/query-builder';
import type { TimeseriesGroup, TimeseriesInterval, TimeseriesMetric } from './dto/report-query.dto';
import { DIMENSIONS } from './report-dimensions.sql';
import { BARE_FILTER, FULL_FILTER, PERIOD } from './report-examples';
import { needsTracking, periodConditions, type ReportFilter, report, ticketConditions } from './report-filter.sql';

export interface TimeseriesQuery {
  filter: ReportFilter;
  period: DateInterval;
  unit: TimeseriesInterval;
  metric: TimeseriesMetric;
  groupBy: TimeseriesGroup | null;
  /** The organization's time zone, where buckets are cut. */
  timezone: string;
}

/** One bucket ('YYYY-MM-DD', its local first day) of one key. */
export interface TimeseriesPointRow {
  bucket: string;
  key: string | null;
  value: number;
}

/** The time series report's read (a read-only aggregate over tickets, ticket_trackings and sales). */
@Injectable()
export class TimeseriesReportRepository {
  /** Tickets (by created_at) or revenue (sales by sold_at) per local bucket and key, cut by PostgreSQL. */
  @GenerateSql(
    {
      name: 'tickets per day',
      params: [
        {
          filter: BARE_FILTER,
          period: PERIOD,
          unit: 'day',
          metric: 'tickets',
          groupBy: null,
          timezone: 'America/Sao_Paulo',
        },
      ],
    },
    {
      name: 'revenue per week by platform, every filter',
      params: [
        {
          filter: FULL_FILTER,
          period: PERIOD,
          unit: 'week',
          metric: 'revenue',
          groupBy: 'platform',
          timezone: 'America/Sao_Paulo',
        },
      ],
    },
  )
  points(db: Db, query: TimeseriesQuery): Promise<TimeseriesPointRow[]> {
    const { filter, period, unit, metric, groupBy, timezone } = query;
    const dimension = groupBy ? DIMENSIONS[groupBy] : null;
    const tracking = needsTracking(filter) || (dimension?.tracking ?? false);
    const key = dimension ? dimension.key : sql<string | null>`NULL::text`;
    const at = metric === 'tickets' ? 't.created_at' : 's.sold_at';
    const bucket = sql<string>`to_char(date_trunc(${unit}, ${report.ref(at)} AT TIME ZONE ${timezone}), 'YYYY-MM-DD')`;
    const conditions = [ticketConditions(filter), ...periodConditions(at, period)];
    if (metric === 'tickets') {
      return db.all(
        qb
          .selectFrom('tickets as t')
          .$if(tracking, (q) =>
            q.leftJoin('ticket_trackings as tr', (join) =>
              join.onRef('tr.organization_id', '=', 't.organization_id').onRef('tr.ticket_id', '=', 't.id'),
            ),
          )
          .select((eb) => [bucket.as('bucket'), key.as('key'), eb.fn.countAll<number>().as('value')])
          .where((eb) => eb.and(conditions))
          .groupBy([sql`1`, sql`2`]),
      );
    }
    return db.all(
      qb
        .selectFrom('sales as s')
        .innerJoin('tickets as t', (join) =>
          join.onRef('t.organization_id', '=', 's.organization_id').onRef('t.id', '=', 's.ticket_id'),
        )
        .$if(tracking, (q) =>
          q.leftJoin('ticket_trackings as tr', (join) =>
            join.onRef('tr.organization_id', '=', 't.organization_id').onRef('tr.ticket_id', '=', 't.id'),
          ),
        )
        .select((eb) => [bucket.as('bucket'), key.as('key'), eb.fn.sum<number>('s.value').as('value')])
        .where((eb) => eb.and([eb('s.organization_id', '=', filter.organizationId), ...conditions]))
        .groupBy([sql`1`, sql`2`]),
    );
  }
}
