import type { WhatsappProvider } from '@whatrack/shared';
import { sql } from 'kysely';
import { qb } from '../../database/query-builder';
import { statementTemplate } from '../../database/statement-template';
import { dueRowIds, leaseSet, type LeaseWindow } from '../../common/jobs/leased-jobs.sql';
import type { MediaStatus } from './entities/whatsapp-media.entity';

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
