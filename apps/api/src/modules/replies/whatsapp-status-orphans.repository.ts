import { Injectable } from '@nestjs/common';
import type { Db } from '../../database/db';
import { DummyValue, GenerateSql } from '../../database/generate-sql';
import { qb } from '../../database/query-builder';

/** A delivery status kept for a message whose provider id is not stored (yet). */
export interface OrphanStatus {
  status: string;
  errorCode: string | null;
  errorTitle: string | null;
}

const KEY = { organizationId: DummyValue.UUID, instanceId: DummyValue.UUID2, providerMessageId: 'wamid.X' };

/**
 * The only SQL of whatsapp_status_orphans: statuses that arrived before the replies worker stored their message's
 * provider id (the provider's webhook can outrun the worker's commit), taken back when it does.
 */
@Injectable()
export class WhatsappStatusOrphansRepository {
  @GenerateSql({ params: [{ ...KEY, status: 'delivered', errorCode: null, errorTitle: null }] })
  async record(
    db: Db,
    orphan: OrphanStatus & { organizationId: string; instanceId: string; providerMessageId: string },
  ): Promise<void> {
    await db.run(
      qb.insertInto('whatsapp_status_orphans').values({
        organization_id: orphan.organizationId,
        instance_id: orphan.instanceId,
        provider_message_id: orphan.providerMessageId,
        status: orphan.status,
        error_code: orphan.errorCode,
        error_title: orphan.errorTitle?.slice(0, 512) ?? null,
      }),
      { prepare: 'whatsapp_status_orphans.record' },
    );
  }

  /** Removes and answers the statuses kept for this provider id, oldest first. */
  @GenerateSql({ params: [KEY] })
  async take(
    db: Db,
    key: { organizationId: string; instanceId: string; providerMessageId: string },
  ): Promise<OrphanStatus[]> {
    const rows = await db.all(
      qb
        .deleteFrom('whatsapp_status_orphans')
        .where('organization_id', '=', key.organizationId)
        .where('instance_id', '=', key.instanceId)
        .where('provider_message_id', '=', key.providerMessageId)
        .returning(['status', 'error_code as errorCode', 'error_title as errorTitle', 'created_at as createdAt']),
      { prepare: 'whatsapp_status_orphans.take' },
    );
    return rows
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .map(({ status, errorCode, errorTitle }) => ({ status, errorCode, errorTitle }));
  }

  /** Forgets statuses older than `before`: those of messages sent elsewhere, which no reply will ever claim. */
  @GenerateSql({ params: [{ before: DummyValue.DATE }], crossTenant: 'housekeeping of every organization' })
  async purge(db: Db, { before }: { before: Date }): Promise<number> {
    return db.run(qb.deleteFrom('whatsapp_status_orphans').where('created_at', '<', before));
  }
}
