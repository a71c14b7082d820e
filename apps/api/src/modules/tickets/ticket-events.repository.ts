import { Injectable } from '@nestjs/common';
import { TicketEventType } from '@whatrack/shared';
import type { Db } from '../../database/db';
import { DummyValue, GenerateSql } from '../../database/generate-sql';
import { qb } from '../../database/query-builder';
import { type LeadScope, leadTicketIds } from '../leads/lead-scope.sql';

export interface Actor {
  type: 'user' | 'api_key' | 'system';
  id: string | null;
  name: string | null;
}

export interface NewTicketEvent {
  organizationId: string;
  ticketId: string;
  actor: Actor;
  type: TicketEventType;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export function jsonOrNull(value: Record<string, unknown> | null): string | null {
  return value === null ? null : JSON.stringify(value);
}

/**
 * The SQL of ticket_events (the activity timeline) outside the ticket screen's read. A ticket's "created" event is
 * written by TicketsRepository.create, in the statement that inserts the ticket.
 */
@Injectable()
export class TicketEventsRepository {
  /** Appends one entry to a ticket's timeline (hot: create, update, sales; hence prepared). */
  @GenerateSql({
    params: [
      {
        organizationId: DummyValue.UUID,
        ticketId: DummyValue.UUID2,
        actor: { type: 'user', id: DummyValue.UUID, name: 'Ana' },
        type: TicketEventType.ASSIGNED,
        before: { assigneeId: null },
        after: { assigneeId: DummyValue.UUID },
      },
    ],
  })
  async record(db: Db, event: NewTicketEvent): Promise<void> {
    await db.run(
      qb.insertInto('ticket_events').values({
        organization_id: event.organizationId,
        ticket_id: event.ticketId,
        type: event.type,
        actor_type: event.actor.type,
        actor_id: event.actor.id,
        actor_name: event.actor.name,
        before: jsonOrNull(event.before),
        after: jsonOrNull(event.after),
      }),
      { prepare: 'ticket_events.record' },
    );
  }

  /** The timeline of the lead's tickets, in order (the privacy export). */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, leadId: DummyValue.UUID2 }] })
  listOfLead(db: Db, scope: LeadScope) {
    return db.all(
      qb
        .selectFrom('ticket_events')
        .select([
          'id',
          'ticket_id as ticketId',
          'type',
          'actor_type as actorType',
          'actor_name as actorName',
          'before',
          'after',
          'created_at as createdAt',
        ])
        .where('organization_id', '=', scope.organizationId)
        .where('ticket_id', 'in', leadTicketIds(scope))
        .orderBy('ticket_id')
        .orderBy('seq'),
    );
  }
}
