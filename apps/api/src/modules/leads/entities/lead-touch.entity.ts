import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TenantEntity } from '../../../common/entities/tenant.entity';
import { tenantJoin } from '../../../common/entities/tenant-join';
import { Ticket } from '../../tickets/entities/ticket.entity';
import { Lead } from './lead.entity';

export type LeadTouchKind = 'ctwa_referral' | 'tracking_link';

/**
 * Every time a lead arrived through something we can attribute: a Click-to-WhatsApp referral on a message, or a
 * tracking-link click found in one. One row per touch, the one that opened a ticket included, so a returning lead's
 * new ad click is never lost; first/last-touch reports read it by (organization_id, lead_id, touched_at).
 * `ticket_id` is the ticket the touch was filed on (the open ticket of the conversation, or the one it opened).
 */
@Entity('lead_touches')
@Check('CHK_lead_touches_kind', `kind IN ('ctwa_referral', 'tracking_link')`)
@Index('IDX_lead_touches_org_lead_touched', ['organizationId', 'leadId', 'touchedAt'])
@Index('IDX_lead_touches_org_ticket_touched', ['organizationId', 'ticketId', 'touchedAt'])
export class LeadTouch extends TenantEntity {
  @Column({ type: 'uuid' })
  leadId: string;

  @ManyToOne(() => Lead, { onDelete: 'CASCADE' })
  @JoinColumn(tenantJoin('lead_id'))
  lead?: Relation<Lead>;

  @Column({ type: 'uuid', nullable: true })
  ticketId: string | null;

  @ManyToOne(() => Ticket, { onDelete: 'CASCADE' })
  @JoinColumn(tenantJoin('ticket_id'))
  ticket?: Relation<Ticket>;

  @Column({ type: 'varchar', length: 16 })
  kind: LeadTouchKind;

  /** ad_platforms.key: meta_ads for a referral (ad or post); null for a tracking link (its click ids say it). */
  @Column({ type: 'varchar', length: 32, nullable: true })
  platformKey: string | null;

  /** A referral's source_type as the provider sends it: 'ad' (paid) or 'post' (organic). */
  @Column({ type: 'varchar', length: 16, nullable: true })
  sourceType: string | null;

  /** Click ids by identifier type key (ctwaclid, gclid, fbclid...). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  clickIds: Record<string, string>;

  @Column({ type: 'varchar', length: 255, nullable: true })
  adId: string | null;

  @Column({ type: 'text', nullable: true })
  sourceUrl: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  headline: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  utmSource: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  utmMedium: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  utmCampaign: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  utmTerm: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  utmContent: string | null;

  /** When the lead touched: the message's sent time. */
  @Column({ type: 'timestamptz' })
  touchedAt: Date;

  /** The message that carried the touch. */
  @Column({ type: 'varchar', length: 128, nullable: true })
  providerMessageId: string | null;
}
