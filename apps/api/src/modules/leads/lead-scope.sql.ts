import { qb } from '../../database/query-builder';

/**
 * Subqueries naming what belongs to one lead, for the privacy export and erasure: each filters by the organization
 * parameter itself (never a correlated column), so the outer statement stays on one tenant's rows.
 */
export interface LeadScope {
  organizationId: string;
  leadId: string;
}

/** The ids of the lead's tickets. */
export function leadTicketIds({ organizationId, leadId }: LeadScope) {
  return qb
    .selectFrom('tickets as st')
    .select('st.id')
    .where('st.organization_id', '=', organizationId)
    .where('st.lead_id', '=', leadId);
}

/** The ids of the messages of the lead's tickets (every message is filed on a ticket). */
export function leadMessageIds(scope: LeadScope) {
  return qb
    .selectFrom('whatsapp_messages as sm')
    .select('sm.id')
    .where('sm.organization_id', '=', scope.organizationId)
    .where('sm.ticket_id', 'in', leadTicketIds(scope));
}
