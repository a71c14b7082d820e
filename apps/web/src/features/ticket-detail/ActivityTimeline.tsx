import type { TicketEvent } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';
import { useOrganizationFormat } from '../organization/useOrganizationFormat';
import { timelineSentence } from './timelineSentence';

/** What happened to the ticket, newest first, in plain sentences. */
export function ActivityTimeline({ events }: { events: readonly TicketEvent[] }) {
  const { t } = useTranslation();
  const { money, dateTime } = useOrganizationFormat();
  const newestFirst = [...events].reverse();
  return (
    <section className="panel" aria-labelledby="timeline-title">
      <h2 id="timeline-title" className="panel-title">
        {t('timeline.title')}
      </h2>
      {newestFirst.length === 0 ? (
        <p className="muted small">{t('timeline.empty')}</p>
      ) : (
        <ol className="timeline">
          {newestFirst.map((event) => (
            <li key={event.id} className="timeline-item" data-type={event.type}>
              <p>{timelineSentence(event, { t, money })}</p>
              <time className="muted small" dateTime={event.createdAt}>
                {dateTime(event.createdAt)}
              </time>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
