import type { TicketStatus, WhatsappProvider } from '@whatrack/shared';
import { qb } from '../../database/query-builder';

/** The lead detail's reads of other tables (LeadsRepository): its conversations and its tickets. */

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
