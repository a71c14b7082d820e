import type { components } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';
import { useOrganizationFormat } from '../organization/useOrganizationFormat';
import { useReportNumbers } from './reportFormat';

type Totals = components['schemas']['AttributionMetricsDto'];

/** Tickets, conversion rate, revenue, spend and ROAS of the whole filter. */
export function KpiCards({ totals }: { totals: Totals | undefined }) {
  const { t } = useTranslation();
  const { money } = useOrganizationFormat();
  const numbers = useReportNumbers();
  const items = [
    { key: 'tickets', value: totals && numbers.count(totals.tickets) },
    {
      key: 'conversionRate',
      value: totals && numbers.percent(totals.conversionRate),
      hint: totals && t('reports.kpi.withSales', { count: totals.ticketsWithSales }),
    },
    {
      key: 'revenue',
      value: totals && money(totals.revenue),
      hint: totals && t('reports.kpi.sales', { count: totals.salesCount }),
    },
    { key: 'spend', value: totals && (totals.spend === null ? '—' : money(totals.spend)) },
    { key: 'roas', value: totals && numbers.ratio(totals.roas) },
  ] as const;
  return (
    <dl className="indicators report-kpis" aria-busy={!totals || undefined}>
      {items.map((item) => (
        <div key={item.key} className="indicator" data-testid={`kpi-${item.key}`}>
          <dt className="indicator-label">{t(`reports.kpi.${item.key}`)}</dt>
          <dd className="indicator-value">
            {item.value ?? <span className="skeleton skeleton-text" aria-label={t('app.loading')} />}
          </dd>
          {'hint' in item && item.hint && <dd className="indicator-hint">{item.hint}</dd>}
        </div>
      ))}
    </dl>
  );
}
