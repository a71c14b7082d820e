import type { TicketSummary } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';
import { useOrganizationFormat } from '../organization/useOrganizationFormat';

/** Quick indicators of the filtered tickets: how many, how many sold, and the value still in negotiation. */
export function TicketsSummary({ summary }: { summary: TicketSummary | undefined }) {
  const { t } = useTranslation();
  const { money } = useOrganizationFormat();
  const items = [
    { key: 'total', label: t('tickets.summary.total'), value: summary?.total.toLocaleString() },
    {
      key: 'withSales',
      label: t('tickets.summary.withSales'),
      value: summary?.withSales.toLocaleString(),
      hint:
        summary && summary.total > 0
          ? t('tickets.summary.conversion', { percent: Math.round((summary.withSales / summary.total) * 100) })
          : undefined,
    },
    {
      key: 'dealValueOpen',
      label: t('tickets.summary.dealValueOpen'),
      value: summary ? money(summary.dealValueOpen) : undefined,
      hint: summary ? t('tickets.summary.dealValueTotal', { value: money(summary.dealValueTotal) }) : undefined,
    },
  ];
  return (
    <dl className="indicators" aria-busy={!summary || undefined}>
      {items.map((item) => (
        <div key={item.key} className="indicator" data-testid={`indicator-${item.key}`}>
          <dt className="indicator-label">{item.label}</dt>
          <dd className="indicator-value">
            {item.value ?? <span className="skeleton skeleton-text" aria-label={t('app.loading')} />}
          </dd>
          {item.hint && <dd className="indicator-hint">{item.hint}</dd>}
        </div>
      ))}
    </dl>
  );
}
