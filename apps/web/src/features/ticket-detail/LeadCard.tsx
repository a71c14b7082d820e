import type { TicketDetail } from '@whatrack/api-client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { whatsappLink } from '../../lib/whatsapp';
import { usePermissions } from '../auth/usePermissions';
import { Fact } from '../ui/Fact';
import { LeadPrivacy } from './LeadPrivacy';

/** Who the lead is and how to reach them (the phone opens WhatsApp). */
export function LeadCard({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const { canManage } = usePermissions();
  const [erased, setErased] = useState(false);
  const { lead, conversation } = ticket;
  const wa = whatsappLink(lead.phone);
  const none = <span className="muted">—</span>;
  return (
    <section className="panel" aria-labelledby="lead-card-title">
      <h2 id="lead-card-title" className="panel-title">
        {t('ticket.lead.title')}
      </h2>
      <dl className="facts">
        <Fact label={t('ticket.lead.name')}>
          {erased ? (
            <span className="muted">{t('privacy.erasedLead')}</span>
          ) : (
            lead.name || <span className="muted">{t('tickets.noName')}</span>
          )}
        </Fact>
        <Fact label={t('ticket.lead.phone')}>
          {wa ? (
            <a href={wa} target="_blank" rel="noreferrer">
              {lead.phone}
              <span className="visually-hidden"> {t('ticket.lead.openWhatsapp')}</span>
            </a>
          ) : (
            none
          )}
        </Fact>
        <Fact label={t('ticket.lead.email')}>
          {lead.email ? <a href={`mailto:${lead.email}`}>{lead.email}</a> : none}
        </Fact>
        <Fact label={t('ticket.lead.line')}>
          {conversation.instance.name} <span className="muted small">{conversation.instance.phoneNumber}</span>
        </Fact>
      </dl>
      {canManage && !erased && <LeadPrivacy leadId={lead.id} ticketId={ticket.id} onErased={() => setErased(true)} />}
    </section>
  );
}
