import type { WebhookEventType } from '@whatrack/shared';
import { Column, Entity } from 'typeorm';
import { TenantEntity } from '../../../common/entities/tenant.entity';

/**
 * A third party's endpoint and the events it wants. The signing secret is generated here, shown once, and kept only
 * encrypted (TokenCipher). The database trigger of migration Webhooks queues a delivery per matching subscription in
 * the transaction of the ticket, message or sale write.
 */
@Entity('webhook_subscriptions')
export class WebhookSubscription extends TenantEntity {
  @Column({ type: 'varchar', length: 2048 })
  url: string;

  @Column({ type: 'text', array: true })
  events: WebhookEventType[];

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'text' })
  secretEncrypted: string;
}
