import { useTranslation } from 'react-i18next';
import { EmptyState } from '../ui/EmptyState';
import { PageHeader } from './PageHeader';
import type { NAV_ITEMS } from './navItems';

interface ComingSoonPageProps {
  title: (typeof NAV_ITEMS)[number]['label'];
}

/** Placeholder for areas that are not built yet. */
export function ComingSoonPage({ title }: ComingSoonPageProps) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t(title)} />
      <EmptyState title={t('comingSoon.title')}>{t('comingSoon.body')}</EmptyState>
    </>
  );
}
