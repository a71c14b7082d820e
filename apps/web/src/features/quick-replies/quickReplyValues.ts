import type { MeResponse, TicketDetail } from '@whatrack/api-client';
import { firstName, type QuickReplyValues } from '@whatrack/shared';

/** What a quick reply's variables become in a ticket's reply box, for the signed-in agent. */
export function quickReplyValues(ticket: Pick<TicketDetail, 'lead'>, me: MeResponse): QuickReplyValues {
  const agentName = me.user?.name ?? null;
  return {
    'lead.name': ticket.lead.name,
    'lead.firstName': firstName(ticket.lead.name),
    'agent.name': agentName,
    'agent.firstName': firstName(agentName),
    'organization.name': me.organization.name,
  };
}
