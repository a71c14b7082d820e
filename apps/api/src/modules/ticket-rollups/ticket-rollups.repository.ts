import { Injectable } from '@nestjs/common';
import type { TimeseriesGroup, TimeseriesInterval, TimeseriesMetric } from '@whatrack/shared';
import { sql } from 'kysely';
import type { Db } from '../../database/db';
import { DummyValue, GenerateSql } from '../../database/generate-sql';
// The same row as the attribution statement's over the tickets: the report reads either.
import type { AttributionGroupRow } from '../reports/attribution-report.repository';
import { qb } from '../../database/query-builder';
import { originsColumn } from '../tracking/ticket-origins.sql';
import { queueCells, total } from './queue-cells.sql';
import type { QueueScope, RollupScope } from './rollup-scope';
import { CELL_DIMENSIONS, type CellGroup, scopeCells } from './ticket-rollups.sql';

const ORG = DummyValue.UUID;
const BARE: RollupScope = { organizationId: ORG };
const EVERY: RollupScope = {
  ...{ organizationId: ORG, fromDay: '2026-01-10', toDay: '2026-04-05', stageId: DummyValue.UUID2, status: 'open' },
  ...{ hasSales: true, assigneeId: null, source: 'paid', origin: 'google', platformId: DummyValue.UUID2 },
};

export interface RollupSummaryRow {
  total: number;
  with_sales: number;
  deal_value_open: number;
  deal_value_total: number;
  /** The organization's distinct utmSource values, when asked for (SummaryOptions). */
  origins?: string[];
}

/** `origins`: answer the organization's distinct utmSource values in the same statement (originsColumn). */
export interface SummaryOptions {
  origins?: boolean;
}

export interface QueueViewCountsRow {
  mine: number;
  unassigned: number;
  waiting: number;
  unread: number;
}

export interface RollupPointRow {
  bucket: string;
  key: string | null;
  value: number;
}

/** Reads and upkeep of the ticket rollups (ticket_rollups and ticket_rollup_deltas, kept by triggers). */
@Injectable()
export class TicketRollupsRepository {
  /** A listing's summary: counts and deal values of the scope's tickets. */
  @GenerateSql(
    { name: 'bare', params: [BARE] },
    { name: 'every dimension, with origins', params: [EVERY, { origins: true }] },
  )
  summary(db: Db, scope: RollupScope, options: SummaryOptions = {}): Promise<RollupSummaryRow> {
    return db.one(
      qb
        .selectFrom(scopeCells(scope, { grain: 'month' }))
        .$if(options.origins === true, (q) => q.select(originsColumn(scope.organizationId)))
        .select((eb) => [
          sql<number>`COALESCE(sum(${eb.ref('c.tickets')}), 0)::integer`.as('total'),
          sql<number>`COALESCE(sum(${eb.ref('c.tickets')}) FILTER (WHERE ${eb.ref('c.has_sales')}), 0)::integer`.as(
            'with_sales',
          ),
          sql<number>`COALESCE(sum(${eb.ref('c.deal_value')}) FILTER (WHERE ${eb.ref('c.status')} = 'open'), 0)`.as(
            'deal_value_open',
          ),
          sql<number>`COALESCE(sum(${eb.ref('c.deal_value')}), 0)`.as('deal_value_total'),
        ]),
    );
  }

  /** A listing's summary over queue cells (status, assignee, waiting, unread: no dates, stages or origins). */
  @GenerateSql(
    { name: 'bare', params: [{ organizationId: ORG }] },
    {
      name: 'every dimension, with origins',
      params: [
        { organizationId: ORG, status: 'open', assigneeId: null, waiting: true, unread: true },
        { origins: true },
      ],
    },
  )
  queueSummary(db: Db, scope: QueueScope, options: SummaryOptions = {}): Promise<RollupSummaryRow> {
    return db.one(
      qb
        .selectFrom(queueCells(scope))
        .$if(options.origins === true, (q) => q.select(originsColumn(scope.organizationId)))
        .select((eb) => [
          sql<number>`${total(eb.ref('q.tickets'))}::integer`.as('total'),
          sql<number>`${total(eb.ref('q.with_sales'))}::integer`.as('with_sales'),
          total(eb.ref('q.deal_value'), eb('q.status', '=', 'open')).as('deal_value_open'),
          total(eb.ref('q.deal_value')).as('deal_value_total'),
        ]),
    );
  }

