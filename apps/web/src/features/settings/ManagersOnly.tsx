import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../auth/usePermissions';
import { EmptyState } from '../ui/EmptyState';

/** Renders its children for owners and admins; agents get an explanation instead. */
export function ManagersOnly({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { canManage } = usePermissions();
  if (canManage) return children;
  return <EmptyState title={t('settings.managersOnly')}>{t('settings.managersOnlyHint')}</EmptyState>;
}
