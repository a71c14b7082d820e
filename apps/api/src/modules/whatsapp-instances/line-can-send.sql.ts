import { WhatsappProvider } from '@whatrack/shared';
import { sql } from 'kysely';

/**
 * Whether the instance aliased `i` holds what its provider needs to send (Cloud API: an access token; Evolution: an
 * API URL and key): the one rule behind a ticket's `canSend` and the check before a reply is accepted.
 */
export function lineCanSend() {
  return sql<boolean>`CASE WHEN i.provider = ${sql.lit(WhatsappProvider.CLOUD_API)}
    THEN i.access_token_encrypted IS NOT NULL
    ELSE i.api_url IS NOT NULL AND i.api_key_encrypted IS NOT NULL END`;
}
