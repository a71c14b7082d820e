import type { TicketEventType } from '@whatrack/shared';
import type { EntityManager } from 'typeorm';
import type { AuthContext } from '../../common/auth/auth-context';
import { queryPrepared } from '../../common/sql/prepared-query';

export interface Actor {
  type: 'user' | 'api_key' | 'system';
  id: string | null;
  name: string | null;
}

export const SYSTEM_ACTOR: Actor = { type: 'system', id: null, name: 'WhaTrack' };

export function actorOf(auth: AuthContext): Actor {
  return auth.principal === 'user'
    ? { type: 'user', id: auth.userId, name: auth.actorName }
    : { type: 'api_key', id: auth.apiKeyId, name: auth.actorName };
}

/** Appends one entry to a ticket's activity timeline (inside the caller's transaction). */
export async function recordTicketEvent(
  m: EntityManager,
  organizationId: string,
  ticketId: string,
  actor: Actor,
  type: TicketEventType,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): Promise<void> {
  // Plain SQL: TypeORM's save() costs more CPU than the insert itself on the hot paths (create, update, sales).
  await queryPrepared(
    m,
    `INSERT INTO ticket_events (organization_id, ticket_id, type, actor_type, actor_id, actor_name, before, after)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [organizationId, ticketId, type, actor.type, actor.id, actor.name, jsonOrNull(before), jsonOrNull(after)],
  );
}

export function jsonOrNull(value: Record<string, unknown> | null): string | null {
  return value === null ? null : JSON.stringify(value);
}
