import type { Message } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';

type Location = NonNullable<NonNullable<Message['content']>['location']>;

/** A shared location: its name and address, and a link that opens it on a map. */
export function LocationCard({ location }: { location: Location }) {
  const { t } = useTranslation();
  const href = `https://www.google.com/maps?q=${location.latitude},${location.longitude}`;
  return (
    <div className="chat-card">
      <span aria-hidden="true">📍</span> <strong>{location.name ?? t('chatMessage.location.title')}</strong>
      {location.address && <p className="small">{location.address}</p>}
      <p className="small">
        <a href={href} target="_blank" rel="noopener noreferrer">
          {t('chatMessage.location.openMap')}
        </a>{' '}
        <span className="muted">
          ({t('chatMessage.location.coordinates', { latitude: location.latitude, longitude: location.longitude })})
        </span>
      </p>
    </div>
  );
}
