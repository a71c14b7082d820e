import type { TicketDetail } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';
import { PlatformBadge } from '../tickets/PlatformBadge';
import { Fact } from '../ui/Fact';

const UTMS = ['utmSource', 'utmMedium', 'utmCampaign', 'utmTerm', 'utmContent'] as const;

/** Where the lead came from: platform, paid/organic, UTMs, click ids and ad. */
export function TrackingCard({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
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
        <Fact label={t('ticket.tracking.sourceType')}>{t(`sourceType.${ticket.sourceType}`)}</Fact>
        {UTMS.map((key) => (
          <Fact key={key} label={t(`tracking.fields.${key}`)}>
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
