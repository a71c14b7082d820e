import type { Stage } from '@whatrack/api-client';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { useStages } from '../../tickets/useStages';
import { EmptyState } from '../../ui/EmptyState';
import { QueryError } from '../../ui/QueryError';
import { SkeletonList } from '../../ui/Skeleton';

interface StagesQueryStateProps {
  stages: ReturnType<typeof useStages>;
  /** What to do about an empty pipeline (create one below, or ask a manager). */
  emptyHint: string;
  children: (stages: Stage[]) => ReactNode;
}

/** The loading, error and empty states of the stage list; the list itself once there are stages. */
export function StagesQueryState({ stages, emptyHint, children }: StagesQueryStateProps) {
  const { t } = useTranslation();
  if (stages.isPending) return <SkeletonList label={t('tickets.stages.loading')} rows={3} height={56} />;
  if (stages.isError) return <QueryError error={stages.error} onRetry={() => void stages.refetch()} />;
  if (stages.data.length === 0) return <EmptyState title={t('tickets.stages.empty')}>{emptyHint}</EmptyState>;
  return children(stages.data);
}
