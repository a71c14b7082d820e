import { useTranslation } from 'react-i18next';
import { PageHeader } from '../layout/PageHeader';
import { EmptyState } from '../ui/EmptyState';
import { StageChips } from './StageChips';

export function TicketsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('tickets.title')} subtitle={t('tickets.subtitle')} />
      <section className="panel stack" aria-labelledby="stages-title">
        <h2 id="stages-title" className="panel-title">
          {t('tickets.stages.title')}
        </h2>
        <StageChips />
      </section>
      <EmptyState title={t('tickets.listSoon')} />
    </>
  );
}
