import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TenantEntity } from '../../../common/entities/tenant.entity';
import { tenantJoin } from '../../../common/entities/tenant-join';
import { WhatsappMessage } from '../../conversations/entities/whatsapp-message.entity';
import { WhatsappInstance } from '../../whatsapp-instances/entities/whatsapp-instance.entity';

export const MEDIA_STATUSES = ['pending', 'stored', 'failed', 'refused'] as const;
export type MediaStatus = (typeof MEDIA_STATUSES)[number];

/**
 * The file of a media message (image, audio, video, document, sticker) and its download job: pending until the
 * media worker has fetched it from the provider and put it in the media store (stored), refused when over the size
 * limit or of a type not kept, failed after the last retry. One per message: a redelivered webhook finds it there.
 */
@Entity('whatsapp_media')
@Check('CHK_whatsapp_media_status', `status IN ('pending', 'stored', 'failed', 'refused')`)
@Index('UQ_whatsapp_media_org_message', ['organizationId', 'messageId'], { unique: true })
@Index('IDX_whatsapp_media_due', ['nextAttemptAt'], { where: `status = 'pending'` })
export class WhatsappMedia extends TenantEntity {
  @Column({ type: 'uuid' })
  messageId: string;

  @ManyToOne(() => WhatsappMessage, { onDelete: 'CASCADE' })
  @JoinColumn(tenantJoin('message_id'))
  message?: Relation<WhatsappMessage>;

  @Column({ type: 'uuid' })
  instanceId: string;

  @ManyToOne(() => WhatsappInstance, { onDelete: 'CASCADE' })
  @JoinColumn(tenantJoin('instance_id'))
  instance?: Relation<WhatsappInstance>;

  /** image, audio, video, document, sticker. */
  @Column({ type: 'varchar', length: 16 })
  kind: string;

  /** Cloud API: the media id to ask the Graph API for. Evolution: null (the message's key finds the file). */
  @Column({ type: 'varchar', length: 128, nullable: true })
  sourceMediaId: string | null;

  /** Evolution with webhook_base64 on: the stored webhook event whose body carries the file (message.base64). */
  @Column({ type: 'uuid', nullable: true })
  webhookEventId: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  mimeType: string | null;

  /** A document's name as the sender gave it (shown and offered on download; never used as a storage key). */
  @Column({ type: 'varchar', length: 255, nullable: true })
  fileName: string | null;

  /** Hex SHA-256 of the stored bytes (what the provider announced until then). */
  @Column({ type: 'varchar', length: 128, nullable: true })
  sha256: string | null;

  @Column({ type: 'bigint', nullable: true })
  sizeBytes: string | null;

  /** An audio recorded as a voice note (Cloud API voice, Evolution ptt). */
  @Column({ type: 'boolean', default: false })
  voice: boolean;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: MediaStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  /** Until when a worker's claim holds (renewed while it downloads); past it the row is due again. */
  @Column({ type: 'timestamptz', nullable: true })
  leaseUntil: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  /** Where the bytes are in the media store: `<organization id>/<yyyy>/<mm>/<uuid>`. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  storageKey: string | null;
}
