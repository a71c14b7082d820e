import { Injectable } from '@nestjs/common';
import { ApiKeyScope, scopeAllows, UserRole } from '@whatrack/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../../common/errors/domain-errors';
import { pageOffset } from '../../common/pagination/page-query.dto';
import { Db } from '../../database/db';
import { UsersRepository } from '../users/users.repository';
import type { CreateNoteDto } from './dto/create-note.dto';
import type { NoteQueryDto } from './dto/note-query.dto';
import { NOTE_AUTHOR_NAME_MAX_LENGTH } from './entities/ticket-note.entity';
import { type NoteRow, TicketNotesRepository } from './ticket-notes.repository';

/**
 * Internal notes of a ticket. A note is the team's own text: nothing here reaches the WhatsApp send path (the
 * outbox and the senders live in the replies module, which this one does not import). Mentioned users are told
 * through the realtime stream (note.created, from a trigger at commit), where each client sees whether it is named.
 */
@Injectable()
export class NotesService {
  constructor(
    private readonly db: Db,
    private readonly notes: TicketNotesRepository,
    private readonly users: UsersRepository,
  ) {}

  async create(auth: AuthContext, ticketId: string, dto: CreateNoteDto): Promise<NoteRow> {
    const organizationId = auth.organizationId;
    const mentionedUserIds = dto.mentionedUserIds ?? [];
    if (mentionedUserIds.length > 0) {
      // Ids of another organization's users read the same as unknown ones: nothing tells them apart.
      const found = await this.users.namesByIds(this.db, { organizationId, ids: mentionedUserIds });
      const known = new Set(found.map((user) => user.id));
      const unknown = mentionedUserIds.find((id) => !known.has(id));
      if (unknown !== undefined) {
        throw InvalidInputError.field(
          'mentionedUserIds',
          `${unknown} is not a user of the organization`,
          'unknown_user',
        );
      }
    }
    const note = await this.notes.insert(this.db, {
      organizationId,
      ticketId,
      text: dto.text,
      // An API key writes under its own name (as the activity timeline shows it), never as a user it does not know.
      authorType: auth.principal,
      authorId: (auth.principal === 'user' ? auth.userId : auth.apiKeyId)!,
      // An API key's actor name is "API key <name>", which a 120-character key name would push past the column.
      authorName: auth.actorName.slice(0, NOTE_AUTHOR_NAME_MAX_LENGTH),
      mentionedUserIds,
    });
    if (!note) throw NotFoundError.of('Ticket', ticketId);
    return note;
  }

  async list(auth: AuthContext, ticketId: string, query: NoteQueryDto): Promise<{ items: NoteRow[]; total: number }> {
    const key = { organizationId: auth.organizationId, ticketId };
    const total = await this.notes.countOfTicket(this.db, key);
    if (total === null) throw NotFoundError.of('Ticket', ticketId);
    const items = await this.notes.page(this.db, {
      ...key,
      order: query.order,
      offset: pageOffset(query),
      limit: query.pageSize,
    });
    return { items, total };
  }

  /** Its author may delete a note, and so may owners and admins (and API keys with the admin scope). */
  async remove(auth: AuthContext, ticketId: string, id: string): Promise<void> {
    const key = { organizationId: auth.organizationId, ticketId, id };
    const note = await this.notes.find(this.db, key);
    if (!note) throw NotFoundError.of('Note', id);
    if (!mayDelete(auth, note)) {
      throw new ForbiddenError('Only the author, an owner or an admin can delete a note', undefined, 'not_note_author');
    }
    if (!(await this.notes.delete(this.db, key))) throw NotFoundError.of('Note', id);
  }
}

function mayDelete(auth: AuthContext, note: NoteRow): boolean {
  if (auth.principal === 'user') {
    if (note.authorType === 'user' && note.authorId === auth.userId) return true;
    return auth.role === UserRole.OWNER || auth.role === UserRole.ADMIN;
  }
  if (note.authorType === 'api_key' && note.authorId === auth.apiKeyId) return true;
  return scopeAllows(auth.scopes, ApiKeyScope.ADMIN);
}
