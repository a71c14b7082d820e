import { Injectable } from '@nestjs/common';
import type { Db } from '../../database/db';
import { DummyValue, GenerateSql } from '../../database/generate-sql';
import { statementTemplate } from '../../database/statement-template';
import { markReadQuery } from './ticket-queue.sql';

const markReadTemplate = statementTemplate((p: { organizationId: string; id: string }) =>
  markReadQuery(p.organizationId, p.id),
);
/** The SQL of the tickets queue (see ticket-queue.sql.ts). */
@Injectable()
export class TicketQueueRepository {
  /** Marks the ticket read for the team; false when the organization has no such ticket. */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, id: DummyValue.UUID2 }] })
  async markRead(db: Db, key: { organizationId: string; id: string }): Promise<boolean> {
    return (await db.first(markReadTemplate(key), { prepare: 'tickets.markRead' })) !== undefined;
  }
}
