import type { TicketStatus, WhatsappProvider } from '@whatrack/shared';
import { qb } from '../../database/query-builder';
import { leadListSearch } from './lead-search.sql';

/** The leads listing's statements and the lead detail's reads of other tables (LeadsRepository). */

export interface LeadConversationRow {
  id: string;
  lastMessageAt: Date | null;
  createdAt: Date;
  instanceId: string;
  instanceName: string;
  instancePhoneNumber: string;
  instanceProvider: WhatsappProvider;
}

export interface LeadTicketRow {
  id: string;
  status: TicketStatus;
  stageId: string;
  stageName: string;
  stageColor: string;
  dealValue: number;
  salesCount: number;
  salesTotal: number;
  createdAt: Date;
}

/** The lead's conversations with their instance, newest first. */
export function leadConversationsQuery(organizationId: string, leadId: string) {
  return qb
    .selectFrom('whatsapp_conversations as c')
    .innerJoin('whatsapp_instances as i', (j) =>
      j.onRef('i.organization_id', '=', 'c.organization_id').onRef('i.id', '=', 'c.instance_id'),
    )
    .select([
      'c.id',
      'c.last_message_at as lastMessageAt',
      'c.created_at as createdAt',
      'i.id as instanceId',
      'i.name as instanceName',
      'i.phone_number as instancePhoneNumber',
      'i.provider as instanceProvider',
    ])
    .$narrowType<{ instanceProvider: WhatsappProvider }>()
    .where('c.organization_id', '=', organizationId)
    .where('c.lead_id', '=', leadId)
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc');
}

/** The lead's tickets with their stage, newest first. */
export function leadTicketsQuery(organizationId: string, leadId: string) {
  return qb
    .selectFrom('tickets as t')
    .innerJoin('ticket_stages as s', (j) =>
      j.onRef('s.organization_id', '=', 't.organization_id').onRef('s.id', '=', 't.stage_id'),
    )
    .select([
      't.id',
      't.status',
      's.id as stageId',
      's.name as stageName',
      's.color as stageColor',
      't.deal_value as dealValue',
      't.sales_count as salesCount',
      't.sales_total as salesTotal',
      't.created_at as createdAt',
    ])
    .$narrowType<{ status: TicketStatus }>()
    .where('t.organization_id', '=', organizationId)
    .where('t.lead_id', '=', leadId)
    .orderBy('t.created_at', 'desc')
    .orderBy('t.id', 'desc');
}

/** A page of the organization's leads (searched by `q`), newest first, with each lead's tickets count. */
export function leadPageQuery(organizationId: string, q: string | undefined, limit: number, offset: number) {
  return qb
    .with('page', () =>
      qb
        .selectFrom('leads as l')
        .select('l.id')
        .where('l.organization_id', '=', organizationId)
        .$if(!!q, (s) => s.where(leadListSearch(q!)))
        .orderBy('l.created_at', 'desc')
        .orderBy('l.id', 'desc')
        .limit(limit)
        .offset(offset),
    )
    .selectFrom('page')
    .innerJoin('leads as l', (j) => j.on('l.organization_id', '=', organizationId).onRef('l.id', '=', 'page.id'))
    .select([
      'l.id',
      'l.organization_id as organizationId',
      'l.name',
      'l.phone',
      'l.phone_key as phoneKey',
      'l.wa_user_id as waUserId',
      'l.email',
      'l.erased_at as erasedAt',
      'l.created_at as createdAt',
      'l.updated_at as updatedAt',
    ])
    .select((eb) =>
      eb
        .selectFrom('tickets as t')
        .select((sub) => sub.fn.countAll<number>().as('n'))
        .whereRef('t.organization_id', '=', 'l.organization_id')
        .whereRef('t.lead_id', '=', 'l.id')
        .as('ticketsCount'),
    )
    .$narrowType<{ ticketsCount: number }>()
    .orderBy('l.created_at', 'desc')
    .orderBy('l.id', 'desc');
}

/** How many leads of the organization `q` matches. */
export function leadCountQuery(organizationId: string, q: string | undefined) {
  return qb
    .selectFrom('leads as l')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .where('l.organization_id', '=', organizationId)
    .$if(!!q, (s) => s.where(leadListSearch(q!)));
}
