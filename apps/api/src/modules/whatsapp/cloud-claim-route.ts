import { type Expression, sql } from 'kysely';
import { qb } from '../../database/query-builder';

/**
 * The Cloud API instance (id, organization_id) that receives the deliveries of a phone_number_id: the claim verified
 * with an access token if there is one, else the only claim. With two or more unverified claims it selects nothing,
 * so the event is stored unroutable and no organization receives another's messages (anyone may claim any id; only
 * the Graph API can tell who controls it). Intake and processing share the rule so that they always agree.
 *
 * `provider = 'cloud_api'` is written as a literal so the planner can use the partial unique index on
 * (provider_phone_number_id, organization_id) even with the generic plan of a prepared statement.
 *
 * A read of whatsapp_instances that only ever runs inside a statement of webhook_events (intake's INSERT): it stays
 * with them, the one rule in one place.
 */
export function cloudClaimRouteQuery(phoneNumberId: Expression<string | null>) {
  return qb
    .selectFrom(
      qb
        .selectFrom('whatsapp_instances')
        .select((eb) => ['id', 'organization_id', 'verified_at', eb.fn.countAll<number>().over().as('claims')])
        .where('provider', '=', sql.lit('cloud_api'))
        .where('provider_phone_number_id', '=', phoneNumberId)
        .orderBy(sql`verified_at IS NULL`)
        .limit(sql.lit(1))
        .as('c'),
    )
    .select(['c.id', 'c.organization_id'])
    .where((eb) => eb.or([eb('c.verified_at', 'is not', null), eb('c.claims', '=', sql.lit(1))]));
}

/**
 * The same rule as SQL text, parameter `param` the phone_number_id, for the processing side's InstanceLookup (which
 * still runs text statements); it goes once that lookup builds its statement with cloudClaimRouteQuery.
 */
export function cloudClaimRoute(param: string): string {
  return `SELECT c.id, c.organization_id FROM (
      SELECT id, organization_id, verified_at, count(*) OVER () AS claims
      FROM whatsapp_instances
      WHERE provider = 'cloud_api' AND provider_phone_number_id = ${param}
      ORDER BY verified_at IS NULL
      LIMIT 1) c
    WHERE c.verified_at IS NOT NULL OR c.claims = 1`;
}
