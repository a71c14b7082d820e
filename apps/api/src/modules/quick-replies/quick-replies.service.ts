import { Injectable } from '@nestjs/common';
import { QUICK_REPLY_VARIABLES, unknownQuickReplyVariables } from '@whatrack/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { Clock } from '../../common/clock/clock';
import { ConflictError, InvalidInputError, NotFoundError, UnprocessableError } from '../../common/errors/domain-errors';
import { Db } from '../../database/db';
import type { CreateQuickReplyDto } from './dto/create-quick-reply.dto';
import type { UpdateQuickReplyDto } from './dto/update-quick-reply.dto';
import { type QuickReplyFields, type QuickReplyRow, QuickRepliesRepository } from './quick-replies.repository';

/** The composer loads every quick reply of the organization at once: the cap keeps that list small. */
export const MAX_QUICK_REPLIES = 500;

const UNIQUE_SHORTCUT = 'UQ_quick_replies_org_shortcut';

@Injectable()
export class QuickRepliesService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly quickReplies: QuickRepliesRepository,
  ) {}

  list(auth: AuthContext): Promise<QuickReplyRow[]> {
    return this.quickReplies.list(this.db, { organizationId: auth.organizationId });
  }

  create(auth: AuthContext, dto: CreateQuickReplyDto): Promise<QuickReplyRow> {
    const organizationId = auth.organizationId;
    assertKnownVariables(dto.text);
    return withShortcutConflict(dto.shortcut, () =>
      this.db.transaction(async (tx) => {
        if ((await this.quickReplies.count(tx, { organizationId })) >= MAX_QUICK_REPLIES) {
          throw new UnprocessableError(
            `An organization has at most ${MAX_QUICK_REPLIES} quick replies: delete one first`,
            undefined,
            'quick_reply_limit_reached',
          );
        }
        await this.assertShortcutFree(tx, organizationId, dto.shortcut);
        return this.quickReplies.insert(tx, { organizationId }, fieldsOf(dto));
      }),
    );
  }

  update(auth: AuthContext, id: string, dto: UpdateQuickReplyDto): Promise<QuickReplyRow> {
    const organizationId = auth.organizationId;
    if (dto.text !== undefined) assertKnownVariables(dto.text);
    return withShortcutConflict(dto.shortcut ?? '', () =>
      this.db.transaction(async (tx) => {
        const current = await this.get(tx, organizationId, id);
        const changes: Partial<QuickReplyFields> = {};
        if (dto.shortcut !== undefined && dto.shortcut !== current.shortcut) {
          await this.assertShortcutFree(tx, organizationId, dto.shortcut, id);
          changes.shortcut = dto.shortcut;
        }
        if (dto.title !== undefined && dto.title !== current.title) changes.title = dto.title;
        if (dto.text !== undefined && dto.text !== current.text) changes.text = dto.text;
        // Nothing changed: no write, so updated_at keeps saying when the quick reply last changed.
        if (Object.keys(changes).length === 0) return current;
        const saved = await this.quickReplies.update(tx, { organizationId, id, at: this.clock.now() }, changes);
        if (!saved) throw NotFoundError.of('Quick reply', id);
        return saved;
      }),
    );
  }

  async remove(auth: AuthContext, id: string): Promise<void> {
    const deleted = await this.quickReplies.delete(this.db, { organizationId: auth.organizationId, id });
    if (!deleted) throw NotFoundError.of('Quick reply', id);
  }

  private async get(db: Db, organizationId: string, id: string): Promise<QuickReplyRow> {
    const row = await this.quickReplies.findById(db, { organizationId, id });
    if (!row) throw NotFoundError.of('Quick reply', id);
    return row;
  }

  private async assertShortcutFree(db: Db, organizationId: string, shortcut: string, exceptId?: string) {
    if (await this.quickReplies.shortcutTaken(db, { organizationId, shortcut, exceptId })) {
      throw shortcutTaken(shortcut);
    }
  }
}

function fieldsOf(dto: CreateQuickReplyDto): QuickReplyFields {
  return { shortcut: dto.shortcut, title: dto.title, text: dto.text };
}

function assertKnownVariables(text: string): void {
  const unknown = unknownQuickReplyVariables(text);
  if (unknown.length === 0) return;
  const known = QUICK_REPLY_VARIABLES.map((name) => `{{${name}}}`).join(', ');
  throw InvalidInputError.field(
    'text',
    `Unknown variable ${unknown.map((name) => `{{${name}}}`).join(', ')}: use ${known}`,
    'unknown_variable',
  );
}

function shortcutTaken(shortcut: string): ConflictError {
  const message = `Another quick reply already has the shortcut /${shortcut}`;
  return new ConflictError(
    message,
    [{ field: 'shortcut', code: 'already_exists', message }],
    'quick_reply_shortcut_taken',
  );
}

/** A concurrent write that passed the check first hits the unique index: the same 409 as the check's. */
async function withShortcutConflict<T>(shortcut: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const driverError = (error as { driverError?: { code?: string; constraint?: string } } | null)?.driverError;
    if (driverError?.code === '23505' && driverError.constraint === UNIQUE_SHORTCUT) throw shortcutTaken(shortcut);
    throw error;
  }
}
