import { Injectable } from '@nestjs/common';
import type { SupportGroup } from '@whatrack/shared';
import { type Expression, sql } from 'kysely';
import type { DateInterval } from '../../common/date-range/date-range';
import type { Db } from '../../database/db';
import { DummyValue, GenerateSql } from '../../database/generate-sql';
import { qb } from '../../database/query-builder';
import { BARE_FILTER, FULL_FILTER, PERIOD } from './report-examples';
import { needsTracking, periodConditions, type ReportFilter, report, ticketConditions } from './report-filter.sql';

/** Durations of one group: how many are known, their median and 90th percentile in seconds (null when none). */
export interface DurationRow {
  count: number;
  median: number | null;
  p90: number | null;
}

/** One group of the support report (an agent, a line, a bucket, or every ticket when grouped by nothing). */
export interface SupportGroupRow {
  key: string | null;
  label: string | null;
  tickets: number;
  first_response_count: number;
  first_response_median: number | null;
  first_response_p90: number | null;
  resolution_count: number;
  resolution_median: number | null;
  resolution_p90: number | null;
}

export interface StageTimeRow {
  id: string;
  name: string;
  color: string;
  position: number;
  is_closed: boolean;
  visits: number;
  median: number | null;
  p90: number | null;
}

interface SupportScope {
  filter: ReportFilter;
  period: DateInterval;
}

const seconds = (from: Expression<Date | null>, to: Expression<Date | null>) =>
  sql<number>`extract(epoch from (${to} - ${from}))`;

/** count, median and p90 of a duration, as three columns prefixed by `name` (percentiles skip NULLs). */
function durationColumns(name: 'first_response' | 'resolution', value: Expression<number>) {
  return [
    sql<number>`count(${value})::int`.as(`${name}_count`),
    sql<number | null>`percentile_cont(0.5) WITHIN GROUP (ORDER BY ${value})`.as(`${name}_median`),
    sql<number | null>`percentile_cont(0.9) WITHIN GROUP (ORDER BY ${value})`.as(`${name}_p90`),
  ] as const;
}

/** The support report's reads: response and resolution times of the period's tickets, and the time per stage. */
@Injectable()
export class SupportReportRepository {
  /**
   * Of the tickets created in the period: per group (agent, line, creation bucket, or none for the total), the
   * count and the median/p90 of the first response (created → first outbound message) and of the resolution
   * (created → closed). Reads only the period's tickets (and their lines' names).
   */
  @GenerateSql(
    { name: 'by agent', params: [{ filter: BARE_FILTER, period: PERIOD }, 'agent', 'America/Sao_Paulo'] },
    { name: 'by line, every filter', params: [{ filter: FULL_FILTER, period: {} }, 'line', 'America/Sao_Paulo'] },
    { name: 'by week', params: [{ filter: BARE_FILTER, period: PERIOD }, 'week', 'America/Sao_Paulo'] },
    { name: 'total', params: [{ filter: BARE_FILTER, period: PERIOD }, null, 'America/Sao_Paulo'] },
  )
  groups(
    db: Db,
    { filter, period }: SupportScope,
    groupBy: SupportGroup | null,
    timezone: string,
  ): Promise<SupportGroupRow[]> {
    const org = filter.organizationId;
    const firstResponse = seconds(report.ref('t.created_at'), report.ref('t.first_response_at'));
    const resolution = seconds(report.ref('t.created_at'), report.ref('t.closed_at'));
    const bucket = (unit: string) =>
      sql<string>`to_char(date_trunc(${unit}, ${report.ref('t.created_at')} AT TIME ZONE ${timezone}), 'YYYY-MM-DD')`;
    return db.all(
      qb
        .selectFrom('tickets as t')
        .$if(needsTracking(filter), (q) =>
          q.leftJoin('ticket_trackings as tr', (join) =>
            join.onRef('tr.organization_id', '=', 't.organization_id').onRef('tr.ticket_id', '=', 't.id'),
          ),
        )
        .$if(groupBy === 'line', (q) =>
          q
            .innerJoin('whatsapp_conversations as c', (join) =>
              join.onRef('c.organization_id', '=', 't.organization_id').onRef('c.id', '=', 't.conversation_id'),
            )
            .innerJoin('whatsapp_instances as i', (join) =>
              join.onRef('i.organization_id', '=', 'c.organization_id').onRef('i.id', '=', 'c.instance_id'),
            )
            .where('c.organization_id', '=', org)
            .where('i.organization_id', '=', org),
        )
        .select((eb) => {
          const key =
            groupBy === 'agent'
              ? sql<string | null>`${eb.ref('t.assignee_id')}::text`
              : groupBy === 'line'
                ? sql<string | null>`c.instance_id::text`
                : groupBy === null
                  ? sql<string | null>`'all'`
                  : bucket(groupBy);
          const label =
            groupBy === 'agent'
              ? sql<string | null>`max(${eb.ref('t.assignee_name')})`
              : groupBy === 'line'
                ? sql<string | null>`max(i.name)`
                : sql<string | null>`null`;
          return [
            key.as('key'),
            label.as('label'),
            sql<number>`count(*)::int`.as('tickets'),
            ...durationColumns('first_response', firstResponse),
            ...durationColumns('resolution', resolution),
          ];
        })
        .where((eb) => eb.and([ticketConditions(filter), ...periodConditions('t.created_at', period)]))
        .groupBy(sql.raw('1'))
        .orderBy(groupBy === 'agent' || groupBy === 'line' ? sql.raw('3 DESC, 1') : sql.raw('1')),
    );
  }

