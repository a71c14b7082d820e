import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TenantEntity } from '../../../common/entities/tenant.entity';
import { TicketStage } from '../../stages/entities/ticket-stage.entity';

/** An organization's Meta Conversions API (business messaging) settings: one row per organization. */
@Entity('meta_settings')
@Index('UQ_meta_settings_org', ['organizationId'], { unique: true })
export class MetaSettings extends TenantEntity {
  @Column({ type: 'boolean', default: false })
  enabled: boolean;

  /** Meta dataset (pixel) id the events are sent to. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  datasetId: string | null;

  /** The Conversions API access token, AES-256-GCM encrypted with ENCRYPTION_KEY; never returned by the API. */
  @Column({ type: 'text', nullable: true })
  accessTokenEncrypted: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  whatsappBusinessAccountId: string | null;

  /** Overrides META_GRAPH_API_BASE_URL; null uses it. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  graphApiBaseUrl: string | null;

  /** Optional stage rule: a ticket entering this stage is a conversion named stageEventName. */
  @Column({ type: 'uuid', nullable: true })
  stageEventStageId: string | null;

  @ManyToOne(() => TicketStage, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'stage_event_stage_id' })
  stageEventStage?: Relation<TicketStage>;

  @Column({ type: 'varchar', length: 64, nullable: true })
  stageEventName: string | null;
}
