import { WhatsappProvider } from '@whatrack/shared';
import { sql } from 'kysely';
import { qb } from '../../database/query-builder';

/** The provider as a literal, as the partial unique indexes' predicate is written (a constant, never input). */
const CLOUD_API = sql.lit<string>(WhatsappProvider.CLOUD_API);

/**
 * The statements of WhatsappInstancesRepository about Cloud API claims of a phone_number_id (built here to keep the
 * repository short). They read the encrypted access token only to say whether it is there, except storedAccessToken.
 */

/**
 * An instance's webhook secret (for managers only), whether it holds its provider credentials (never them), and how
 * it stands as a claim of its phone_number_id.
 */
export function instanceStatesQuery(organizationId: string, ids: readonly string[], withWebhookToken: boolean) {
  return qb
    .selectFrom('whatsapp_instances as i')
    .select((eb) => [
      'i.id',
      eb
        .case()
        .when(sql<boolean>`${withWebhookToken}::boolean`)
        .then(eb.ref('i.webhook_token'))
        .end()
        .as('webhookToken'),
      eb('i.access_token_encrypted', 'is not', null).$castTo<boolean>().as('hasAccessToken'),
      eb('i.api_key_encrypted', 'is not', null).$castTo<boolean>().as('hasApiKey'),
      eb('i.verified_at', 'is not', null).$castTo<boolean>().as('verified'),
      eb
        .and([
          eb('i.provider', '=', CLOUD_API),
          eb('i.verified_at', 'is', null),
          eb.exists(
            eb
              .selectFrom('whatsapp_instances as v')
              .select(sql`1`.as('one'))
              .where('v.provider', '=', CLOUD_API)
              .whereRef('v.provider_phone_number_id', '=', 'i.provider_phone_number_id')
              .where('v.verified_at', 'is not', null),
          ),
        ])
        .$castTo<boolean>()
        .as('conflicting'),
    ])
    .where('i.organization_id', '=', organizationId)
    .where('i.id', '=', sql<string>`ANY(${ids}::uuid[])`);
}

/** The encrypted access token of an instance (a column read nowhere else). */
export function storedAccessTokenQuery(organizationId: string, id: string) {
  return qb
    .selectFrom('whatsapp_instances')
    .select(['whatsapp_instances.id', 'whatsapp_instances.access_token_encrypted as accessTokenEncrypted'])
    .where('whatsapp_instances.organization_id', '=', organizationId)
    .where('whatsapp_instances.id', '=', id)
    .limit(1);
}

/** Whether another instance (necessarily of another organization) verified the phone_number_id. */
export function verifiedElsewhereQuery(phoneNumberId: string, exceptId: string) {
  return qb.selectNoFrom((eb) =>
    eb
      .exists(
        eb
          .selectFrom('whatsapp_instances')
          .select('whatsapp_instances.id')
          .where('whatsapp_instances.provider', '=', CLOUD_API)
          .where('whatsapp_instances.provider_phone_number_id', '=', phoneNumberId)
          .where('whatsapp_instances.verified_at', 'is not', null)
          .where('whatsapp_instances.id', '<>', exceptId),
      )
      .$castTo<boolean>()
      .as('verified'),
  );
}

/** Whether the organization already has a Cloud API claim of the id (other than `exceptId`). */
export function claimedInOrganizationQuery(
  organizationId: string,
  providerPhoneNumberId: string,
  exceptId: string | undefined,
) {
  return qb.selectNoFrom((eb) =>
    eb
      .exists(
        eb
          .selectFrom('whatsapp_instances as i')
          .select('i.id')
          .where('i.organization_id', '=', organizationId)
          .where('i.provider', '=', CLOUD_API)
          .where('i.provider_phone_number_id', '=', providerPhoneNumberId)
          .$if(exceptId !== undefined, (q) => q.where('i.id', '<>', exceptId!)),
      )
      .$castTo<boolean>()
      .as('claimed'),
  );
}
