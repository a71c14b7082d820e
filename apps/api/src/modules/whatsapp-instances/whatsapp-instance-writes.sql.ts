import { sql } from 'kysely';
import { qb } from '../../database/query-builder';
import {
  INSTANCE_COLUMNS,
  type NewWhatsappInstanceRow,
  type Typed,
  type WhatsappInstancePatch,
} from './whatsapp-instance.rows';

/** The writes of WhatsappInstancesRepository (built here to keep the repository short). */

export function insertInstanceQuery(row: NewWhatsappInstanceRow) {
  return qb
    .insertInto('whatsapp_instances')
    .values({
      organization_id: row.organizationId,
      name: row.name,
      phone_number: row.phoneNumber,
      provider: row.provider,
      provider_phone_number_id: row.providerPhoneNumberId,
      provider_business_account_id: row.providerBusinessAccountId,
      webhook_token: row.webhookToken,
      api_url: row.apiUrl,
      api_key_encrypted: row.apiKeyEncrypted,
    })
    .returning(INSTANCE_COLUMNS)
    .$narrowType<Typed>();
}

/** Writes the given columns (undefined ones are left out) and updated_at. */
export function updateInstanceQuery(organizationId: string, id: string, patch: WhatsappInstancePatch) {
  return qb
    .updateTable('whatsapp_instances')
    .set({
      name: patch.name,
      phone_number: patch.phoneNumber,
      provider_phone_number_id: patch.providerPhoneNumberId,
      provider_business_account_id: patch.providerBusinessAccountId,
      access_token_encrypted: patch.accessTokenEncrypted,
      verified_at: patch.verifiedAt,
      api_url: patch.apiUrl,
      api_key_encrypted: patch.apiKeyEncrypted,
      updated_at: sql<Date>`CURRENT_TIMESTAMP`,
    })
    .where('whatsapp_instances.organization_id', '=', organizationId)
    .where('whatsapp_instances.id', '=', id)
    .returning(INSTANCE_COLUMNS)
    .$narrowType<Typed>();
}