  /** The counts of the queue's views over the organization's open tickets. */
  @GenerateSql({ params: [{ organizationId: ORG, userId: DummyValue.UUID2 }] })
  queueViewCounts(db: Db, { organizationId, userId }: { organizationId: string; userId: string | null }) {
    return db.one<QueueViewCountsRow>(
      qb
        .selectFrom(queueCells({ organizationId, status: 'open' }))
        .select((eb) => [
          sql<number>`${total(eb.ref('q.tickets'), eb('q.assignee_id', '=', sql<string>`${userId}::uuid`))}::integer`.as(
            'mine',
          ),
          sql<number>`${total(eb.ref('q.tickets'), eb('q.assignee_id', 'is', null))}::integer`.as('unassigned'),
          sql<number>`${total(eb.ref('q.tickets'), eb('q.waiting', '=', true))}::integer`.as('waiting'),
          sql<number>`${total(eb.ref('q.tickets'), eb('q.unread', '=', true))}::integer`.as('unread'),
        ]),
    );
  }

  /** The attribution report: tickets created and sales sold in the scope's days, per dimension key. */
  @GenerateSql(
    { name: 'platform', params: [{ scope: BARE, groupBy: 'platform' }] },
    { name: 'campaign, every dimension', params: [{ scope: EVERY, groupBy: 'utmCampaign' }] },
  )
  groups(db: Db, { scope, groupBy }: { scope: RollupScope; groupBy: CellGroup }): Promise<AttributionGroupRow[]> {
    const key = CELL_DIMENSIONS[groupBy];
    return db.all(
      qb
        .selectFrom(scopeCells(scope, { grain: 'month' }))
        .select((eb) => [
          key.as('key'),
          sql<number>`sum(${eb.ref('c.tickets')})::integer`.as('tickets'),
          sql<number>`COALESCE(sum(${eb.ref('c.tickets')}) FILTER (WHERE ${eb.ref('c.has_sales')}), 0)::integer`.as(
            'tickets_with_sales',
          ),
          sql<number>`COALESCE(sum(${eb.ref('c.deal_value')}) FILTER (WHERE ${eb.ref('c.status')} = 'open'), 0)`.as(
            'deal_value_open',
          ),
          sql<number>`sum(${eb.ref('c.sales_count')})::integer`.as('sales_count'),
          sql<number>`sum(${eb.ref('c.revenue')})`.as('revenue'),
        ])
        .groupBy(sql`1`)
        .having((eb) => eb.or([eb.fn.sum('c.tickets'), eb.fn.sum('c.sales_count')].map((s) => eb(s, '<>', 0)))),
    );
  }

  /** The time series: tickets (by creation day) or revenue (by sale day) per local bucket and key. */
  @GenerateSql(
    { name: 'tickets per day', params: [{ scope: BARE, unit: 'day', metric: 'tickets', groupBy: null }] },
    {
      name: 'revenue per month by platform, every dimension',
      params: [{ scope: EVERY, unit: 'month', metric: 'revenue', groupBy: 'platform' }],
    },
  )
  points(
    db: Db,
    query: {
      scope: RollupScope;
      unit: TimeseriesInterval;
      metric: TimeseriesMetric;
      groupBy: TimeseriesGroup | null;
    },
  ): Promise<RollupPointRow[]> {
    const { scope, unit, metric, groupBy } = query;
    const key = groupBy ? CELL_DIMENSIONS[groupBy] : sql<string | null>`NULL::text`;
    const counted = metric === 'tickets' ? 'c.tickets' : 'c.sales_count';
    return db.all(
      qb
        .selectFrom(scopeCells(scope, { grain: unit }))
        .select((eb) => [
          sql<string>`to_char(date_trunc(${unit}, ${eb.ref('c.day')}), 'YYYY-MM-DD')`.as('bucket'),
          key.as('key'),
          sql<number>`sum(${eb.ref(metric === 'tickets' ? 'c.tickets' : 'c.revenue')})`.as('value'),
        ])
        .groupBy([sql`1`, sql`2`])
        .having((eb) => eb(eb.fn.sum(counted), '<>', 0)),
    );
  }

  /** Organizations with deltas to fold (the compactor's round; a read of the small deltas table). */
  @GenerateSql({ params: [], crossTenant: 'the compactor looks for every organization with deltas to fold' })
  async organizationsWithDeltas(db: Db): Promise<string[]> {
    const rows = await db.all(
      qb
        .selectFrom('ticket_rollup_deltas')
        .select('organization_id')
        .union(qb.selectFrom('ticket_queue_deltas').select('organization_id')),
    );
    return rows.map((r) => r.organization_id);
  }

  /** Folds an organization's committed deltas into its rollup and queue cells; how many it folded. */
  @GenerateSql({ params: [ORG] })
  async compact(db: Db, organizationId: string): Promise<number> {
    const row = await db.one(
      qb.selectNoFrom(
        sql<number>`ticket_rollups_compact(${organizationId}::uuid) + ticket_queue_compact(${organizationId}::uuid)`.as(
          'folded',
        ),
      ),
    );
    return row.folded;
  }
}
