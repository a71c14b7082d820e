import { keepPreviousData } from '@tanstack/react-query';
import { SUPPORT_GROUPS, type SupportGroup } from '@whatrack/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/query-keys';
import { useApiQuery } from '../../api/useApiQuery';
import { EmptyState } from '../ui/EmptyState';
import { QueryError } from '../ui/QueryError';
import { SelectField } from '../ui/SelectField';
import { SkeletonList } from '../ui/Skeleton';
import type { toReportQuery } from './reportQuery';
import { StageTimeList } from './StageTimeList';
import { SupportTable } from './SupportTable';

/** The support side of the reports: how fast the team answers and resolves, per agent, line or period. */
export function SupportReport({ query }: { query: ReturnType<typeof toReportQuery> }) {
  const { t } = useTranslation();
  const [groupBy, setGroupBy] = useState<SupportGroup>('agent');
  const support = useApiQuery(queryKeys.reports.support({ ...query, groupBy }), { placeholderData: keepPreviousData });
  const groupLabel = t(`reports.support.groupBy.${groupBy}`);
  return (
    <div className="report-grid">
      <section className="panel stack" aria-labelledby="report-support">
        <div className="panel-head">
          <h2 id="report-support" className="panel-title">
            {t('reports.support.title')}
          </h2>
          <SelectField
            label={t('reports.groupBy.label')}
            value={groupBy}
            onChange={(event) => setGroupBy(event.currentTarget.value as SupportGroup)}
          >
            {SUPPORT_GROUPS.map((value) => (
              <option key={value} value={value}>
                {t(`reports.support.groupBy.${value}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <p className="muted small">{t('reports.support.hint')}</p>
        {support.isPending ? (
          <SkeletonList label={t('app.loading')} rows={3} height={40} />
        ) : support.isError ? (
          <QueryError error={support.error} onRetry={() => void support.refetch()} />
        ) : support.data.total.tickets === 0 ? (
          <EmptyState title={t('reports.empty')}>{t('reports.emptyHint')}</EmptyState>
        ) : (
          <SupportTable report={support.data} groupLabel={groupLabel} />
        )}
      </section>
      <section className="panel stack" aria-labelledby="report-stage-times">
        <div className="panel-head">
          <h2 id="report-stage-times" className="panel-title">
            {t('reports.support.stagesTitle')}
          </h2>
        </div>
        {support.isPending ? (
          <SkeletonList label={t('app.loading')} rows={3} height={32} />
        ) : support.isError ? (
          <QueryError error={support.error} onRetry={() => void support.refetch()} />
        ) : support.data.total.tickets === 0 ? (
          <EmptyState title={t('reports.empty')} />
        ) : (
          <StageTimeList stages={support.data.stages} />
        )}
      </section>
    </div>
  );
}
