import { Injectable } from '@nestjs/common';
import type { Db } from '../../database/db';
import { DummyValue, GenerateSql } from '../../database/generate-sql';
import { qb } from '../../database/query-builder';

/** A delivery status kept for a message whose provider id is not stored (yet). */
interface OrphanStatus {
  providerMessageId: string;
  status: string;
  errorCode?: string | null;
  errorTitle?: string | null;
}

const KEY = { organizationId: DummyValue.UUID, instanceId: DummyValue.UUID2, providerMessageId: 'wamid.X' };

/**
 * The SQL of whatsapp_status_orphans: statuses that arrived before the replies worker stored their message's
 * provider id (the provider's webhook can outrun the worker's commit). WhatsappMessagesRepository.recordSent takes
 * them back in the statement that stores that id.
 */
@Injectable()
export class WhatsappStatusOrphansRepository {
  /** Keeps statuses of the instance whose messages are not known (yet). */
  @GenerateSql({
    params: [
      {
        organizationId: KEY.organizationId,
        instanceId: KEY.instanceId,
        statuses: [{ providerMessageId: 'wamid.X', status: 'delivered' }],
      },
    ],
  })
  async record(db: Db, batch: { organizationId: string; instanceId: string; statuses: OrphanStatus[] }): Promise<void> {
    if (batch.statuses.length === 0) return;
    await db.run(
      qb.insertInto('whatsapp_status_orphans').values(
        batch.statuses.map((s) => ({
          organization_id: batch.organizationId,
          instance_id: batch.instanceId,
          provider_message_id: s.providerMessageId,
          status: s.status,
          error_code: s.errorCode ?? null,
          error_title: s.errorTitle?.slice(0, 512) ?? null,
        })),
      ),
    );
  }

  /** Forgets statuses older than `before`: those of messages sent elsewhere, which no reply will ever claim. */
  @GenerateSql({ params: [{ before: DummyValue.DATE }], crossTenant: 'housekeeping of every organization' })
  async purge(db: Db, { before }: { before: Date }): Promise<number> {
    return db.run(qb.deleteFrom('whatsapp_status_orphans').where('created_at', '<', before));
  }
}