  /**
   * Per stage, in board order: how long the period's tickets stayed in it per visit, from the timeline (created and
   * stage_changed events say which stage a ticket entered, and when). A visit still going counts up to `now`, except
   * in a closed stage, where a ticket rests rather than waits.
   */
  @GenerateSql({ params: [{ filter: BARE_FILTER, period: PERIOD }, DummyValue.DATE] })
  stageTimes(db: Db, { filter, period }: SupportScope, now: Date): Promise<StageTimeRow[]> {
    const org = filter.organizationId;
    return db.all(
      qb
        .with('ft', (q) =>
          q
            .selectFrom('tickets as t')
            .$if(needsTracking(filter), (t) =>
              t.leftJoin('ticket_trackings as tr', (join) =>
                join.onRef('tr.organization_id', '=', 't.organization_id').onRef('tr.ticket_id', '=', 't.id'),
              ),
            )
            .select('t.id')
            .where((eb) => eb.and([ticketConditions(filter), ...periodConditions('t.created_at', period)])),
        )
        .with('visits', (q) =>
          q
            .selectFrom('ticket_events as e')
            .innerJoin('ft', 'ft.id', 'e.ticket_id')
            .select([
              sql<string>`e.after->>'stageId'`.as('stage_id'),
              'e.created_at as entered_at',
              sql<Date | null>`lead(e.created_at) OVER (PARTITION BY e.ticket_id ORDER BY e.seq)`.as('left_at'),
            ])
            .where('e.organization_id', '=', org)
            .where('e.type', 'in', ['created', 'stage_changed'])
            .where(sql<boolean>`e.after->>'stageId' IS NOT NULL`),
        )
        .selectFrom('ticket_stages as s')
        .leftJoin('visits as v', (join) =>
          join
            .on((eb) => eb(eb.ref('v.stage_id'), '=', sql<string>`${eb.ref('s.id')}::text`))
            .on((eb) => eb.or([eb('v.left_at', 'is not', null), eb('s.is_closed', '=', false)])),
        )
        .select((eb) => {
          const stay = sql<number>`extract(epoch from (coalesce(${eb.ref('v.left_at')}, ${now}) - ${eb.ref('v.entered_at')}))`;
          return [
            's.id',
            's.name',
            's.color',
            's.position',
            's.is_closed',
            sql<number>`count(${eb.ref('v.entered_at')})::int`.as('visits'),
            sql<number | null>`percentile_cont(0.5) WITHIN GROUP (ORDER BY ${stay})`.as('median'),
            sql<number | null>`percentile_cont(0.9) WITHIN GROUP (ORDER BY ${stay})`.as('p90'),
          ];
        })
        .where('s.organization_id', '=', org)
        .groupBy(['s.id', 's.name', 's.color', 's.position', 's.is_closed', 's.created_at'])
        .orderBy('s.position', 'asc')
        .orderBy('s.created_at', 'asc'),
    );
  }
}
