import type { TicketDetail } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';
import { whatsappLink } from '../../lib/whatsapp';
import { Fact } from '../ui/Fact';

/** Who the lead is and how to reach them (the phone opens WhatsApp). */
export function LeadCard({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const { lead, conversation } = ticket;
  const wa = whatsappLink(lead.phone);
  const none = <span className="muted">—</span>;
  return (
    <section className="panel" aria-labelledby="lead-card-title">
      <h2 id="lead-card-title" className="panel-title">
        {t('ticket.lead.title')}
      </h2>
      <dl className="facts">
        <Fact label={t('ticket.lead.name')}>{lead.name || <span className="muted">{t('tickets.noName')}</span>}</Fact>
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
    </section>
  );
}
