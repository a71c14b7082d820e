import { API_KEY_SCOPES, ApiKeyScope } from '@whatrack/shared';

/** New keys default to what a website form needs; the API uses the same default. */
export const DEFAULT_API_KEY_SCOPE = ApiKeyScope.TICKETS;

/** The widest scope of a key: each scope includes the lower ones, so it alone says what the key may do. */
export function highestScope(scopes: readonly string[]): ApiKeyScope | undefined {
  return [...API_KEY_SCOPES].reverse().find((scope) => scopes.includes(scope));
}
