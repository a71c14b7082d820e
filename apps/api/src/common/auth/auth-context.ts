import type { UserRole } from '@whatrack/shared';

/** Who is calling, and for which organization. Every service method takes it and scopes by organizationId. */
export interface AuthContext {
  organizationId: string;
  principal: 'user' | 'api_key';
  /** The user, for JWT callers. */
  userId: string | null;
  /** The API key, for X-API-Key callers. */
  apiKeyId: string | null;
  /** A user's role; API keys act as agents (they cannot manage users or keys). */
  role: UserRole;
  /** Shown in activity timelines. */
  actorName: string;
}
