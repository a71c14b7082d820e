import { useTranslation } from 'react-i18next';
import { EmptyState } from '../ui/EmptyState';
import { ErrorMessage } from '../ui/ErrorMessage';
import { StageChip } from './StageChip';
import { StageChipsSkeleton } from './StageChipsSkeleton';
import { useStages } from './useStages';

/** The pipeline stages as chips, with loading, error and empty states. */
export function StageChips() {
  const { t } = useTranslation();
  const stages = useStages();

  if (stages.isPending) return <StageChipsSkeleton label={t('tickets.stages.loading')} />;
  if (stages.isError) {
    return (
      <ErrorMessage error={stages.error}>
        <button type="button" className="btn btn-secondary btn-sm" onClick={() => void stages.refetch()}>
          {t('errors.retry')}
        </button>
      </ErrorMessage>
    );
  }
  if (stages.data.length === 0) {
    return <EmptyState title={t('tickets.stages.empty')}>{t('tickets.stages.emptyHint')}</EmptyState>;
  }
  return (
    <>
      <p className="muted small">{t('tickets.stages.count', { count: stages.data.length })}</p>
      <ul className="chip-list">
        {stages.data.map((stage) => (
          <li key={stage.id}>
            <StageChip stage={stage} />
          </li>
        ))}
      </ul>
    </>
  );
}
