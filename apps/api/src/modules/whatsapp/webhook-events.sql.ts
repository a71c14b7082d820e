import type { WhatsappProvider } from '@whatrack/shared';
import { type RawBuilder, sql } from 'kysely';
import type { Json } from '../../database/generated/db';
import type { WebhookEventStatus, WebhookRejection } from './entities/webhook-event.entity';
import type { StoredEvent } from './webhook-processor';

/** A claimed event: what processing needs, and the attempt the claim counted. */
export type ClaimedEvent = StoredEvent & { attempts: number };

/** An event as the admin log shows it. */
export interface WebhookEventView {
  id: string;
  provider: WhatsappProvider;
  instanceId: string | null;
  status: WebhookEventStatus;
  attempts: number;
  lastError: string | null;
  receivedAt: Date;
  processedAt: Date | null;
  nextAttemptAt: Date;
  body: unknown;
  rejections: WebhookRejection[];
}

export const CLAIMED_COLUMNS = [
  'id',
  'provider',
  'organization_id',
  'instance_id',
  'body',
  'received_at',
  'attempts',
] as const;

export const VIEW_COLUMNS = [
  'id',
  'provider',
  'instance_id',
  'status',
  'attempts',
  'last_error',
  'received_at',
  'processed_at',
  'next_attempt_at',
  'body',
  'rejections',
] as const;

interface ClaimedRow {
  id: string;
  provider: string;
  organization_id: string | null;
  instance_id: string | null;
  body: unknown;
  received_at: Date;
  attempts: number;
}

export function toClaimed(row: ClaimedRow): ClaimedEvent {
  return {
    id: row.id,
    provider: row.provider as WhatsappProvider,
    organizationId: row.organization_id,
    instanceId: row.instance_id,
    body: row.body,
    receivedAt: row.received_at,
    attempts: row.attempts,
  };
}

interface ViewRow {
  id: string;
  provider: string;
  instance_id: string | null;
  status: string;
  attempts: number;
  last_error: string | null;
  received_at: Date;
  processed_at: Date | null;
  next_attempt_at: Date;
  body: unknown;
  rejections: unknown;
}

export function toView(row: ViewRow): WebhookEventView {
  return {
    id: row.id,
    provider: row.provider as WhatsappProvider,
    instanceId: row.instance_id,
    status: row.status as WebhookEventStatus,
    attempts: row.attempts,
    lastError: row.last_error,
    receivedAt: row.received_at,
    processedAt: row.processed_at,
    nextAttemptAt: row.next_attempt_at,
    body: row.body,
    rejections: Array.isArray(row.rejections) ? (row.rejections as WebhookRejection[]) : [],
  };
}

/** A status constant, written as a literal: the plans of the prepared statements see it. */
export function status(value: WebhookEventStatus): RawBuilder<string> {
  return sql.lit(value);
}

/** A JSON document as a jsonb parameter (null when `value` has no JSON form, as JSON.stringify(undefined)). */
export function jsonb(value: unknown): RawBuilder<Json> {
  return jsonbOfText(jsonText(value));
}

/** The text of a JSON document as jsonb: for statement templates, whose parameters must reach Kysely untouched. */
export function jsonbOfText(text: string): RawBuilder<Json> {
  return sql<Json>`${text}::jsonb`;
}

/** `value`'s JSON text ('null' when it has no JSON form, as JSON.stringify(undefined)). */
export function jsonText(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}

/** NULL as a literal (a parameter would only add a bind value to the prepared statements). */
export const NULL = sql<null>`NULL`;

export function timestamptz(value: Date): RawBuilder<Date> {
  return sql<Date>`${value}::timestamptz`;
}
