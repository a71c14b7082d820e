import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import type { Db } from '../../database/db';
import { DummyValue, GenerateSql } from '../../database/generate-sql';
import { qb } from '../../database/query-builder';
// The same row as the funnel statement's over the tickets and their timelines: the report reads either.
import type { FunnelStageRow } from '../reports/funnel-report.repository';
import type { RollupScope } from './rollup-scope';
import { scopeCells, scopeReachCells } from './ticket-rollups.sql';

const ORG = DummyValue.UUID;
const EVERY: RollupScope = {
  ...{ organizationId: ORG, fromDay: '2026-01-10', toDay: '2026-04-05', stageId: DummyValue.UUID2, status: 'open' },
  ...{ hasSales: true, assigneeId: null, source: 'paid', origin: 'google', platformId: DummyValue.UUID2 },
};

/** The funnel over the rollups: reach cells (ticket_reach_rollups and deltas, kept by triggers) and ticket cells. */
@Injectable()
export class TicketReachRepository {
  /**
   * Per stage, in board order, of the scope's tickets: how many are in it now (ticket cells) and how many ever
   * reached it (reach cells); `total` (the scope's tickets) is repeated on every row.
   */
  @GenerateSql({ name: 'bare', params: [{ organizationId: ORG }] }, { name: 'every dimension', params: [EVERY] })
  funnelStages(db: Db, scope: RollupScope): Promise<FunnelStageRow[]> {
    return db.all(
      qb
        .with('now', (q) =>
          q
            .selectFrom(scopeCells(scope, { grain: 'month' }))
            .select((eb) => ['c.stage_id', sql<number>`sum(${eb.ref('c.tickets')})`.as('n')])
            .groupBy('c.stage_id'),
        )
        .with('reach', (q) =>
          q
            .selectFrom(scopeReachCells(scope))
            .select((eb) => ['c.reached_stage_id', sql<number>`sum(${eb.ref('c.tickets')})`.as('n')])
            .groupBy('c.reached_stage_id'),
        )
        .selectFrom('ticket_stages as s')
        .leftJoin('now', 'now.stage_id', 's.id')
        .leftJoin('reach', 'reach.reached_stage_id', 's.id')
        .select((eb) => [
          's.id',
          's.name',
          's.color',
          's.position',
          's.is_closed',
          sql<number>`COALESCE(${eb.ref('now.n')}, 0)::integer`.as('current'),
          sql<number>`COALESCE(${eb.ref('reach.n')}, 0)::integer`.as('reached'),
          eb
            .selectFrom('now')
            .select(sql<number>`COALESCE(sum(now.n), 0)::integer`.as('n'))
            .$asScalar()
            .as('total'),
        ])
        .where('s.organization_id', '=', scope.organizationId)
        .orderBy('s.position', 'asc')
        .orderBy('s.created_at', 'asc'),
    );
  }
}
