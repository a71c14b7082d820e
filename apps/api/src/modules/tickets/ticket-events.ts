import type { TicketEventType } from '@whatrack/shared';
import type { EntityManager } from 'typeorm';
import type { AuthContext } from '../../common/auth/auth-context';
import { TicketEvent } from './entities/ticket-event.entity';

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
  const event = m.create(TicketEvent, {
    organizationId,
    ticketId,
    type,
    actorType: actor.type,
    actorId: actor.id,
    actorName: actor.name,
    before,
    after,
  });
  await m.save(TicketEvent, event);
}
