import { MessageDirection } from '@whatrack/shared';
import { type Expression, sql } from 'kysely';
import { qb } from '../../database/query-builder';
import { statementTemplate } from '../../database/statement-template';
import { touchConversation } from './whatsapp-messages.sql';

/**
 * The statements of WhatsappMessagesRepository for outbound replies and their delivery (the replies worker and the
 * status webhooks): built here to keep the repository short.
 */

/** Outbound statuses in the order they happen; "failed" may come at any time. */
export const STATUS_ORDER = ['pending', 'sent', 'delivered', 'read', 'played'];

/** A reply as bound: the organization, its conversation and ticket, who wrote it, its retry key and what to send. */
export interface ReplyParams {
  organizationId: string;
  conversationId: string;
  ticketId: string;
  instanceId: string;
  type: string;
  body: string | null;
  senderUserId: string | null;
  idempotencyKey: string | null;
  sentAt: Date;
  /** The outbox payload, as JSON text. */
  payload: string;
}

/**
 * Stores an outbound reply as pending with its outbox row, moving its conversation's last activity, in one statement
 * (so no transaction, one round trip on the agent's request), and answers it as the API shows it. Nothing when
 * another reply already holds the Idempotency-Key (the caller answers that one).
 */
export const insertReply = statementTemplate((p: ReplyParams) =>
  qb
    .with('msg', (q) =>
      q
        .insertInto('whatsapp_messages')
        .values({
          organization_id: p.organizationId,
          conversation_id: p.conversationId,
          ticket_id: p.ticketId,
          instance_id: p.instanceId,
          provider_message_id: null,
          direction: sql.lit(MessageDirection.OUT),
          type: p.type,
          body: p.body,
          status: sql.lit('pending'),
          sent_at: p.sentAt,
          raw: null,
          sender_user_id: p.senderUserId,
          idempotency_key: p.idempotencyKey,
        })
        .onConflict((oc) =>
          oc.columns(['organization_id', 'idempotency_key']).where('idempotency_key', 'is not', null).doNothing(),
        )
        .returning([
          'id',
          'ticket_id',
          'direction',
          'type',
          'body',
          'status',
          'sent_at',
          'created_at',
          'sender_user_id',
        ]),
    )
    .with('c', (q) => touchConversation(q, { ...p, direction: MessageDirection.OUT }))
    .with('o', (q) =>
      q
        .insertInto('whatsapp_outbox')
        .columns(['organization_id', 'message_id', 'payload', 'next_attempt_at'])
        .expression((eb) =>
          eb
            .selectFrom('msg')
            .select([
              sql<string>`${p.organizationId}::uuid`.as('organization_id'),
              'msg.id',
              sql<string>`${p.payload}::jsonb`.as('payload'),
              sql<Date>`${p.sentAt}::timestamptz`.as('next_attempt_at'),
            ]),
        )
        .returning('message_id'),
    )
    .selectFrom('msg')
    .select((eb) => [
      'msg.id',
      'msg.ticket_id as ticketId',
      'msg.direction',
      'msg.type',
      'msg.body',
      'msg.status',
      'msg.sent_at as sentAt',
      'msg.created_at as createdAt',
      'msg.sender_user_id as senderUserId',
      eb
        .selectFrom('users')
        .select('users.name')
        .where('users.organization_id', '=', p.organizationId)
        .whereRef('users.id', '=', 'msg.sender_user_id')
        .as('senderName'),
      sql<string | null>`NULL::varchar`.as('errorCode'),
      sql<string | null>`NULL::varchar`.as('errorTitle'),
    ]),
);

const position = (value: Expression<string | null>) =>
  sql<number>`COALESCE(array_position(${sql.val(STATUS_ORDER)}::varchar[], ${value}), 0)`;

/** A status may replace the current one: a failure at any time (once), anything else only forward. */
function movesForward(current: Expression<string | null>, next: Expression<string>) {
  return sql<boolean>`((${next} = 'failed' AND ${current} IS DISTINCT FROM 'failed') OR ${position(current)} < ${position(next)})`;
}

/**
 * The provider accepted a reply, as one statement (atomic without a transaction, one round trip per reply): its id
 * is stored (status webhooks find it), it becomes sent, or takes the status that arrived before the id was known
 * (kept in whatsapp_status_orphans, taken here: a failure wins, else the furthest status), and its outbox row is
 * settled.
 */
