import { WhatsappProvider } from '@whatrack/shared';
import { Check, Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '../../../common/entities/tenant.entity';

@Entity('whatsapp_instances')
@Check('CHK_whatsapp_instances_provider', `provider IN ('cloud_api', 'evolution')`)
// Meta routes webhooks by phone_number_id: it must identify exactly one instance across all organizations.
@Index('UQ_whatsapp_instances_cloud_phone_number_id', ['providerPhoneNumberId'], {
  unique: true,
  where: `provider = 'cloud_api'`,
})
export class WhatsappInstance extends TenantEntity {
  @Column({ type: 'varchar', length: 120 })
  name: string;

  /** E.164 number of the business line. */
  @Column({ type: 'varchar', length: 20 })
  phoneNumber: string;

  @Column({ type: 'varchar', length: 16 })
  provider: WhatsappProvider;

  /** Cloud API: phone_number_id. Evolution: the instance name on the gateway. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  providerPhoneNumberId: string | null;

  /** Secret that Evolution sends (header apikey or ?token=) to authenticate its webhooks; generated at creation. */
  @Column({ type: 'varchar', length: 64, nullable: true, select: false })
  webhookToken: string | null;

  /** Cloud API: WhatsApp Business Account id. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  providerBusinessAccountId: string | null;
}
