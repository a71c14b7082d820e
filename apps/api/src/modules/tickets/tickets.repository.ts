import { Injectable } from '@nestjs/common';
import { TicketCreatorType, TicketEventType, TicketSourceType, TicketStatus } from '@whatrack/shared';
import { sql } from 'kysely';
import type { Db } from '../../database/db';
import { DummyValue, GenerateSql } from '../../database/generate-sql';
import { qb } from '../../database/query-builder';
import { statementTemplate } from '../../database/statement-template';
import {
  identifiersInsert,
  type NewTracking,
  trackingInsert,
  withTicketQb,
} from '../tracking/ticket-trackings.repository';
import type { RollupSummaryRow, SummaryOptions } from '../ticket-rollups/ticket-rollups.repository';
import { originsColumn } from '../tracking/ticket-origins.sql';
import { jsonOrNull } from './ticket-events.repository';
import { ticketDetailQuery, type DetailRow } from './ticket-detail.sql';
import type { TicketFilter } from './ticket-filter.sql';
import { type PagedRow, type PageWindow, pageIdsQuery, rowsByIdsQuery, summaryQuery } from './ticket-listing.sql';
import { type ReattributionProbe, reattributableTicketQuery, resetAttributionQuery } from './ticket-reattribution.sql';
import { referencesQuery, type ReferenceIds, type ReferencesRow } from './ticket-references.sql';
import { EDITABLE, type NewTicket, type TicketChanges, type TicketRow } from './ticket-rows';
import type { LeadScope } from '../leads/lead-scope.sql';

export type { NewTicket, StageRef, TicketChanges, TicketRow } from './ticket-rows';

/** Built and compiled once (database/statement-template.ts): a listing page and a ticket screen send them on every request. */
const rowsByIdsTemplate = statementTemplate((p: { organizationId: string; ids: string[]; sortColumn: string }) =>
  rowsByIdsQuery(p.organizationId, p.ids, p.sortColumn),
);
const detailTemplate = statementTemplate((p: { organizationId: string; id: string }) =>
  ticketDetailQuery(p.organizationId, p.id),
);

const forUpdateTemplate = statementTemplate(({ organizationId, id }: { organizationId: string; id: string }) =>
  qb
    .selectFrom('tickets')
    .select([
      ...['id', 'organization_id as organizationId', 'conversation_id as conversationId', 'lead_id as leadId'],
      ...['stage_id as stageId', 'assignee_id as assigneeId', 'assignee_name as assigneeName'],
      ...['deal_value as dealValue', 'creator_type as creatorType', 'source_type as sourceType', 'status'],
      ...['closed_at as closedAt', 'messages_count as messagesCount', 'sales_count as salesCount'],
      ...['sales_total as salesTotal', 'created_at as createdAt', 'updated_at as updatedAt'],
    ] as const)
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .forUpdate()
    .$narrowType<{ creatorType: TicketCreatorType; sourceType: TicketSourceType; status: TicketStatus }>(),
);

const TICKET = { organizationId: DummyValue.UUID, id: DummyValue.UUID2 };
const STAGE = { id: DummyValue.UUID, name: 'Novo', isClosed: false };
const NEW_TICKET: NewTicket = {
  organizationId: DummyValue.UUID,
  conversationId: DummyValue.UUID2,
  leadId: DummyValue.UUID2,
  stage: STAGE,
  assignee: null,
  dealValue: 0,
  creatorType: TicketCreatorType.SYSTEM,
  sourceType: TicketSourceType.ORGANIC,
  closedAt: null,
  created: { actor: { type: 'system', id: null, name: 'WhaTrack' }, after: { stageId: DummyValue.UUID } },
  tracking: null,
};
const TRACKING: NewTracking = {
  ...{ utmSource: 'google', utmMedium: 'cpc', utmCampaign: null, utmTerm: null, utmContent: null },
  ...{ adId: null, sourceUrl: null, adHeadline: null, adPlatformId: null, identifiers: [] },
};
const FILTER: TicketFilter = { organizationId: DummyValue.UUID, origin: 'google', q: 'ana' };
const QUEUE_FILTER: TicketFilter = { organizationId: DummyValue.UUID, waiting: true, unread: true };
const QUEUE_START = { value: 'infinity', id: DummyValue.UUID };

/**
 * The SQL of tickets. Its reads join what a ticket shows (lead, stage, tracking, timeline); `create` also writes
 * the ticket's tracking rows and "created" event, in the ticket's own INSERT statement (one round trip, as before).
 */
