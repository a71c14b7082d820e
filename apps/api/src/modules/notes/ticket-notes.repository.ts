import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import type { Db } from '../../database/db';
import { DummyValue, GenerateSql } from '../../database/generate-sql';
import { qb } from '../../database/query-builder';

export type NoteAuthorType = 'user' | 'api_key';

/** A note as the API reads it. */
export interface NoteRow {
  id: string;
  ticketId: string;
  text: string;
  authorType: NoteAuthorType;
  authorId: string;
  authorName: string;
  mentionedUserIds: string[];
  createdAt: Date;
}

export interface NewNote {
  organizationId: string;
  ticketId: string;
  text: string;
  authorType: NoteAuthorType;
  authorId: string;
  authorName: string;
  mentionedUserIds: string[];
}

export interface NotePage {
  organizationId: string;
  ticketId: string;
  order: 'asc' | 'desc';
  offset: number;
  limit: number;
}

const NOTE_COLUMNS = [
  'ticket_notes.id',
  'ticket_notes.ticket_id as ticketId',
  'ticket_notes.text',
  'ticket_notes.author_type as authorType',
  'ticket_notes.author_id as authorId',
  'ticket_notes.author_name as authorName',
  'ticket_notes.mentioned_user_ids as mentionedUserIds',
  'ticket_notes.created_at as createdAt',
] as const;

type Key = { organizationId: string; ticketId: string };

/**
 * The only SQL of ticket_notes. The realtime events of a note (note.created, note.deleted) come from a trigger on
 * this table (migration TicketNotes), at commit.
 */
@Injectable()
export class TicketNotesRepository {
  /**
   * Adds a note to a ticket of the organization, in one statement that reads the ticket: undefined when the
   * organization has no such ticket.
   */
  @GenerateSql({
    params: [
      {
        organizationId: DummyValue.UUID,
        ticketId: DummyValue.UUID2,
        text: 'Cliente pediu desconto, @Ana pode aprovar?',
        authorType: 'user',
        authorId: DummyValue.UUID,
        authorName: 'Bruno',
        mentionedUserIds: [DummyValue.UUID2],
      },
    ],
  })
  insert(db: Db, note: NewNote): Promise<NoteRow | undefined> {
    return db.first(
      qb
        .insertInto('ticket_notes')
        .columns([
          'organization_id',
          'ticket_id',
          'text',
          'author_type',
          'author_id',
          'author_name',
          'mentioned_user_ids',
        ])
        .expression(
          qb
            .selectFrom('tickets as t')
            .select([
              't.organization_id',
              't.id',
              sql<string>`${note.text}::text`.as('text'),
              sql<string>`${note.authorType}::varchar`.as('author_type'),
              sql<string>`${note.authorId}::uuid`.as('author_id'),
              sql<string>`${note.authorName}::varchar`.as('author_name'),
              sql<string[]>`${note.mentionedUserIds}::uuid[]`.as('mentioned_user_ids'),
            ])
            .where('t.organization_id', '=', note.organizationId)
            .where('t.id', '=', note.ticketId),
        )
        .returning(NOTE_COLUMNS)
        .$narrowType<{ authorType: NoteAuthorType }>(),
    );
  }

  /** How many notes the ticket has, or null when the organization has no such ticket. */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, ticketId: DummyValue.UUID2 }] })
  async countOfTicket(db: Db, { organizationId, ticketId }: Key): Promise<number | null> {
    const row = await db.first(
      qb
        .selectFrom('tickets as t')
        .select((eb) =>
          eb
            .selectFrom('ticket_notes as notes')
            .select(eb.fn.countAll<string>().as('count'))
            .where('notes.organization_id', '=', organizationId)
            .where('notes.ticket_id', '=', ticketId)
            .as('total'),
        )
        .where('t.organization_id', '=', organizationId)
        .where('t.id', '=', ticketId),
    );
    return row ? Number(row.total) : null;
  }

  /** A page of a ticket's notes by time (ties by id, which is time-ordered too) in the asked order. */
  @GenerateSql({
    params: [{ organizationId: DummyValue.UUID, ticketId: DummyValue.UUID2, order: 'asc', offset: 0, limit: 20 }],
  })
  page(db: Db, { organizationId, ticketId, order, offset, limit }: NotePage): Promise<NoteRow[]> {
    return db.all(
      qb
        .selectFrom('ticket_notes')
        .select(NOTE_COLUMNS)
        .$narrowType<{ authorType: NoteAuthorType }>()
        .where('ticket_notes.organization_id', '=', organizationId)
        .where('ticket_notes.ticket_id', '=', ticketId)
        .orderBy('ticket_notes.created_at', order)
        .orderBy('ticket_notes.id', order)
        .offset(offset)
        .limit(limit),
    );
  }

  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, ticketId: DummyValue.UUID2, id: DummyValue.UUID }] })
  find(db: Db, { organizationId, ticketId, id }: Key & { id: string }): Promise<NoteRow | undefined> {
    return db.first(
      qb
        .selectFrom('ticket_notes')
        .select(NOTE_COLUMNS)
        .$narrowType<{ authorType: NoteAuthorType }>()
        .where('ticket_notes.organization_id', '=', organizationId)
        .where('ticket_notes.ticket_id', '=', ticketId)
        .where('ticket_notes.id', '=', id),
    );
  }

  /** Answers whether the note was there to delete (a concurrent delete may have taken it). */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, ticketId: DummyValue.UUID2, id: DummyValue.UUID }] })
  async delete(db: Db, { organizationId, ticketId, id }: Key & { id: string }): Promise<boolean> {
    const deleted = await db.run(
      qb
        .deleteFrom('ticket_notes')
        .where('organization_id', '=', organizationId)
        .where('ticket_id', '=', ticketId)
        .where('id', '=', id),
    );
    return deleted > 0;
  }
}
