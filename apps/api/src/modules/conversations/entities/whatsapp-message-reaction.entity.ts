import { MessageDirection } from '@whatrack/shared';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TenantEntity } from '../../../common/entities/tenant.entity';
import { tenantJoin } from '../../../common/entities/tenant-join';
import { WhatsappInstance } from '../../whatsapp-instances/entities/whatsapp-instance.entity';

/**
 * The last reaction of each side (the lead: in, the business: out) to a message, keyed by the message's provider id
 * on the instance rather than by our id: a reaction that arrives before its message (or to one we never stored) is
 * kept, and shows on the message as soon as it is stored. A removed reaction keeps its row with no emoji, so a late
 * older delivery cannot bring it back.
 */
@Entity('whatsapp_message_reactions')
@Check('CHK_whatsapp_message_reactions_direction', `direction IN ('in', 'out')`)
@Index(
  'UQ_whatsapp_message_reactions_target',
  ['organizationId', 'instanceId', 'targetProviderMessageId', 'direction'],
  {
    unique: true,
  },
)
export class WhatsappMessageReaction extends TenantEntity {
  @Column({ type: 'uuid' })
  instanceId: string;

  @ManyToOne(() => WhatsappInstance, { onDelete: 'CASCADE' })
  @JoinColumn(tenantJoin('instance_id'))
  instance?: Relation<WhatsappInstance>;

  /** The provider's id of the message reacted to. */
  @Column({ type: 'varchar', length: 128 })
  targetProviderMessageId: string;

  @Column({ type: 'varchar', length: 3 })
  direction: MessageDirection;

  /** null: the reaction was removed. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  emoji: string | null;

  @Column({ type: 'timestamptz' })
  reactedAt: Date;

  /** The reaction's own provider id (a reaction is a message of its own on both providers). */
  @Column({ type: 'varchar', length: 128, nullable: true })
  providerMessageId: string | null;
}