@Injectable()
export class TicketsRepository {
  /** Inserts a ticket with its "created" event (and its tracking, when given) in one statement; returns its id. */
  @GenerateSql(
    { name: 'system', params: [NEW_TICKET] },
    { name: 'with tracking', params: [{ ...NEW_TICKET, creatorType: TicketCreatorType.USER, tracking: TRACKING }] },
  )
  async create(db: Db, t: NewTicket): Promise<string> {
    const org = t.organizationId;
    const head = qb.with('ticket', (q) =>
      q
        .insertInto('tickets')
        .values({
          organization_id: org,
          conversation_id: t.conversationId,
          lead_id: t.leadId,
          stage_id: t.stage.id,
          assignee_id: t.assignee?.id ?? null,
          assignee_name: t.assignee?.name ?? null,
          deal_value: t.dealValue,
          creator_type: t.creatorType,
          source_type: t.sourceType,
          status: t.stage.isClosed ? TicketStatus.CLOSED : TicketStatus.OPEN,
          closed_at: t.closedAt,
        })
        .returning('id'),
    );
    const { actor, after } = t.created;
    const event = () =>
      withTicketQb
        .insertInto('ticket_events')
        .columns(['organization_id', 'ticket_id', 'type', 'actor_type', 'actor_id', 'actor_name', 'after'])
        .expression(
          withTicketQb
            .selectFrom('ticket')
            .select((eb) => [
              eb.val(org).as('organization_id'),
              'ticket.id',
              eb.val(TicketEventType.CREATED).as('type'),
              eb.val(actor.type).as('actor_type'),
              eb.val(actor.id).as('actor_id'),
              eb.val(actor.name).as('actor_name'),
              sql<string>`${jsonOrNull(after)}::jsonb`.as('after'),
            ]),
        );
    const tracking = t.tracking;
    const row = tracking
      ? await db.one(
          head
            .with('tracking', () => trackingInsert(org, tracking))
            .with('identifiers', () => identifiersInsert(org, tracking))
            .with('event', event)
            .selectFrom('ticket')
            .select('id'),
          { prepare: 'tickets.createWithTracking' },
        )
      : await db.one(head.with('event', event).selectFrom('ticket').select('id'), { prepare: 'tickets.create' });
    return row.id;
  }

