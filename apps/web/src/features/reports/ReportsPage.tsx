import {
  ATTRIBUTION_GROUPS,
  TIMESERIES_INTERVALS,
  TIMESERIES_METRICS,
  type AttributionGroup,
  type TimeseriesInterval,
  type TimeseriesMetric,
} from '@whatrack/shared';
import { keepPreviousData } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../layout/PageHeader';
import { useOrganizationFormat } from '../organization/useOrganizationFormat';
import { useTeamMembers } from '../team/useTeamMembers';
import { TicketFiltersBar } from '../tickets/TicketFiltersBar';
import { useStages } from '../tickets/useStages';
import { useTicketFilters } from '../tickets/useTicketFilters';
import { EmptyState } from '../ui/EmptyState';
import { QueryError } from '../ui/QueryError';
import { SelectField } from '../ui/SelectField';
import { SkeletonList } from '../ui/Skeleton';
import { AttributionTable } from './AttributionTable';
import { FunnelList } from './FunnelList';
import { KpiCards } from './KpiCards';
import { SupportReport } from './SupportReport';
import { toReportQuery } from './reportQuery';
import { useReportNumbers } from './reportFormat';
import './reports.css';
import { queryKeys } from '../../api/query-keys';
import { useApiQuery } from '../../api/useApiQuery';
import { useEnumLabels } from '../../i18n/useEnumLabels';

// recharts is big: it only loads with this page, and the chart below the table does not hold the rest back.
const TimeseriesChart = lazy(() => import('./TimeseriesChart'));

/**
 * /dashboard/reports: KPIs, attribution by a dimension, the time series by platform, the stage funnel, and the
 * support times (response, resolution, time per stage).
 */
export function ReportsPage() {
  const { t } = useTranslation();
  const labels = useEnumLabels();
  const filtersState = useTicketFilters();
  const query = toReportQuery(filtersState.filters);
  const stages = useStages();
  const users = useTeamMembers();
  const [groupBy, setGroupBy] = useState<AttributionGroup>('platform');
  const [metric, setMetric] = useState<TimeseriesMetric>('revenue');
  const [interval, setInterval] = useState<TimeseriesInterval>('day');
  const { money } = useOrganizationFormat();
  const numbers = useReportNumbers();

  const attribution = useApiQuery(queryKeys.reports.attribution({ ...query, groupBy }), {
    placeholderData: keepPreviousData,
  });
  const timeseries = useApiQuery(queryKeys.reports.timeseries({ ...query, interval, metric, groupBy: 'platform' }), {
    placeholderData: keepPreviousData,
  });
  const funnel = useApiQuery(queryKeys.reports.funnel(query));
  const groupLabel = labels.attributionGroup(groupBy);
  const formatBucket = (bucket: string) => {
    const [year = '', month = '', day = ''] = bucket.split('-');
    return interval === 'month' ? `${month}/${year}` : `${day}/${month}`;
  };

  return (
    <>
      <PageHeader title={t('reports.title')} subtitle={t('reports.subtitle')} />
      <TicketFiltersBar
        state={filtersState}
        stages={stages.data ?? []}
        origins={attribution.data?.groupBy === 'utmSource' ? attribution.data.rows.map((row) => row.key) : []}
        users={users}
      />
      {attribution.isError ? (
        <QueryError error={attribution.error} onRetry={() => void attribution.refetch()} />
      ) : (
        <KpiCards totals={attribution.data?.totals} />
      )}

      <section className="panel stack" aria-labelledby="report-attribution">
        <div className="panel-head">
          <h2 id="report-attribution" className="panel-title">
            {t('reports.attribution.title')}
          </h2>
          <SelectField
            label={t('reports.groupBy.label')}
            value={groupBy}
            onChange={(event) => setGroupBy(event.currentTarget.value as AttributionGroup)}
          >
            {ATTRIBUTION_GROUPS.map((value) => (
              <option key={value} value={value}>
                {labels.attributionGroup(value)}
              </option>
            ))}
          </SelectField>
        </div>
        {attribution.isPending ? (
          <SkeletonList label={t('app.loading')} rows={3} height={40} />
        ) : attribution.isError ? (
          <QueryError error={attribution.error} onRetry={() => void attribution.refetch()} />
        ) : attribution.data.rows.length === 0 ? (
          <EmptyState title={t('reports.empty')}>{t('reports.emptyHint')}</EmptyState>
        ) : (
          <AttributionTable rows={attribution.data.rows} groupLabel={groupLabel} />
        )}
      </section>

      <div className="report-grid">
        <section className="panel stack" aria-labelledby="report-timeseries">
          <div className="panel-head">
            <h2 id="report-timeseries" className="panel-title">
              {t('reports.timeseries.title')}
            </h2>
            <div className="row report-controls">
              <SelectField
                label={t('reports.timeseries.metric')}
                value={metric}
                onChange={(event) => setMetric(event.currentTarget.value as TimeseriesMetric)}
              >
                {TIMESERIES_METRICS.map((value) => (
                  <option key={value} value={value}>
                    {labels.timeseriesMetric(value)}
                  </option>
                ))}
              </SelectField>
              <SelectField
                label={t('reports.timeseries.interval')}
                value={interval}
                onChange={(event) => setInterval(event.currentTarget.value as TimeseriesInterval)}
              >
                {TIMESERIES_INTERVALS.map((value) => (
                  <option key={value} value={value}>
                    {labels.timeseriesInterval(value)}
                  </option>
                ))}
              </SelectField>
            </div>
          </div>
          {timeseries.isPending ? (
            <SkeletonList label={t('app.loading')} rows={1} height={280} />
          ) : timeseries.isError ? (
            <QueryError error={timeseries.error} onRetry={() => void timeseries.refetch()} />
          ) : timeseries.data.buckets.length === 0 || timeseries.data.totals.every((value) => value === 0) ? (
            <EmptyState title={t('reports.timeseries.empty')} />
          ) : (
            <div className="report-chart">
              <Suspense fallback={<SkeletonList label={t('app.loading')} rows={1} height={280} />}>
                <TimeseriesChart
                  data={timeseries.data}
                  noneLabel={t('reports.none')}
                  formatBucket={formatBucket}
                  formatValue={timeseries.data.metric === 'revenue' ? money : numbers.count}
                />
              </Suspense>
            </div>
          )}
        </section>

        <section className="panel stack" aria-labelledby="report-funnel">
          <div className="panel-head">
            <h2 id="report-funnel" className="panel-title">
              {t('reports.funnel.title')}
            </h2>
          </div>
          {funnel.isPending ? (
            <SkeletonList label={t('app.loading')} rows={3} height={32} />
          ) : funnel.isError ? (
            <QueryError error={funnel.error} onRetry={() => void funnel.refetch()} />
          ) : funnel.data.total === 0 ? (
            <EmptyState title={t('reports.empty')} />
          ) : (
            <FunnelList funnel={funnel.data} />
          )}
        </section>
      </div>

      <SupportReport query={query} />
    </>
  );
}
