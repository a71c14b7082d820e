/**
 * SQL selecting the Cloud API instance (id, organization_id) that receives the deliveries of the phone_number_id in
 * parameter `param`: the claim verified with an access token if there is one, else the only claim. With two or more
 * unverified claims it selects nothing, so the event is stored unroutable and no organization receives another's
 * messages (anyone may claim any id; only the Graph API can tell who controls it). Intake and processing share it so
 * that they always agree.
 *
 * `provider = 'cloud_api'` is written as a literal so the planner can use the partial unique index on
 * (provider_phone_number_id, organization_id) even with the generic plan of a prepared statement.
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
