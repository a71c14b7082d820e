import { Injectable } from '@nestjs/common';
import { expressionBuilder, sql } from 'kysely';
import type { DateInterval } from '../../common/date-range/date-range';
import type { Db } from '../../database/db';
import type { DB } from '../../database/generated/db';
import { GenerateSql } from '../../database/generate-sql';
import { qb } from '../../database/query-builder';
import { BARE_FILTER, FULL_FILTER, PERIOD } from './report-examples';
import { needsTracking, periodConditions, type ReportFilter, ticketConditions } from './report-filter.sql';

/** The stage a timeline event moved its ticket to (`after` of created and stage_changed events). */
const events = expressionBuilder<{ e: DB['ticket_events'] }, 'e'>();
const afterStageId = sql<string | null>`${events.ref('e.after')}->>'stageId'`;

/** One stage of the funnel; `total` (the filtered tickets) is repeated on every row. */
export interface FunnelStageRow {
  id: string;
  name: string;
  color: string;
  position: number;
  is_closed: boolean;
  current: number;
  reached: number;
  total: number;
}

/** The funnel report's read (a read-only aggregate over tickets, ticket_trackings, ticket_events and stages). */
@Injectable()
export class FunnelReportRepository {
  /**
   * Per stage, in board order, of the tickets created in the period: how many are in it now, and how many ever
   * reached it (created in it, moved to it by a stage_changed event, or in it now).
   */
  @GenerateSql(
    { name: 'bare', params: [{ filter: BARE_FILTER, period: PERIOD }] },
    { name: 'every filter', params: [{ filter: FULL_FILTER, period: {} }] },
  )
  stages(db: Db, { filter, period }: { filter: ReportFilter; period: DateInterval }): Promise<FunnelStageRow[]> {
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
            .select(['t.id', 't.stage_id'])
            .where((eb) => eb.and([ticketConditions(filter), ...periodConditions('t.created_at', period)])),
        )
        .with('visits', (q) =>
          q
            .selectFrom('ft')
            .select((eb) => ['ft.id as ticket_id', sql<string | null>`${eb.ref('ft.stage_id')}::text`.as('stage_id')])
            .union(
              q
                .selectFrom('ticket_events as e')
                .innerJoin('ft', 'ft.id', 'e.ticket_id')
                .select(['e.ticket_id', afterStageId.as('stage_id')])
                .where('e.organization_id', '=', org)
                .where('e.type', 'in', ['created', 'stage_changed'])
                .where(afterStageId, 'is not', null),
            ),
        )
        .selectFrom('ticket_stages as s')
        .leftJoin(
          (q) =>
            q
              .selectFrom('ft')
              .select((eb) => ['ft.stage_id', eb.fn.countAll<number>().as('current')])
              .groupBy('ft.stage_id')
              .as('c'),
          (join) => join.onRef('c.stage_id', '=', 's.id'),
        )
        .leftJoin(
          (q) =>
            q
              .selectFrom('visits')
              .select((eb) => ['visits.stage_id', eb.fn.countAll<number>().as('reached')])
              .groupBy('visits.stage_id')
              .as('r'),
          (join) => join.on((eb) => eb(eb.ref('r.stage_id'), '=', sql<string>`${eb.ref('s.id')}::text`)),
        )
        .select((eb) => [
          's.id',
          's.name',
          's.color',
          's.position',
          's.is_closed',
          eb.fn.coalesce('c.current', eb.lit(0)).as('current'),
          eb.fn.coalesce('r.reached', eb.lit(0)).as('reached'),
          eb
            .selectFrom('ft')
            .select((f) => f.fn.countAll<number>().as('n'))
            .$asScalar()
            .as('total'),
        ])
        .where('s.organization_id', '=', org)
        .orderBy('s.position', 'asc')
        .orderBy('s.created_at', 'asc'),
    );
  }
}
