import type { ConversionKind, ConversionStatus } from './entities/conversion.entity';
import type { MetaEvent } from './meta-events';

/** A conversion as the outbox listing shows it. */
export interface ConversionRow {
  id: string;
  ticketId: string;
  saleId: string | null;
  kind: ConversionKind;
  eventName: string;
  eventId: string;
  eventTime: Date;
  value: number | null;
  currency: string;
  status: ConversionStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  sentAt: Date | null;
  payload: MetaEvent;
  createdAt: Date;
}

/** A conversion to queue (its Meta event built by buildMetaEvent). */
export interface NewConversion {
  organizationId: string;
  ticketId: string;
  saleId: string | null;
  kind: ConversionKind;
  eventName: string;
  eventId: string;
  eventTime: Date;
  value: number;
  currency: string;
  ctwaClid: string;
  nextAttemptAt: Date;
  payload: MetaEvent | Record<string, never>;
}

/** A conversion the worker holds: its organization, the event to send, and the attempt the claim counted. */
export interface ClaimedConversion {
  id: string;
  organizationId: string;
  payload: MetaEvent;
  attempts: number;
}

export interface ConversionFilter {
  organizationId: string;
  status?: ConversionStatus;
  kind?: ConversionKind;
  ticketId?: string;
  limit: number;
  offset: number;
}

export const CONVERSION_COLUMNS = [
  'id',
  'ticket_id',
  'sale_id',
  'kind',
  'event_name',
  'event_id',
  'event_time',
  'value',
  'currency',
  'status',
  'attempts',
  'next_attempt_at',
  'last_error',
  'sent_at',
  'payload',
  'created_at',
] as const;

interface Row {
  id: string;
  ticket_id: string;
  sale_id: string | null;
  kind: string;
  event_name: string;
  event_id: string;
  event_time: Date;
  value: number | null;
  currency: string;
  status: string;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  sent_at: Date | null;
  payload: unknown;
  created_at: Date;
}

export function toConversion(r: Row): ConversionRow {
  return {
    id: r.id,
    ticketId: r.ticket_id,
    saleId: r.sale_id,
    kind: r.kind as ConversionKind,
    eventName: r.event_name,
    eventId: r.event_id,
    eventTime: r.event_time,
    value: r.value,
    currency: r.currency,
    status: r.status as ConversionStatus,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    sentAt: r.sent_at,
    payload: r.payload as MetaEvent,
    createdAt: r.created_at,
  };
}
