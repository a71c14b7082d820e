import './webhook-events.css';
import type { WebhookEventStatus } from '@whatrack/api-client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../../api/query-keys';
import { useApiQuery } from '../../../api/useApiQuery';
import { EmptyState } from '../../ui/EmptyState';
import { Pagination } from '../../ui/Pagination';
import { QueryError } from '../../ui/QueryError';
import { SelectField } from '../../ui/SelectField';
import { SkeletonList } from '../../ui/Skeleton';
import { useWhatsappInstances } from '../../whatsapp/useWhatsappInstances';
import { ManagersOnly } from '../ManagersOnly';
import { SettingsSection } from '../SettingsSection';
import { WebhookEventCard } from './WebhookEventCard';
import { DEFAULT_STATUS_FILTER, WEBHOOK_EVENT_STATUSES } from './webhookEventStatus';

const PAGE_SIZE = 20;
const ALL = '';

/** /dashboard/settings/webhook-events: what the WhatsApp webhooks delivered and how it went (owners and admins). */
export function WebhookEventsSettings() {
  return (
    <ManagersOnly>
      <WebhookEvents />
    </ManagersOnly>
  );
}

function WebhookEvents() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<WebhookEventStatus | typeof ALL>(DEFAULT_STATUS_FILTER);
  const [page, setPage] = useState(1);
  const events = useApiQuery(
    queryKeys.webhookEvents.list({ page, pageSize: PAGE_SIZE, ...(status ? { status } : {}) }),
    // Keeps the current page on screen while the next one loads, instead of a skeleton flash.
    { placeholderData: (previous) => previous },
  );
  const lines = useWhatsappInstances();
  const lineName = (instanceId: string | null) =>
    instanceId ? lines.data?.items.find((line) => line.id === instanceId)?.name : undefined;

  return (
    <SettingsSection title={t('webhookEvents.title')} description={t('webhookEvents.description')}>
      <SelectField
        className="webhook-filter"
        label={t('webhookEvents.filter')}
        value={status}
        onChange={(event) => {
          setStatus(event.currentTarget.value as WebhookEventStatus | typeof ALL);
          setPage(1);
        }}
      >
        <option value={ALL}>{t('webhookEvents.allStatuses')}</option>
        {WEBHOOK_EVENT_STATUSES.map((value) => (
          <option key={value} value={value}>
            {t(`webhookEvents.status.${value}`)}
          </option>
        ))}
      </SelectField>
      {events.isPending ? (
        <SkeletonList label={t('webhookEvents.loading')} rows={3} height={96} />
      ) : events.isError ? (
        <QueryError error={events.error} onRetry={() => void events.refetch()} />
      ) : events.data.items.length === 0 ? (
        <EmptyState title={status ? t('webhookEvents.empty') : t('webhookEvents.emptyAll')}>
          {t('webhookEvents.emptyHint')}
        </EmptyState>
      ) : (
        <>
          <ul
            className="webhook-event-list"
            aria-label={t('webhookEvents.caption')}
            data-stale={events.isPlaceholderData || undefined}
          >
            {events.data.items.map((event) => (
              <li key={event.id}>
                <WebhookEventCard event={event} lineName={lineName(event.instanceId)} />
              </li>
            ))}
          </ul>
          <Pagination
            page={events.data.page}
            pageSize={events.data.pageSize}
            total={events.data.total}
            onPage={setPage}
          />
        </>
      )}
    </SettingsSection>
  );
}