export const recordSent = statementTemplate(
  (p: { organizationId: string; instanceId: string; id: string; providerMessageId: string }) =>
    qb
      .with('orphan', (q) =>
        q
          .deleteFrom('whatsapp_status_orphans')
          .where('organization_id', '=', p.organizationId)
          .where('instance_id', '=', p.instanceId)
          .where('provider_message_id', '=', p.providerMessageId)
          .returning(['status', 'error_code', 'error_title']),
      )
      .with('best', (q) =>
        q
          .selectFrom('orphan')
          .select(['status', 'error_code', 'error_title'])
          .orderBy(sql`status = 'failed'`, 'desc')
          .orderBy(position(sql.ref('status')), 'desc')
          .limit(sql.lit(1)),
      )
      .with('settled', (q) =>
        q
          .updateTable('whatsapp_outbox')
          .set({ status: sql.lit('sent'), last_error: null, lease_until: null, updated_at: sql<Date>`now()` })
          .where('organization_id', '=', p.organizationId)
          .where('message_id', '=', p.id)
          .returning('message_id'),
      )
      .updateTable('whatsapp_messages')
      .set((eb) => ({
        provider_message_id: p.providerMessageId,
        status: sql<string>`COALESCE(
          (SELECT best.status FROM best WHERE best.status = 'failed' OR ${position(sql.ref('best.status'))} > ${position(sql.lit('sent'))}),
          'sent')`,
        error_code: eb.selectFrom('best').select('best.error_code').where('best.status', '=', sql.lit('failed')),
        error_title: eb.selectFrom('best').select('best.error_title').where('best.status', '=', sql.lit('failed')),
        updated_at: sql<Date>`now()`,
      }))
      .where('organization_id', '=', p.organizationId)
      .where('id', '=', p.id)
      .where((eb) => eb.exists(eb.selectFrom('settled').select('message_id'))),
);

/** Statuses for one instance's messages, as bound: a JSON array of {provider_message_id, status, error_code, error_title}. */
const statusesRecordset = (json: unknown) =>
  sql<{
    provider_message_id: string;
    status: string;
    error_code: string | null;
    error_title: string | null;
  }>`jsonb_to_recordset(${json}::jsonb)`.as<'r'>(
    sql`r(provider_message_id varchar, status varchar, error_code varchar, error_title varchar)`,
  );

/**
 * advanceStatus for a webhook's statuses at once (one per provider id: the caller keeps the furthest), in one
 * statement: moves each message forward only, a failure at any time; answers the provider ids no message has.
 */
export const advanceStatuses = statementTemplate(
  (p: { organizationId: string; instanceId: string; statuses: string }) =>
    qb
      .with('m', (q) =>
        q
          .selectFrom('whatsapp_messages as wm')
          .innerJoin(statusesRecordset(p.statuses), (j) =>
            j.onRef('r.provider_message_id', '=', 'wm.provider_message_id'),
          )
          .select([
            'wm.id',
            'wm.status as current',
            'r.provider_message_id',
            'r.status',
            'r.error_code',
            'r.error_title',
          ])
          .where('wm.organization_id', '=', p.organizationId)
          .where('wm.instance_id', '=', p.instanceId),
      )
      .with('u', (q) =>
        q
          .updateTable('whatsapp_messages as w')
          .from('m')
          .set((eb) => {
            const failed = eb('m.status', '=', sql.lit('failed'));
            return {
              status: eb.ref('m.status'),
              error_code: eb.case().when(failed).then(eb.ref('m.error_code')).else(null).end(),
              error_title: eb.case().when(failed).then(eb.ref('m.error_title')).else(null).end(),
              updated_at: sql<Date>`now()`,
            };
          })
          .where('w.organization_id', '=', p.organizationId)
          .whereRef('w.id', '=', 'm.id')
          .where((eb) => movesForward(eb.ref('m.current'), eb.ref('m.status')))
          .returning('w.id'),
      )
      .selectFrom(statusesRecordset(p.statuses))
      .select('r.provider_message_id as providerMessageId')
      .where((eb) =>
        eb.not(
          eb.exists(eb.selectFrom('m').select('m.id').whereRef('m.provider_message_id', '=', 'r.provider_message_id')),
        ),
      ),
);

/**
 * Statuses kept as orphans whose message now has the provider id (the webhook's transaction committed its orphan
 * while the worker's recordSent, which could not see it yet, committed the id): applied (one per message: a failure
 * first, else the furthest, forward only) and removed.
 */
export function adoptOrphansStatement() {
  return qb
    .with('o', (q) =>
      q
        .deleteFrom('whatsapp_status_orphans as so')
        .using('whatsapp_messages as m')
        .whereRef('m.organization_id', '=', 'so.organization_id')
        .whereRef('m.instance_id', '=', 'so.instance_id')
        .whereRef('m.provider_message_id', '=', 'so.provider_message_id')
        .returning([
          'm.organization_id',
          'm.id as message_id',
          'm.status as current',
          'so.status',
          'so.error_code',
          'so.error_title',
        ]),
    )
    .with('best', (q) =>
      q
        .selectFrom('o')
        .distinctOn(['o.organization_id', 'o.message_id'])
        .selectAll()
        .orderBy('o.organization_id')
        .orderBy('o.message_id')
        .orderBy(sql`o.status = 'failed'`, 'desc')
        .orderBy(position(sql.ref('o.status')), 'desc'),
    )
    .updateTable('whatsapp_messages as w')
    .from('best as b')
    .set((eb) => {
      const failed = eb('b.status', '=', sql.lit('failed'));
      return {
        status: eb.ref('b.status'),
        error_code: eb.case().when(failed).then(eb.ref('b.error_code')).else(null).end(),
        error_title: eb.case().when(failed).then(eb.ref('b.error_title')).else(null).end(),
        updated_at: sql<Date>`now()`,
      };
    })
    .whereRef('w.organization_id', '=', 'b.organization_id')
    .whereRef('w.id', '=', 'b.message_id')
    .where((eb) => movesForward(eb.ref('b.current'), eb.ref('b.status')));
}
