import { Injectable } from '@nestjs/common';
import { type RawBuilder, sql } from 'kysely';
import type { DateInterval } from '../../common/date-range/date-range';
import type { Db } from '../../database/db';
import { DummyValue, GenerateSql } from '../../database/generate-sql';
import { qb } from '../../database/query-builder';
import type { AttributionGroup } from './dto/report-query.dto';
import { DIMENSIONS } from './report-dimensions.sql';
import { BARE_FILTER, FULL_FILTER, PERIOD } from './report-examples';
import { needsTracking, periodConditions, type ReportFilter, report, ticketConditions } from './report-filter.sql';

/** One group of the attribution statement. */
export interface AttributionGroupRow {
  key: string | null;
  tickets: number;
  tickets_with_sales: number;
  deal_value_open: number;
  sales_count: number;
  revenue: number;
}

/** The ad spend of a period: whole local days, `toDay` exclusive. */
export interface SpendFilter {
  organizationId: string;
  /** 'YYYY-MM-DD' */
  fromDay?: string;
  toDay?: string;
  platformId?: string;
  /** What the rows are keyed by: platform id, campaign, or nothing (a total). */
  keyBy: 'platform' | 'campaign' | null;
}

const SPEND_KEYS: Record<'platform' | 'campaign', RawBuilder<string | null>> = {
  platform: sql<string | null>`${report.ref('a.ad_platform_id')}::text`,
  campaign: sql<string | null>`${report.ref('a.campaign')}`,
};

/**
 * The attribution report's reads (read-only aggregates over tickets, ticket_trackings, sales and ad_spend, and the
 * names of the assignees it lists).
 */
@Injectable()
export class AttributionReportRepository {
  /**
   * Tickets created in the period and sales sold in it, each grouped by the ticket's dimension, in one statement.
   */
  @GenerateSql(
    { name: 'platform', params: [{ filter: BARE_FILTER, period: PERIOD, groupBy: 'platform' }] },
    { name: 'assignee, every filter', params: [{ filter: FULL_FILTER, period: PERIOD, groupBy: 'assignee' }] },
    { name: 'stage, unbounded', params: [{ filter: BARE_FILTER, period: {}, groupBy: 'stage' }] },
  )
  groups(
    db: Db,
    { filter, period, groupBy }: { filter: ReportFilter; period: DateInterval; groupBy: AttributionGroup },
  ): Promise<AttributionGroupRow[]> {
    const dimension = DIMENSIONS[groupBy];
    const tracking = needsTracking(filter) || dimension.tracking;
    const tickets = qb
      .selectFrom('tickets as t')
      .$if(tracking, (q) =>
        q.leftJoin('ticket_trackings as tr', (join) =>
          join.onRef('tr.organization_id', '=', 't.organization_id').onRef('tr.ticket_id', '=', 't.id'),
        ),
      )
      .select((eb) => [
        dimension.key.as('key'),
        eb.fn.countAll<number>().as('tickets'),
        eb.fn.countAll<number>().filterWhere('t.sales_count', '>', eb.lit(0)).as('tickets_with_sales'),
        eb.fn
          .coalesce(eb.fn.sum<number>('t.deal_value').filterWhere('t.status', '=', 'open'), eb.lit(0))
          .as('deal_value_open'),
        eb.lit(0).$castTo<number>().as('sales_count'),
        eb.lit(0).$castTo<number>().as('revenue'),
      ])
      .where((eb) => eb.and([ticketConditions(filter), ...periodConditions('t.created_at', period)]))
      .groupBy(sql`1`);
    const sales = qb
      .selectFrom('sales as s')
      .innerJoin('tickets as t', (join) =>
        join.onRef('t.organization_id', '=', 's.organization_id').onRef('t.id', '=', 's.ticket_id'),
      )
      .$if(tracking, (q) =>
        q.leftJoin('ticket_trackings as tr', (join) =>
          join.onRef('tr.organization_id', '=', 't.organization_id').onRef('tr.ticket_id', '=', 't.id'),
        ),
      )
      .select((eb) => [
        dimension.key.as('key'),
        eb.lit(0).$castTo<number>().as('tickets'),
        eb.lit(0).$castTo<number>().as('tickets_with_sales'),
        eb.lit(0).$castTo<number>().as('deal_value_open'),
        eb.fn.countAll<number>().as('sales_count'),
        eb.fn.sum<number>('s.value').as('revenue'),
      ])
      .where((eb) =>
        eb.and([
          eb('s.organization_id', '=', filter.organizationId),
          ticketConditions(filter),
          ...periodConditions('s.sold_at', period),
        ]),
      )
      .groupBy(sql`1`);
    return db.all(
      qb
        .selectFrom(tickets.unionAll(sales).as('g'))
        .select((eb) => [
          'g.key',
          eb.fn.sum<number>('g.tickets').as('tickets'),
          eb.fn.sum<number>('g.tickets_with_sales').as('tickets_with_sales'),
          eb.fn.sum<number>('g.deal_value_open').as('deal_value_open'),
          eb.fn.sum<number>('g.sales_count').as('sales_count'),
          eb.fn.sum<number>('g.revenue').as('revenue'),
        ])
        .groupBy('g.key'),
    );
  }

  /** Spend per key (platform id or campaign) of the period's days, or one total row (key null). */
  @GenerateSql(
    {
      name: 'by platform',
      params: [{ organizationId: DummyValue.UUID, fromDay: '2026-01-01', toDay: '2026-02-01', keyBy: 'platform' }],
    },
    {
      name: 'by campaign of a platform',
      params: [{ organizationId: DummyValue.UUID, platformId: DummyValue.UUID2, keyBy: 'campaign' }],
    },
    { name: 'total', params: [{ organizationId: DummyValue.UUID, fromDay: '2026-01-01', keyBy: null }] },
  )
  spend(db: Db, f: SpendFilter): Promise<{ key: string | null; spend: number }[]> {
    return db.all(
      qb
        .selectFrom('ad_spend as a')
        .select((eb) => [
          (f.keyBy ? SPEND_KEYS[f.keyBy] : sql<string | null>`NULL::text`).as('key'),
          eb.fn.sum<number>('a.spend').as('spend'),
        ])
        .where('a.organization_id', '=', f.organizationId)
        .$if(f.fromDay !== undefined, (q) => q.where('a.date', '>=', sql<string>`${f.fromDay}::date`))
        .$if(f.toDay !== undefined, (q) => q.where('a.date', '<', sql<string>`${f.toDay}::date`))
        .$if(f.platformId !== undefined, (q) => q.where('a.ad_platform_id', '=', f.platformId!))
        .groupBy(sql`1`),
    );
  }
}
