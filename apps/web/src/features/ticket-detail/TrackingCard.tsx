import { UTM_FIELDS } from '@whatrack/shared';
import type { TicketDetail } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';
import { PlatformBadge } from '../tickets/PlatformBadge';
import { Fact } from '../ui/Fact';
import { useEnumLabels } from '../../i18n/useEnumLabels';

/** Where the lead came from: platform, paid/organic, UTMs, click ids and ad. */
export function TrackingCard({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const labels = useEnumLabels();
  const tracking = ticket.tracking;
  const identifiers = Object.entries(tracking?.identifiers ?? {});
  const none = <span className="muted">—</span>;
  return (
    <section className="panel" aria-labelledby="tracking-card-title">
      <h2 id="tracking-card-title" className="panel-title">
        {t('ticket.tracking.title')}
      </h2>
      <dl className="facts">
        <Fact label={t('ticket.tracking.platform')}>
          {tracking?.platform ? (
            <PlatformBadge platform={tracking.platform.key} name={tracking.platform.name} />
          ) : (
            <span className="muted">{t('ticket.tracking.noPlatform')}</span>
          )}
        </Fact>
        <Fact label={t('ticket.tracking.sourceType')}>{labels.ticketSourceType(ticket.sourceType)}</Fact>
        {UTM_FIELDS.map((key) => (
          <Fact key={key} label={labels.utmField(key)}>
            {tracking?.[key] ?? none}
          </Fact>
        ))}
        {identifiers.map(([key, value]) => (
          <Fact key={key} label={key}>
            <code className="break">{value}</code>
          </Fact>
        ))}
        {tracking?.adHeadline && <Fact label={t('ticket.tracking.adHeadline')}>{tracking.adHeadline}</Fact>}
        {tracking?.adId && (
          <Fact label={t('ticket.tracking.adId')}>
            <code className="break">{tracking.adId}</code>
          </Fact>
        )}
        {tracking?.sourceUrl && (
          <Fact label={t('ticket.tracking.sourceUrl')}>
            <span className="break">{tracking.sourceUrl}</span>
          </Fact>
        )}
      </dl>
      {identifiers.length === 0 && <p className="muted small">{t('ticket.tracking.noClickIds')}</p>}
    </section>
  );
}
