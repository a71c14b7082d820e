import { WhatsappProvider } from '@whatrack/shared';
import { type EntityManager, IsNull, Not } from 'typeorm';
import { WhatsappInstance } from './entities/whatsapp-instance.entity';

/**
 * What the API shows of an instance beyond its columns: its webhook secret (for managers) and how it stands as a
 * claim of its phone_number_id (never the access token itself).
 */
export interface InstanceState {
  id: string;
  /** Only when asked for (managers): the Evolution webhook secret. */
  webhookToken: string | null;
  hasAccessToken: boolean;
  verified: boolean;
  /** An unverified Cloud API claim of an id that another organization verified: its deliveries go there. */
  conflicting: boolean;
}

interface InstanceStateRow {
  id: string;
  webhook_token: string | null;
  has_access_token: boolean;
  verified: boolean;
  conflicting: boolean;
}

/** The states of some of an organization's instances, in one query. */
export async function instanceStates(
  m: EntityManager,
  organizationId: string,
  ids: string[],
  withWebhookToken: boolean,
): Promise<Map<string, InstanceState>> {
  if (ids.length === 0) return new Map();
  const rows = await m.query<InstanceStateRow[]>(
    `SELECT i.id, CASE WHEN $3::boolean THEN i.webhook_token END AS webhook_token,
       i.access_token_encrypted IS NOT NULL AS has_access_token, i.verified_at IS NOT NULL AS verified,
       (i.provider = 'cloud_api' AND i.verified_at IS NULL AND EXISTS (
         SELECT 1 FROM whatsapp_instances v
         WHERE v.provider = 'cloud_api' AND v.provider_phone_number_id = i.provider_phone_number_id
           AND v.verified_at IS NOT NULL)) AS conflicting
     FROM whatsapp_instances i
     WHERE i.organization_id = $1 AND i.id = ANY($2::uuid[])`,
    [organizationId, ids, withWebhookToken],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        webhookToken: r.webhook_token,
        hasAccessToken: r.has_access_token,
        verified: r.verified,
        conflicting: r.conflicting,
      },
    ]),
  );
}

/** The encrypted access token of an instance (a column never selected by default), or null. */
export async function storedAccessToken(m: EntityManager, organizationId: string, id: string): Promise<string | null> {
  const row = await m.findOne(WhatsappInstance, {
    select: { id: true, accessTokenEncrypted: true },
    where: { organizationId, id },
  });
  return row?.accessTokenEncrypted ?? null;
}

/** Whether another instance (necessarily of another organization: ids are unique per organization) verified the id. */
export function verifiedElsewhere(m: EntityManager, phoneNumberId: string, exceptId: string): Promise<boolean> {
  return m.existsBy(WhatsappInstance, {
    provider: WhatsappProvider.CLOUD_API,
    providerPhoneNumberId: phoneNumberId,
    verifiedAt: Not(IsNull()),
    id: Not(exceptId),
  });
}
