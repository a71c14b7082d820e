import { WhatsappProvider } from '@whatrack/shared';
import { type Expression, sql } from 'kysely';
import { qb } from '../../database/query-builder';
import { statementTemplate } from '../../database/statement-template';

/** The statements of WhatsappInstancesRepository that route webhooks to an instance (before any tenant is known). */

const CLOUD_API = sql.lit<string>(WhatsappProvider.CLOUD_API);

/**
 * The Cloud API instance (id, organizationId) that receives the deliveries of a phone_number_id: the claim verified
 * with an access token if there is one, else the only claim; with two or more unverified claims, nothing (the event
 * stays unroutable, so no organization receives another's messages). Intake (a subquery of its INSERT) and processing
 * (InstanceLookup) share it, so they always agree. `provider` is a literal so the partial unique
 * index serves even a prepared statement's generic plan.
 */
export function cloudClaimRouteQuery(phoneNumberId: string | Expression<string | null>) {
  return qb
    .selectFrom((eb) =>
      eb
        .selectFrom('whatsapp_instances')
        .select((s) => [
          'whatsapp_instances.id',
          'whatsapp_instances.organization_id',
          'whatsapp_instances.verified_at',
          s.fn.countAll<number>().over().as('claims'),
        ])
        .where('whatsapp_instances.provider', '=', CLOUD_API)
        .where('whatsapp_instances.provider_phone_number_id', '=', phoneNumberId)
        .orderBy((o) => o('whatsapp_instances.verified_at', 'is', null))
        .limit(sql<number>`1`)
        .as('c'),
    )
    .select(['c.id', 'c.organization_id as organizationId'])
    .where((eb) => eb.or([eb('c.verified_at', 'is not', null), eb('c.claims', '=', eb.lit(1))]));
}

/** cloudClaimRouteQuery of a phone_number_id parameter, built once. */
export const cloudRouteStatement = statementTemplate(({ phoneNumberId }: { phoneNumberId: string }) =>
  cloudClaimRouteQuery(phoneNumberId),
);

/** An Evolution instance by its id (globally unique), with the secret its webhooks must present. */
export function evolutionWebhookAuthQuery(id: string) {
  return qb
    .selectFrom('whatsapp_instances')
    .select([
      'whatsapp_instances.id',
      'whatsapp_instances.organization_id as organizationId',
      'whatsapp_instances.webhook_token as webhookToken',
    ])
    .where('whatsapp_instances.id', '=', id)
    .where('whatsapp_instances.provider', '=', sql.lit<string>(WhatsappProvider.EVOLUTION))
    .limit(sql<number>`1`);
}
