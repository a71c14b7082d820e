import { MessageDirection } from '@whatrack/shared';
import { DummyValue } from '../../database/generate-sql';
import type { ReplyParams } from './whatsapp-message-delivery.sql';
import { STATUS_ORDER } from './whatsapp-message-delivery.sql';
import type { MessageContent, MessageContext, MessageReaction, StoredContext } from './message-content.types';
import type { MessageParams, ReactionJson } from './whatsapp-messages.sql';
import type { MessageMediaView } from '../media/whatsapp-media.sql';

/** The shapes WhatsappMessagesRepository takes and answers, and the examples its SQL snapshots are rendered with. */

/** A message to store, inbound (from a webhook) or outbound (sent by the business). */
export interface NewWhatsappMessage {
  organizationId: string;
  conversationId: string;
  instanceId: string;
  ticketId: string;
  /** The provider's id (wamid...): unique per instance, so a redelivered webhook cannot store it twice. */
  providerMessageId: string | null;
  direction: MessageDirection;
  /** text, image, audio, ... */
  type: string;
  body: string | null;
  /** Delivery status of an outbound message (sent, delivered, read, failed); null for inbound ones. */
  status?: string | null;
  sentAt: Date;
  /** The provider's payload of the message, kept as delivered. */
  raw: Record<string, unknown> | null;
  content?: MessageContent | null;
  context?: StoredContext | null;
}

export interface MessageRow {
  id: string;
  ticketId: string;
  direction: MessageDirection;
  type: string;
  body: string | null;
  status: string | null;
  sentAt: Date;
  createdAt: Date;
  /** Who wrote an outbound reply in the product (null for inbound messages and those sent elsewhere). */
  senderUserId: string | null;
  senderName: string | null;
  errorCode: string | null;
  errorTitle: string | null;
  content: MessageContent | null;
  context: MessageContext | null;
  /** The last reaction of each side, oldest first. */
  reactions: MessageReaction[];
  deletedAt: Date | null;
  /** The file of a media message and how its download went; null for a message without one. */
  media: MessageMediaView | null;
}

/** A delivery status of the provider's message id (the provider's error when failed). */
export interface StatusReceipt {
  providerMessageId: string;
  status: string;
  errorCode?: string | null;
  errorTitle?: string | null;
}

/** One status per message: a failure if there is one, else the furthest. */
export function furthestByMessage(statuses: StatusReceipt[]): StatusReceipt[] {
  const rank = (s: StatusReceipt) => (s.status === 'failed' ? Infinity : STATUS_ORDER.indexOf(s.status));
  const best = new Map<string, StatusReceipt>();
  for (const s of statuses) {
    const kept = best.get(s.providerMessageId);
    if (!kept || rank(s) > rank(kept)) best.set(s.providerMessageId, s);
  }
  return [...best.values()];
}

/** A reply to store: pending until the replies worker delivers its outbox payload (any JSON value). */
export type NewReply = Omit<ReplyParams, 'payload'> & { payload: unknown };

export interface MessagePageFilter {
  organizationId: string;
  conversationId: string;
  order: 'asc' | 'desc';
  offset: number;
  limit: number;
}

export const EXAMPLE_REPLY: NewReply = {
  organizationId: DummyValue.UUID,
  conversationId: DummyValue.UUID2,
  ticketId: DummyValue.UUID2,
  instanceId: DummyValue.UUID,
  type: 'text',
  body: DummyValue.STRING,
  senderUserId: DummyValue.UUID,
  idempotencyKey: 'key-1',
  sentAt: DummyValue.DATE,
  payload: { kind: 'text', text: DummyValue.STRING },
};

export const EXAMPLE_MESSAGE: NewWhatsappMessage = {
  organizationId: DummyValue.UUID,
  conversationId: DummyValue.UUID2,
  instanceId: DummyValue.UUID,
  ticketId: DummyValue.UUID2,
  providerMessageId: 'wamid.EXAMPLE',
  direction: MessageDirection.IN,
  type: 'text',
  body: DummyValue.STRING,
  sentAt: DummyValue.DATE,
  raw: { id: 'wamid.EXAMPLE' },
};

export function messageParams(message: Omit<NewWhatsappMessage, 'ticketId'>): MessageParams {
  return {
    organizationId: message.organizationId,
    conversationId: message.conversationId,
    instanceId: message.instanceId,
    providerMessageId: message.providerMessageId,
    direction: message.direction,
    type: message.type,
    body: message.body,
    status: message.status ?? null,
    sentAt: message.sentAt,
    raw: message.raw === null ? null : JSON.stringify(message.raw),
    content: message.content ? JSON.stringify(message.content) : null,
    context: message.context ? JSON.stringify(message.context) : null,
  };
}

/** The columns a row may carry besides MessageRow's own (a reply's insert answers none of them). */
interface ViewColumns {
  content?: unknown;
  context?: unknown;
  deletedAt?: Date | null;
  quotedMessageId?: string | null;
  quotedStoredBody?: string | null;
  quotedStoredType?: string | null;
  reactions?: ReactionJson[] | null;
  /** A reply just stored has no media column (it has no file). */
  media?: MessageMediaView | null;
}

type RowIn = Omit<MessageRow, 'direction' | 'content' | 'context' | 'reactions' | 'deletedAt' | 'media'> & {
  direction: string;
} & ViewColumns;

/** The API's context: the stored one, its quote resolved to our message (whose text wins when we hold it). */
function contextOf(row: ViewColumns): MessageContext | null {
  const stored = row.context as StoredContext | null | undefined;
  if (!stored) return null;
  return {
    quotedMessageId: row.quotedMessageId ?? null,
    quotedProviderMessageId: stored.quotedProviderMessageId ?? null,
    quotedBody: row.quotedStoredBody ?? stored.quotedBody ?? null,
    quotedType: row.quotedStoredType ?? stored.quotedType ?? null,
    forwarded: stored.forwarded === true,
    frequentlyForwarded: stored.frequentlyForwarded === true,
  };
}

export function toRow(row: RowIn): MessageRow {
  const { quotedMessageId: _id, quotedStoredBody: _body, quotedStoredType: _type, ...rest } = row;
  return {
    ...rest,
    direction: row.direction as MessageDirection,
    content: (row.content as MessageContent | null | undefined) ?? null,
    context: contextOf(row),
    reactions: (row.reactions ?? []).map((r) => ({ ...r, reactedAt: new Date(r.reactedAt).toISOString() })),
    deletedAt: row.deletedAt ?? null,
    media: row.media ?? null,
  };
}
