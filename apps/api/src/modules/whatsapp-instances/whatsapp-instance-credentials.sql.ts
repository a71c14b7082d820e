import { qb } from '../../database/query-builder';
import { statementTemplate } from '../../database/statement-template';
import type { Typed } from './whatsapp-instance.rows';

/**
 * What sending through an instance needs, secrets included (still encrypted): read per outbound message by the
 * sender, so built once. The only statement that reads api_key_encrypted.
 */
export const credentialsStatement = statementTemplate(
  ({ organizationId, id }: { organizationId: string; id: string }) =>
    qb
      .selectFrom('whatsapp_instances')
      .select((eb) => [
        'whatsapp_instances.id',
        'whatsapp_instances.organization_id as organizationId',
        'whatsapp_instances.provider',
        'whatsapp_instances.provider_phone_number_id as providerPhoneNumberId',
        'whatsapp_instances.provider_business_account_id as providerBusinessAccountId',
        'whatsapp_instances.access_token_encrypted as accessTokenEncrypted',
        eb('whatsapp_instances.verified_at', 'is not', null).$castTo<boolean>().as('verified'),
        'whatsapp_instances.api_url as apiUrl',
        'whatsapp_instances.api_key_encrypted as apiKeyEncrypted',
      ])
      .$narrowType<Typed>()
      .where('whatsapp_instances.organization_id', '=', organizationId)
      .where('whatsapp_instances.id', '=', id),
);
