import { Injectable } from '@nestjs/common';
import { TicketStatus } from '@whatrack/shared';
import { sql } from 'kysely';
import type { Db } from '../../database/db';
import { DummyValue, GenerateSql } from '../../database/generate-sql';
import { qb } from '../../database/query-builder';

type OrgStage = { organizationId: string; stageId: string };
const ORG_STAGE = { organizationId: DummyValue.UUID, stageId: DummyValue.UUID2 };

/**
 * The statements of tickets that the board's stage changes make (StagesService): counting a stage's tickets, moving
 * them to another stage, and closing or reopening them with their stage. Part of the tickets table's SQL, kept apart
 * from TicketsRepository only to keep both files small.
 */
@Injectable()
export class TicketStageMovesRepository {
  @GenerateSql({ params: [ORG_STAGE] })
  async countInStage(db: Db, { organizationId, stageId }: OrgStage): Promise<number> {
    const row = await db.one(
      qb
        .selectFrom('tickets')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('tickets.organization_id', '=', organizationId)
        .where('tickets.stage_id', '=', stageId),
    );
    return row.n;
  }

  /** Moves every ticket of a stage to another one (inside the caller's transaction). */
  @GenerateSql({ params: [{ ...ORG_STAGE, toStageId: DummyValue.UUID }] })
  async moveToStage(db: Db, { organizationId, stageId, toStageId }: OrgStage & { toStageId: string }): Promise<void> {
    await bulkUpdate(
      db,
      qb
        .updateTable('tickets')
        .set({ stage_id: toStageId, updated_at: sql<Date>`CURRENT_TIMESTAMP` })
        .where('tickets.organization_id', '=', organizationId)
        .where('tickets.stage_id', '=', stageId),
    );
  }

  /** Tickets follow their stage's closed flag: entering a closed stage closes them, leaving it reopens them. */
  @GenerateSql(
    { params: [{ ...ORG_STAGE, isClosed: true }] },
    { name: 'reopen', params: [{ ...ORG_STAGE, isClosed: false }] },
  )
  async syncStatus(db: Db, { organizationId, stageId, isClosed }: OrgStage & { isClosed: boolean }): Promise<void> {
    await bulkUpdate(
      db,
      qb
        .updateTable('tickets')
        .set((eb) =>
          isClosed
            ? {
                status: TicketStatus.CLOSED,
                closed_at: eb.fn.coalesce('tickets.closed_at', sql<Date>`now()`),
                updated_at: sql<Date>`CURRENT_TIMESTAMP`,
              }
            : { status: TicketStatus.OPEN, closed_at: null, updated_at: sql<Date>`CURRENT_TIMESTAMP` },
        )
        .where('tickets.organization_id', '=', organizationId)
        .where('tickets.stage_id', '=', stageId),
    );
  }
}

/**
 * The tickets' rollup and queue triggers run per statement while this transaction-local setting is on (see
 * migration TicketRollups, BULK_SETTING): one set-based reconcile for the whole stage instead of one per ticket.
 */
const BULK_ROLLUPS = 'whatrack.bulk_rollups';

async function bulkUpdate(db: Db, statement: Parameters<Db['run']>[0]): Promise<void> {
  await db.run(qb.selectNoFrom(sql<string>`set_config(${BULK_ROLLUPS}, 'on', true)`.as('bulk')));
  await db.run(statement);
  await db.run(qb.selectNoFrom(sql<string>`set_config(${BULK_ROLLUPS}, 'off', true)`.as('bulk')));
}
