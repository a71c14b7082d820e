import './tracking-links.css';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../../api/query-keys';
import { useApiQuery } from '../../../api/useApiQuery';
import { usePermissions } from '../../auth/usePermissions';
import { EmptyState } from '../../ui/EmptyState';
import { QueryError } from '../../ui/QueryError';
import { ReadOnlyNote } from '../../ui/ReadOnlyNote';
import { SkeletonList } from '../../ui/Skeleton';
import { useWhatsappInstances } from '../../whatsapp/useWhatsappInstances';
import { SettingsSection } from '../SettingsSection';
import { NewTrackingLinkForm } from './NewTrackingLinkForm';
import { TrackingLinksList } from './TrackingLinksList';

/** Links that open WhatsApp from an ad and count its clicks and tickets; owners and admins create them. */
export function TrackingLinksSettings() {
  const { t } = useTranslation();
  const { canManage } = usePermissions();
  const links = useApiQuery(queryKeys.trackingLinks());
  const lines = useWhatsappInstances();
  const lineName = (instanceId: string) => {
    if (!lines.data) return '';
    return lines.data.items.find((line) => line.id === instanceId)?.name ?? t('trackingLinks.unknownLine');
  };

  return (
    <>
      {canManage &&
        (lines.isPending ? (
          <SkeletonList label={t('app.loading')} rows={3} height={42} />
        ) : lines.isError ? (
          <QueryError error={lines.error} onRetry={() => void lines.refetch()} />
        ) : (
          <NewTrackingLinkForm lines={lines.data.items} />
        ))}
      <SettingsSection title={t('trackingLinks.title')} description={t('trackingLinks.description')}>
        {!canManage && <ReadOnlyNote>{t('trackingLinks.readOnly')}</ReadOnlyNote>}
        {links.isPending ? (
          <SkeletonList label={t('trackingLinks.loading')} rows={3} height={56} />
        ) : links.isError ? (
          <QueryError error={links.error} onRetry={() => void links.refetch()} />
        ) : links.data.items.length === 0 ? (
          <EmptyState title={t('trackingLinks.empty')}>
            <p>{t('trackingLinks.emptyHint')}</p>
            {!canManage && <p>{t('trackingLinks.emptyAgentHint')}</p>}
          </EmptyState>
        ) : (
          <TrackingLinksList links={links.data.items} lineName={lineName} />
        )}
      </SettingsSection>
    </>
  );
}
