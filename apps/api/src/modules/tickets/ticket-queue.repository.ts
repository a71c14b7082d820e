import { Injectable } from '@nestjs/common';
import type { Db } from '../../database/db';
import { DummyValue, GenerateSql } from '../../database/generate-sql';
import { statementTemplate } from '../../database/statement-template';
import { markReadQuery, viewCountsQuery } from './ticket-queue.sql';

const markReadTemplate = statementTemplate((p: { organizationId: string; id: string }) =>
  markReadQuery(p.organizationId, p.id),
);
const viewCountsTemplate = statementTemplate((p: { organizationId: string; userId: string | null }) =>
  viewCountsQuery(p.organizationId, p.userId),
);

export interface ViewCountsRow {
  mine: number;
  unassigned: number;
  waiting: number;
  unread: number;
}

/** The SQL of the tickets queue (see ticket-queue.sql.ts). */
@Injectable()
export class TicketQueueRepository {
  /** Marks the ticket read for the team; false when the organization has no such ticket. */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, id: DummyValue.UUID2 }] })
  async markRead(db: Db, key: { organizationId: string; id: string }): Promise<boolean> {
    return (await db.first(markReadTemplate(key), { prepare: 'tickets.markRead' })) !== undefined;
  }

  /** The counts of the views over the organization's open tickets. */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, userId: DummyValue.UUID2 }] })
  viewCounts(db: Db, key: { organizationId: string; userId: string | null }): Promise<ViewCountsRow> {
    return db.one(viewCountsTemplate(key), { prepare: 'tickets.viewCounts' });
  }
}
