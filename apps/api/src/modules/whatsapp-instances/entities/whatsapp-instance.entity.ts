import { WhatsappProvider } from '@whatrack/shared';
import { Check, Column, Entity } from 'typeorm';
import { TenantEntity } from '../../../common/entities/tenant.entity';

@Entity('whatsapp_instances')
@Check('CHK_whatsapp_instances_provider', `provider IN ('cloud_api', 'evolution')`)
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

  /** Cloud API: WhatsApp Business Account id. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  providerBusinessAccountId: string | null;
}
