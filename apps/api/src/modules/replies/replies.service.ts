import { Injectable } from '@nestjs/common';
import { WhatsappProvider } from '@whatrack/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { Clock } from '../../common/clock/clock';
import { ConflictError, InvalidInputError, NotFoundError, UnprocessableError } from '../../common/errors/domain-errors';
import { Db } from '../../database/db';
import {
  type ReplyTargetRow,
  WhatsappConversationsRepository,
} from '../conversations/whatsapp-conversations.repository';
import { type MessageRow, WhatsappMessagesRepository } from '../conversations/whatsapp-messages.repository';
import type { SendMessageDto } from './dto/send-message.dto';
import { RepliesWorker } from './replies.worker';
import type { ReplyPayload } from './reply-payload';
import { ReplyTemplates } from './reply-templates';
import { replyWindow } from './reply-window';
import { WhatsappOutboxRepository } from './whatsapp-outbox.repository';

/**
 * Agents' replies: checked (the ticket's line can send, the 24-hour window, the template), stored as a pending
 * outbound message with its outbox row in one transaction, then delivered by the replies worker. An Idempotency-Key
 * makes a retried request answer the reply it created the first time.
 */
@Injectable()
export class RepliesService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly conversations: WhatsappConversationsRepository,
    private readonly messages: WhatsappMessagesRepository,
    private readonly outbox: WhatsappOutboxRepository,
    private readonly templates: ReplyTemplates,
    private readonly worker: RepliesWorker,
  ) {}

  async send(auth: AuthContext, ticketId: string, dto: SendMessageDto, idempotencyKey?: string): Promise<MessageRow> {
    const organizationId = auth.organizationId;
    const payload = payloadOf(dto);
    if (idempotencyKey) {
      const first = await this.messages.findByIdempotencyKey(this.db, { organizationId, idempotencyKey });
      if (first) return replayed(first, ticketId);
    }
    const target = await this.sendableTarget(organizationId, ticketId);
    const body = await this.checkedBody(organizationId, target, payload);
    const now = this.clock.now();
    const stored = await this.messages.insertReply(this.db, {
      organizationId,
      conversationId: target.conversationId,
      ticketId,
      instanceId: target.instanceId,
      type: payload.kind,
      body,
      senderUserId: auth.userId,
      idempotencyKey: idempotencyKey ?? null,
      sentAt: now,
      payload,
    });
    if (!stored) {
      // A concurrent request with the same key stored its reply first (the insert waited for it): answer that one.
      const first = await this.messages.findByIdempotencyKey(this.db, {
        organizationId,
        idempotencyKey: idempotencyKey!,
      });
      if (!first) throw new Error('Reply insert did nothing but no reply holds its Idempotency-Key');
      return replayed(first, ticketId);
    }
    this.worker.nudge();
    return stored;
  }

  /** A failed reply sent again (free text only while the window is open, as a new reply would be). */
  async retry(auth: AuthContext, ticketId: string, messageId: string): Promise<MessageRow> {
    const organizationId = auth.organizationId;
    const message = await this.messages.findById(this.db, { organizationId, id: messageId });
    if (!message || message.ticketId !== ticketId) throw NotFoundError.of('Message', messageId);
    if (message.status !== 'failed' || !message.senderUserId) {
      throw new ConflictError(
        'Only a failed reply written in the product can be sent again',
        undefined,
        'not_retryable',
      );
    }
    const target = await this.sendableTarget(organizationId, ticketId);
    if (message.type === 'text') this.assertWindowOpen(target);
    await this.db.transaction(async (tx) => {
      if (!(await this.messages.resetFailedReply(tx, { organizationId, ticketId, id: messageId }))) {
        throw new ConflictError('The reply is no longer failed', undefined, 'not_retryable');
      }
      await this.outbox.requeue(tx, { organizationId, messageId, now: this.clock.now() });
    });
    this.worker.nudge();
    return this.stored(organizationId, messageId);
  }

  private async sendableTarget(organizationId: string, ticketId: string): Promise<ReplyTargetRow> {
    const target = await this.conversations.replyTarget(this.db, { organizationId, ticketId });
    if (!target) throw NotFoundError.of('Ticket', ticketId);
    if (!target.hasCredentials) {
      throw new UnprocessableError(
        'The ticket’s WhatsApp line has no sending credentials: an admin sets them in Settings → WhatsApp',
        undefined,
        'whatsapp_line_not_configured',
      );
    }
    if (!target.leadPhone) {
      throw new UnprocessableError('The lead has no WhatsApp number to answer', undefined, 'lead_without_phone');
    }
    return target;
  }

  /** The text the chat shows for the reply; throws when the provider would refuse it. */
  private async checkedBody(organizationId: string, target: ReplyTargetRow, payload: ReplyPayload): Promise<string> {
    if (payload.kind === 'text') {
      this.assertWindowOpen(target);
      return payload.text;
    }
    if (target.provider !== WhatsappProvider.CLOUD_API) {
      throw InvalidInputError.field(
        'template',
        'templates are sent through Cloud API lines only',
        'template_not_supported',
      );
    }
    return this.templates.render(organizationId, target.instanceId, payload);
  }

  private assertWindowOpen(target: ReplyTargetRow): void {
    const window = replyWindow(target.provider, target.lastInboundAt, this.clock.now());
    if (window.open) return;
    throw new ConflictError(
      'The lead last wrote more than 24 hours ago: WhatsApp accepts only an approved template until they write again',
      undefined,
      'reply_window_closed',
    );
  }

  private async stored(organizationId: string, id: string): Promise<MessageRow> {
    const message = await this.messages.findById(this.db, { organizationId, id });
    if (!message) throw NotFoundError.of('Message', id);
    return message;
  }
}

function payloadOf(dto: SendMessageDto): ReplyPayload {
  if ((dto.text === undefined) === (dto.template === undefined)) {
    throw InvalidInputError.field('text', 'send either text or template (exactly one)', 'text_or_template');
  }
  if (dto.text !== undefined) return { kind: 'text', text: dto.text };
  const { name, language, variables = [] } = dto.template!;
  return { kind: 'template', name, language, variables };
}

/** The reply a key created first, answered again; the key cannot name another ticket's reply. */
function replayed(first: MessageRow, ticketId: string): MessageRow {
  if (first.ticketId === ticketId) return first;
  throw new UnprocessableError(
    'This Idempotency-Key was already used for a reply on another ticket',
    [{ field: 'Idempotency-Key', code: 'idempotency_key_reused', message: 'already used on another ticket' }],
    'idempotency_key_reused',
  );
}