  /**
   * What a ticket refers to, in one statement: the given instance (or the organization's first), the given stage
   * (or its first) and the given assignee (or none). An id that cannot exist (not a uuid) finds no row.
   */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, stageId: DummyValue.UUID2 }] })
  findReferences(db: Db, ids: ReferenceIds): Promise<ReferencesRow> {
    return db.one(referencesQuery(ids), { prepare: 'tickets.findReferences' });
  }

  /** The ticket row, locked until the end of the transaction. */
  @GenerateSql({ params: [TICKET] })
  findForUpdate(
    db: Db,
    { organizationId, id }: { organizationId: string; id: string },
  ): Promise<TicketRow | undefined> {
    return db.first(forUpdateTemplate({ organizationId, id }), { prepare: 'tickets.findForUpdate' });
  }

  /**
   * Writes the given columns (and updated_at) in one UPDATE; nothing when none is given. Prepared under a name per
   * set of columns (a name always carries one text).
   */
  @GenerateSql({ params: [{ ...TICKET, changes: { stageId: DummyValue.UUID, status: TicketStatus.OPEN } }] })
  async update(
    db: Db,
    { organizationId, id, changes }: { organizationId: string; id: string; changes: TicketChanges },
  ): Promise<void> {
    const properties = (Object.keys(EDITABLE) as (keyof TicketChanges)[]).filter((p) => p in changes);
    if (properties.length === 0) return;
    const set: Record<string, unknown> = {};
    for (const property of properties) set[EDITABLE[property]] = changes[property];
    await db.run(
      qb
        .updateTable('tickets')
        .set({ ...set, updated_at: sql<Date>`CURRENT_TIMESTAMP` })
        .where('organization_id', '=', organizationId)
        .where('id', '=', id),
      { prepare: `tickets.update(${properties.join(',')})` },
    );
  }

  /** Everything the ticket screen shows (see ticketDetailQuery). */
  @GenerateSql({ params: [TICKET] })
  findDetail(db: Db, { organizationId, id }: { organizationId: string; id: string }): Promise<DetailRow | undefined> {
    return db.first(detailTemplate({ organizationId, id }), { prepare: 'tickets.findDetail' });
  }

  /** The ids of a window of the filter's tickets (see pageIdsQuery). */
  @GenerateSql(
    { name: 'offset', params: [FILTER, { sort: '-createdAt', limit: 21, from: 0 }] },
    { name: 'seek', params: [FILTER, { sort: 'dealValue', limit: 21, from: { value: '10.00', id: DummyValue.UUID } }] },
    { name: 'queue', params: [QUEUE_FILTER, { sort: 'waitingSince', limit: 21, from: QUEUE_START }] },
  )
  async pageIds(db: Db, filter: TicketFilter, window: PageWindow): Promise<string[]> {
    return (await db.all(pageIdsQuery(filter, window))).map((r) => r.id);
  }

  /** The listed rows of given tickets, in the given order (one prepared statement: planning it cost more). */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, ids: [DummyValue.UUID2], sortColumn: 'created_at' }] })
  rowsByIds(
    db: Db,
    { organizationId, ids, sortColumn }: { organizationId: string; ids: string[]; sortColumn: string },
  ): Promise<PagedRow[]> {
    return db.all(rowsByIdsTemplate({ organizationId, ids, sortColumn }), { prepare: 'tickets.rowsByIds' });
  }

  /** Counts and sums over every ticket of the filter (and the organization's origins, if asked for). */
  @GenerateSql({ params: [FILTER] }, { name: 'with origins', params: [FILTER, { origins: true }] })
  summary(db: Db, filter: TicketFilter, options: SummaryOptions = {}): Promise<RollupSummaryRow> {
    return db.one(
      summaryQuery(filter).$if(options.origins === true, (q) => q.select(originsColumn(filter.organizationId))),
    );
  }

  /**
   * The open ticket a late-delivered first message should re-attribute, if any: WhatsApp does not promise webhook
   * order, so a lead's second message can open the (organic) ticket before the referral message that was first.
   */
  @GenerateSql({
    params: [
      {
        ...{ organizationId: DummyValue.UUID, conversationId: DummyValue.UUID2 },
        providerMessageId: 'wamid.X',
        sentAt: DummyValue.DATE,
      },
    ],
  })
  async findReattributable(db: Db, probe: ReattributionProbe): Promise<string | null> {
    const row = await db.first(reattributableTicketQuery(probe), { prepare: 'tickets.findReattributable' });
    return row?.id ?? null;
  }

  /** Drops the ticket's empty tracking row and sets its source type, before the new attribution is stored. */
  @GenerateSql({
    params: [{ ...{ organizationId: DummyValue.UUID, ticketId: DummyValue.UUID2 }, sourceType: TicketSourceType.PAID }],
  })
  async resetAttribution(
    db: Db,
    p: { organizationId: string; ticketId: string; sourceType: TicketSourceType },
  ): Promise<void> {
    await db.run(resetAttributionQuery(p), { prepare: 'tickets.resetAttribution' });
  }

  /** The conversation's newest ticket, open or closed (where a notice that opens no ticket is filed). */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, conversationId: DummyValue.UUID2 }] })
  async newestOfConversation(
    db: Db,
    key: { organizationId: string; conversationId: string },
  ): Promise<string | undefined> {
    const row = await db.first(
      qb
        .selectFrom('tickets')
        .select('id')
        .where('organization_id', '=', key.organizationId)
        .where('conversation_id', '=', key.conversationId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(sql.lit(1)),
    );
    return row?.id;
  }

  /**
   * An order proposes the ticket's deal value: the ticket holding the message (by its provider id on the instance)
   * takes the order's total when it has no deal value yet (zero), in one statement; a deal value an agent set is
   * never replaced. Answers the ticket changed, if any. (Reads whatsapp_messages to find the ticket.)
   */
  @GenerateSql({
    params: [
      {
        organizationId: DummyValue.UUID,
        instanceId: DummyValue.UUID2,
        providerMessageId: 'wamid.X',
        dealValue: 150.5,
      },
    ],
  })
  async proposeDealValue(
    db: Db,
    p: { organizationId: string; instanceId: string; providerMessageId: string; dealValue: number },
  ): Promise<string | undefined> {
    const row = await db.first(
      qb
        .updateTable('tickets')
        .set({ deal_value: p.dealValue, updated_at: sql<Date>`CURRENT_TIMESTAMP` })
        .where('organization_id', '=', p.organizationId)
        .where('deal_value', '=', sql.lit(0))
        .where('id', '=', (eb) =>
          eb
            .selectFrom('whatsapp_messages')
            .select('ticket_id')
            .where('organization_id', '=', p.organizationId)
            .where('instance_id', '=', p.instanceId)
            .where('provider_message_id', '=', p.providerMessageId),
        )
        .returning('id'),
    );
    return row?.id;
  }

  /** The lead's tickets with stage and assignee, oldest first (the privacy export). */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, leadId: DummyValue.UUID2 }] })
  listOfLead(db: Db, { organizationId, leadId }: LeadScope) {
    return db.all(
      qb
        .selectFrom('tickets as t')
        .innerJoin('ticket_stages as s', (j) =>
          j.onRef('s.organization_id', '=', 't.organization_id').onRef('s.id', '=', 't.stage_id'),
        )
        .select([
          't.id',
          't.conversation_id as conversationId',
          't.status',
          't.source_type as sourceType',
          't.stage_id as stageId',
          's.name as stageName',
          't.assignee_id as assigneeId',
          't.assignee_name as assigneeName',
          't.deal_value as dealValue',
          't.messages_count as messagesCount',
          't.sales_count as salesCount',
          't.sales_total as salesTotal',
          't.created_at as createdAt',
          't.closed_at as closedAt',
        ])
        .where('t.organization_id', '=', organizationId)
        .where('t.lead_id', '=', leadId)
        .orderBy('t.created_at')
        .orderBy('t.id'),
    );
  }

  /** Erasure: the lists' preview of the last message goes (a copy of its text). */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, leadId: DummyValue.UUID2, now: DummyValue.DATE }] })
  erasePreviewsOfLead(db: Db, { organizationId, leadId, now }: LeadScope & { now: Date }): Promise<number> {
    return db.run(
      qb
        .updateTable('tickets')
        .set({ last_message_preview: null, updated_at: now })
        .where('organization_id', '=', organizationId)
        .where('lead_id', '=', leadId)
        .where('last_message_preview', 'is not', null),
    );
  }
}
