import type { Message } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';

type Contact = NonNullable<NonNullable<Message['content']>['contacts']>[number];

/** Shared contacts (a vCard): each one's name, phones to call and e-mails to write to. */
export function ContactsCard({ contacts }: { contacts: Contact[] }) {
  const { t } = useTranslation();
  return (
    <ul className="chat-contacts">
      {contacts.map((contact, index) => (
        <li key={`${contact.name}-${index}`} className="chat-card">
          <span aria-hidden="true">👤</span> <strong>{contact.name}</strong>
          {contact.organization && <span className="muted small"> · {contact.organization}</span>}
          {contact.phones.length === 0 && contact.emails.length === 0 && (
            <p className="muted small">{t('chatMessage.contacts.empty')}</p>
          )}
          {contact.phones.length > 0 && (
            <ul className="chat-contact-list" aria-label={t('chatMessage.contacts.phones')}>
              {contact.phones.map((phone) => (
                <li key={phone.phone}>
                  <a href={`tel:${phone.phone.replace(/[^\d+]/g, '')}`}>{phone.phone}</a>
                  {phone.type && <span className="muted small"> · {phone.type}</span>}
                </li>
              ))}
            </ul>
          )}
          {contact.emails.length > 0 && (
            <ul className="chat-contact-list" aria-label={t('chatMessage.contacts.emails')}>
              {contact.emails.map((email) => (
                <li key={email}>
                  <a href={`mailto:${email}`}>{email}</a>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}
