import type { WhatsappProvider } from '@whatrack/shared';
import { sql } from 'kysely';
import { qb } from '../../database/query-builder';
import { statementTemplate } from '../../database/statement-template';
import { dueRowIds, leaseSet, type LeaseWindow } from '../../common/jobs/leased-jobs.sql';
import type { MediaStatus } from './entities/whatsapp-media.entity';
import type { DetectedMedia } from './media-detect';

/** A claimed download: the media row, its message's provider id and key, and the line's (encrypted) credentials. */
export interface ClaimedMediaRow {
  id: string;
  attempts: number;
  organizationId: string;
  messageId: string;
  kind: string;
  sourceMediaId: string | null;
  webhookEventId: string | null;
  mimeType: string | null;
  fileName: string | null;
  sizeBytes: number | null;
  provider: WhatsappProvider;
  providerMessageId: string | null;
  /** Evolution: the message's `key` ({ remoteJid, fromMe, id }), which getBase64FromMediaMessage looks it up by. */
  messageKey: unknown;
  /** Cloud API: the line's access token; Evolution: its server and API key, and the instance name. */
  providerPhoneNumberId: string | null;
  accessTokenEncrypted: string | null;
  apiUrl: string | null;
  apiKeyEncrypted: string | null;
}

/**
 * Leases due downloads (pending, due, held by no live lease) with FOR UPDATE SKIP LOCKED, counting the attempt, with
 * what fetching them needs: one round trip per round.
 */
export const claimMedia = statementTemplate((window: LeaseWindow) =>
  qb
    .with('claimed', (q) =>
      q
        .updateTable('whatsapp_media as l')
        .set(leaseSet(window.until))
        .where('l.id', 'in', dueRowIds('whatsapp_media', window))
        .returning([
          'l.id',
          'l.attempts',
          'l.organization_id',
          'l.message_id',
          'l.instance_id',
          'l.kind',
          'l.source_media_id',
          'l.webhook_event_id',
          'l.mime_type',
          'l.file_name',
          'l.size_bytes',
        ]),
    )
    .selectFrom('claimed as c')
    .innerJoin('whatsapp_messages as m', (j) =>
      j.onRef('m.organization_id', '=', 'c.organization_id').onRef('m.id', '=', 'c.message_id'),
    )
    .innerJoin('whatsapp_instances as wi', (j) =>
      j.onRef('wi.organization_id', '=', 'c.organization_id').onRef('wi.id', '=', 'c.instance_id'),
    )
    .select([
      'c.id',
      'c.attempts',
      'c.organization_id as organizationId',
      'c.message_id as messageId',
      'c.kind',
      'c.source_media_id as sourceMediaId',
      'c.webhook_event_id as webhookEventId',
      'c.mime_type as mimeType',
      'c.file_name as fileName',
      'c.size_bytes as sizeBytes',
      sql<WhatsappProvider>`wi.provider`.as('provider'),
      'm.provider_message_id as providerMessageId',
      sql<unknown>`m.raw -> 'key'`.as('messageKey'),
      'wi.provider_phone_number_id as providerPhoneNumberId',
      'wi.access_token_encrypted as accessTokenEncrypted',
      'wi.api_url as apiUrl',
      'wi.api_key_encrypted as apiKeyEncrypted',
    ]),
);

/** The `media` of a message as the messages listing answers it (the listing LEFT JOINs whatsapp_media as md). */
export interface MessageMediaView {
  status: MediaStatus;
  mimeType: string | null;
  fileName: string | null;
  sizeBytes: number | null;
  voice: boolean;
  error: string | null;
}

/** The listing's `media` column: null for a message without a file. */
export const messageMediaColumn = sql<MessageMediaView | null>`CASE WHEN md.id IS NULL THEN NULL ELSE
  jsonb_build_object('status', md.status, 'mimeType', md.mime_type, 'fileName', md.file_name,
    'sizeBytes', md.size_bytes, 'voice', md.voice,
    'error', CASE WHEN md.status IN ('failed', 'refused') THEN md.last_error END) END`.as('media');

/** A stored message's file to download, found by the message's provider id. */
export interface MediaToQueue {
  organizationId: string;
  instanceId: string;
  providerMessageId: string;
  media: DetectedMedia;
  webhookEventId: string | null;
}

/** The download of the message's file, queued once (a redelivered webhook's conflict is a no-op). */
export function enqueueMediaQuery(p: MediaToQueue) {
  const m = p.media;
  return qb
    .insertInto('whatsapp_media')
    .columns([
      'organization_id',
      'message_id',
      'instance_id',
      'kind',
      'source_media_id',
      'webhook_event_id',
      'mime_type',
      'file_name',
      'sha256',
      'size_bytes',
      'voice',
    ])
    .expression(
      qb
        .selectFrom('whatsapp_messages')
        .select((eb) => [
          'organization_id',
          'id',
          'instance_id',
          eb.val(m.kind).as('kind'),
          sql<string | null>`${m.sourceMediaId}::varchar`.as('source_media_id'),
          sql<string | null>`${m.inline ? p.webhookEventId : null}::uuid`.as('webhook_event_id'),
          sql<string | null>`left(${m.mimeType}::varchar, 255)`.as('mime_type'),
          sql<string | null>`left(${m.fileName}::varchar, 255)`.as('file_name'),
          sql<string | null>`left(${m.sha256}::varchar, 128)`.as('sha256'),
          sql<number | null>`${m.sizeBytes}::bigint`.as('size_bytes'),
          sql<boolean>`${m.voice}::boolean`.as('voice'),
        ])
        .where('organization_id', '=', p.organizationId)
        .where('instance_id', '=', p.instanceId)
        .where('provider_message_id', '=', p.providerMessageId),
    )
    .onConflict((oc) => oc.columns(['organization_id', 'message_id']).doNothing());
}
