import type { components } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../ui/QueryError';
import { SkeletonList } from '../../ui/Skeleton';
import { useWhatsappSetup } from '../../whatsapp/useWhatsappSetup';
import { SettingsSection } from '../SettingsSection';

type SetupItem = components['schemas']['WhatsappSetupItemDto'];

/**
 * What the server still lacks for WhatsApp webhooks (public address, verify token, app secret), each with the
 * environment variable that sets it: without this, a missing secret only shows as Meta's deliveries failing with 401.
 */
export function ServerSetupChecklist() {
  const { t } = useTranslation();
  const setup = useWhatsappSetup();

  return (
    <SettingsSection title={t('settings.whatsapp.setup.title')} description={t('settings.whatsapp.setup.description')}>
      {setup.isPending ? (
        <SkeletonList label={t('settings.whatsapp.setup.loading')} rows={3} height={40} />
      ) : setup.isError ? (
        <QueryError error={setup.error} onRetry={() => void setup.refetch()} />
      ) : (
        <>
          <p role="status" className="setup-summary">
            {setup.data.ready
              ? t('settings.whatsapp.setup.ready')
              : t('settings.whatsapp.setup.notReady', { count: setup.data.items.filter((i) => !i.ok).length })}
          </p>
          <ul className="setup-list">
            {setup.data.items.map((item) => (
              <SetupRow key={item.key} item={item} url={setup.data.publicUrl} />
            ))}
          </ul>
        </>
      )}
    </SettingsSection>
  );
}

function SetupRow({ item, url }: { item: SetupItem; url: string }) {
  const { t } = useTranslation();
  const text = `settings.whatsapp.setup.items.${item.key}` as const;
  return (
    <li className={item.ok ? 'setup-item setup-ok' : 'setup-item setup-todo'}>
      <span className="setup-mark" aria-hidden="true">
        {item.ok ? '✓' : '!'}
      </span>
      <div>
        <p className="setup-label">
          <strong>{t(`${text}.label`)}</strong>{' '}
          <span className="visually-hidden">
            ({item.ok ? t('settings.whatsapp.setup.done') : t('settings.whatsapp.setup.missing')})
          </span>
          <code>{item.envVar}</code>
          {item.cloudApiOnly && <span className="badge">{t('settings.whatsapp.setup.cloudApiOnly')}</span>}
        </p>
        <p className="setup-detail">{t(item.ok ? `${text}.ok` : `${text}.missing`, { url, envVar: item.envVar })}</p>
      </div>
    </li>
  );
}
