import { randomUUID } from 'node:crypto';
import type { Random } from './random';

/** Types, time units and the context object shared by the demo builders (no generation logic here). */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const DAYS_BACK = 90;

export type Row = Record<string, unknown>;

export interface DemoOptions {
  random: Random;
  now: Date;
  /** Makes the globally unique values (user emails, Cloud API phone number id) unique per run. */
  runTag: string;
  passwordHash: string;
  leadCount: number;
  /** Reference data read from the database: ad platform id by key, click-id types by key. */
  platformIds: ReadonlyMap<string, string>;
  identifierTypes: ReadonlyMap<string, { id: string; platformKey: string }>;
}

export interface DemoUserRow {
  id: string;
  name: string;
  email: string;
  role: 'owner' | 'agent';
}

export interface DemoData {
  organization: Row & { id: string; name: string };
  users: (Row & DemoUserRow)[];
  instances: Row[];
  stages: Row[];
  leads: Row[];
  conversations: Row[];
  tickets: Row[];
  trackings: Row[];
  identifiers: Row[];
  messages: Row[];
  sales: Row[];
  /** In chronological order, so the bigserial seq follows time. */
  events: Row[];
}

export interface Stage {
  id: string;
  name: string;
  isClosed: boolean;
}

export interface Actor {
  type: 'user' | 'system';
  id: string | null;
  name: string;
}

export const SYSTEM_ACTOR: Actor = { type: 'system', id: null, name: 'WhaTrack' };

export function userActor(user: DemoUserRow): Actor {
  return { type: 'user', id: user.id, name: user.name };
}

/** The conversation a ticket's messages belong to. */
export interface DemoConversation {
  id: string;
  instanceId: string;
  /** Cloud API instance (wamid message ids) rather than Evolution. */
  cloud: boolean;
}

/**
 * Timeline events of every ticket, kept with their insertion order (the tie-breaker of equal times) and the
 * last activity of each ticket (its updated_at).
 */
export class EventLog {
  private readonly entries: { at: number; order: number; row: Row }[] = [];
  private readonly touched = new Map<string, number>();

  constructor(private readonly organizationId: string) {}

  add(ticketId: string, at: number, actor: Actor, type: string, before: Row | null, after: Row | null): void {
    this.touched.set(ticketId, Math.max(at, this.touched.get(ticketId) ?? 0));
    this.entries.push({
      at,
      order: this.entries.length,
      row: tenantRow(
        this.organizationId,
        {
          id: randomUUID(),
          ticket_id: ticketId,
          type,
          actor_type: actor.type,
          actor_id: actor.id,
          actor_name: actor.name,
          before,
          after,
        },
        at,
      ),
    });
  }

  /** Time of the ticket's last event, if it has one. */
  lastActivity(ticketId: string): number | undefined {
    return this.touched.get(ticketId);
  }

  /** The rows in chronological order (ties in insertion order). */
  chronological(): Row[] {
    return [...this.entries].sort((a, b) => a.at - b.at || a.order - b.order).map((e) => e.row);
  }
}

/** Everything the per-lead and per-ticket builders read and append to, passed explicitly. */
export interface DemoContext {
  random: Random;
  /** Epoch ms of "now": every generated time is before it. */
  now: number;
  organizationId: string;
  owner: DemoUserRow;
  agents: readonly DemoUserRow[];
  /** Ordered: open stages first, the closed ones last. */
  stages: readonly Stage[];
  platformIds: DemoOptions['platformIds'];
  identifierTypes: DemoOptions['identifierTypes'];
  /** Output rows (the events are collected in `events` and ordered at the end). */
  data: DemoData;
  events: EventLog;
  /** Next contract number of a single-payment sale's description. */
  nextContract: number;
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** A row of a tenant table: its organization and timestamps, then the row's own columns. */
export function tenantRow(organizationId: string, row: Row, createdAt: number, updatedAt = createdAt): Row {
  return { organization_id: organizationId, created_at: iso(createdAt), updated_at: iso(updatedAt), ...row };
}

export function firstName(name: string): string {
  return name.split(' ')[0];
}
