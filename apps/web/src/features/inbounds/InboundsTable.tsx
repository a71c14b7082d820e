import { UTM_FIELDS } from '@whatrack/shared';
import type { InboundItem } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useOrganizationFormat } from '../organization/useOrganizationFormat';
import { PlatformBadge } from '../tickets/PlatformBadge';
import { useEnumLabels } from '../../i18n/useEnumLabels';

/** Every identifier of the ticket: the named click ids first, then any other type the API knows. */
function clickIds(item: InboundItem): [string, string][] {
  const named: [string, string | null][] = [
    ['gclid', item.gclid],
    ['fbclid', item.fbclid],
    ['ctwaclid', item.ctwaclid],
  ];
  const others = Object.entries(item.identifiers).filter(([key]) => !['gclid', 'fbclid', 'ctwaclid'].includes(key));
  return [...named.filter((entry): entry is [string, string] => Boolean(entry[1])), ...others];
}

export function InboundsTable({ items, stale }: { items: readonly InboundItem[]; stale?: boolean }) {
  const { t } = useTranslation();
  const labels = useEnumLabels();
  const { dateTime } = useOrganizationFormat();
  return (
    <div className="table-wrap" data-stale={stale || undefined} aria-busy={stale || undefined}>
      <table className="table table-cards">
        <caption className="visually-hidden">{t('inbounds.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('tickets.columns.lead')}</th>
            <th scope="col">{t('inbounds.columns.platform')}</th>
            <th scope="col">{t('inbounds.columns.utms')}</th>
            <th scope="col">{t('inbounds.columns.clickIds')}</th>
            <th scope="col">{t('tickets.columns.createdAt')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const ids = clickIds(item);
            const utms = UTM_FIELDS.filter((key) => item[key]);
            return (
              <tr key={item.id}>
                <td data-label={t('tickets.columns.lead')}>
                  <Link className="cell-title" to={`/dashboard/tickets/${item.id}`}>
                    {item.leadName || t('tickets.noName')}
                  </Link>
                  <span className="cell-sub">{labels.ticketStatus(item.status)}</span>
                </td>
                <td data-label={t('inbounds.columns.platform')}>
                  {item.platform ? <PlatformBadge platform={item.platform} /> : <span className="muted">—</span>}
                  <span className="cell-sub">{labels.ticketSourceType(item.sourceType)}</span>
                </td>
                <td data-label={t('inbounds.columns.utms')}>
                  {utms.length === 0 ? (
                    <span className="muted">—</span>
                  ) : (
                    <dl className="kv">
                      {utms.map((key) => (
                        <div key={key}>
                          <dt>{labels.utmFieldShort(key)}</dt>
                          <dd>{item[key]}</dd>
                        </div>
                      ))}
                    </dl>
                  )}
                </td>
                <td data-label={t('inbounds.columns.clickIds')}>
                  {ids.length === 0 ? (
                    <span className="muted">—</span>
                  ) : (
                    <dl className="kv">
                      {ids.map(([key, value]) => (
                        <div key={key}>
                          <dt>{key}</dt>
                          <dd>
                            <code className="truncate" title={value}>
                              {value}
                            </code>
                          </dd>
                        </div>
                      ))}
                    </dl>
                  )}
                </td>
                <td data-label={t('tickets.columns.createdAt')}>
                  <time dateTime={item.createdAt}>{dateTime(item.createdAt)}</time>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
