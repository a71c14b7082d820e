import type { ApiKeyScope, UserRole } from '@whatrack/shared';

/** Who is calling, and for which organization. Every service method takes it and scopes by organizationId. */
export interface AuthContext {
  organizationId: string;
  principal: 'user' | 'api_key';
  /** The user, for JWT callers. */
  userId: string | null;
  /** The API key, for X-API-Key callers. */
  apiKeyId: string | null;
  /** A user's role; API keys act as agents within their scopes (they never manage users or keys). */
  role: UserRole;
  /** An API key's scopes (empty for users, whose role decides). */
  scopes: ApiKeyScope[];
  /** Shown in activity timelines. */
  actorName: string;
  /** When the credential stops being valid (a JWT's `exp`); null for API keys. Long-lived streams end then. */
  expiresAt?: Date | null;
}
