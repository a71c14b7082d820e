import type { TrackingLink } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';
import { CopyUrlButton } from './CopyUrlButton';
import { useCountFormat } from './useCountFormat';
import { UtmBuilder } from './UtmBuilder';

interface TrackingLinksListProps {
  links: readonly TrackingLink[];
  /** The name of a link's WhatsApp line. */
  lineName: (instanceId: string) => string;
}

/** Each link with its line, clicks and tickets, its URL to copy and a UTM builder; cards on narrow screens. */
export function TrackingLinksList({ links, lineName }: TrackingLinksListProps) {
  const { t } = useTranslation();
  const count = useCountFormat();
  return (
    <div className="table-wrap">
      <table className="table table-cards tracking-links-table">
        <caption className="visually-hidden">{t('trackingLinks.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('trackingLinks.columns.name')}</th>
            <th scope="col">{t('trackingLinks.columns.line')}</th>
            <th scope="col" className="cell-number">
              {t('trackingLinks.columns.clicks')}
            </th>
            <th scope="col" className="cell-number">
              {t('trackingLinks.columns.tickets')}
            </th>
            <th scope="col">{t('trackingLinks.columns.link')}</th>
          </tr>
        </thead>
        <tbody>
          {links.map((link) => (
            <tr key={link.id} data-testid={`tracking-link-${link.id}`}>
              <td data-label={t('trackingLinks.columns.name')}>
                <span className="cell-title">{link.name}</span>
                <span className="tracking-message muted small">{link.message}</span>
              </td>
              <td data-label={t('trackingLinks.columns.line')}>{lineName(link.instanceId)}</td>
              <td data-label={t('trackingLinks.columns.clicks')} className="cell-number">
                {count(link.clicks)}
              </td>
              <td data-label={t('trackingLinks.columns.tickets')} className="cell-number">
                {count(link.tickets)}
              </td>
              <td className="tracking-link-cell">
                <code className="tracking-url">{link.url}</code>
                <CopyUrlButton url={link.url} what={link.name} />
                <UtmBuilder link={link} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
