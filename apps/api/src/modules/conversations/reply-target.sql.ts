import { qb } from '../../database/query-builder';
import { statementTemplate } from '../../database/statement-template';
import { lineCanSend } from '../whatsapp-instances/line-can-send.sql';

/** WhatsappConversationsRepository.replyTarget: a ticket's conversation with its line and lead, in one statement. */
export const replyTargetQuery = statementTemplate(
  ({ organizationId, ticketId }: { organizationId: string; ticketId: string }) =>
    qb
      .selectFrom('tickets as t')
      .innerJoin('whatsapp_conversations as c', (j) =>
        j.onRef('c.organization_id', '=', 't.organization_id').onRef('c.id', '=', 't.conversation_id'),
      )
      .innerJoin('whatsapp_instances as i', (j) =>
        j.onRef('i.organization_id', '=', 'c.organization_id').onRef('i.id', '=', 'c.instance_id'),
      )
      .innerJoin('leads as l', (j) =>
        j.onRef('l.organization_id', '=', 'c.organization_id').onRef('l.id', '=', 'c.lead_id'),
      )
      .select([
        't.id as ticketId',
        'c.id as conversationId',
        'i.id as instanceId',
        'i.provider',
        lineCanSend().as('hasCredentials'),
        'l.phone as leadPhone',
        'c.last_inbound_at as lastInboundAt',
      ])
      .where('t.organization_id', '=', organizationId)
      .where('c.organization_id', '=', organizationId)
      .where('i.organization_id', '=', organizationId)
      .where('l.organization_id', '=', organizationId)
      .where('t.id', '=', ticketId),
);
