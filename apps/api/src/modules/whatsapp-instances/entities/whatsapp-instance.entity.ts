import { WhatsappProvider } from '@whatrack/shared';
import { Check, Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '../../../common/entities/tenant.entity';

@Entity('whatsapp_instances')
@Check('CHK_whatsapp_instances_provider', `provider IN ('cloud_api', 'evolution')`)
// Cloud API instances send with their access token through the server's Graph API: a URL or key there is a bug.
@Check(
  'CHK_whatsapp_instances_evolution_credentials',
  `provider = 'evolution' OR (api_url IS NULL AND api_key_encrypted IS NULL)`,
)
// A phone_number_id may be claimed by several organizations (registering one proves nothing, and refusing it would
// tell anyone which ids are taken), but only once per organization. The id leads so that this index also serves
// webhook routing, which looks claims up by phone_number_id alone.
@Index('UQ_whatsapp_instances_org_cloud_phone_number_id', ['providerPhoneNumberId', 'organizationId'], {
  unique: true,
  where: `provider = 'cloud_api'`,
})
// A claim verified with an access token the Graph API accepted for the id wins the webhooks: at most one exists.
@Index('UQ_whatsapp_instances_verified_cloud_phone_number_id', ['providerPhoneNumberId'], {
  unique: true,
  where: `provider = 'cloud_api' AND verified_at IS NOT NULL`,
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

  /**
   * Cloud API: the access token (TokenCipher, write-only) that proved control of providerPhoneNumberId; it will also
   * send replies. Set only together with verifiedAt.
   */
  @Column({ type: 'text', nullable: true, select: false })
  accessTokenEncrypted: string | null;

  /** Cloud API: when the Graph API last accepted accessToken for providerPhoneNumberId; null = unverified claim. */
  @Column({ type: 'timestamptz', nullable: true })
  verifiedAt: Date | null;

  /**
   * Evolution: base URL of the organization's Evolution server (replies go to {apiUrl}/message/sendText/...). Typed
   * by the organization, so it is checked to be a public address when saved and again at each connection.
   */
  @Column({ type: 'varchar', length: 2048, nullable: true })
  apiUrl: string | null;

  /** Evolution: the server's API key (header apikey), TokenCipher output; write-only. */
  @Column({ type: 'text', nullable: true, select: false })
  apiKeyEncrypted: string | null;
}
