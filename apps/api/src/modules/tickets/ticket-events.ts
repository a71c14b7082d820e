import type { TicketEventType } from '@whatrack/shared';
import type { Db } from '../../database/db';
import type { AuthContext } from '../../common/auth/auth-context';
import { type Actor, TicketEventsRepository } from './ticket-events.repository';

export { type Actor, jsonOrNull } from './ticket-events.repository';

export const SYSTEM_ACTOR: Actor = { type: 'system', id: null, name: 'WhaTrack' };

export function actorOf(auth: AuthContext): Actor {
  return auth.principal === 'user'
    ? { type: 'user', id: auth.userId, name: auth.actorName }
    : { type: 'api_key', id: auth.apiKeyId, name: auth.actorName };
}

const events = new TicketEventsRepository();

/**
 * Appends one entry to a ticket's activity timeline (inside the caller's transaction).
 * TEMPORARY (issue #11): the old positional signature, for sales.service.ts until its helper calls
 * TicketEventsRepository.record with a Db. Remove then.
 */
export async function recordTicketEvent(
  db: Db,
  organizationId: string,
  ticketId: string,
  actor: Actor,
  type: TicketEventType,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): Promise<void> {
  await events.record(db, { organizationId, ticketId, actor, type, before, after });
}
