import type { WhatsappInstance } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../ui/CopyButton';
import { Fact } from '../../ui/Fact';
import { webhookUrl } from './webhookUrl';
import { useEnumLabels } from '../../../i18n/useEnumLabels';

interface InstanceCardProps {
  instance: WhatsappInstance;
  isDefault: boolean;
  onEdit?: () => void;
  onDelete?: () => void;
}

export function InstanceCard({ instance, isDefault, onEdit, onDelete }: InstanceCardProps) {
  const { t } = useTranslation();
  const labels = useEnumLabels();
  const url = webhookUrl(instance, window.location.origin);
  const claim = claimOf(instance);
  return (
    <li className="instance-card">
      <div className="panel-head">
        <div>
          <h3 className="instance-name">
            {instance.name} {isDefault && <span className="badge">{t('settings.whatsapp.default')}</span>}
            {claim && (
              <span className="badge" data-claim={claim}>
                {t(`settings.whatsapp.claim.${claim}`)}
              </span>
            )}
          </h3>
          <p className="muted small">
            {instance.phoneNumber} · {labels.whatsappProvider(instance.provider)}
          </p>
        </div>
        {(onEdit || onDelete) && (
          <div className="row">
            {onEdit && (
              <button type="button" className="btn btn-secondary btn-sm" onClick={onEdit}>
                {t('common.edit')}
              </button>
            )}
            {onDelete && (
              <button type="button" className="btn btn-ghost btn-sm" onClick={onDelete}>
                {t('common.delete')}
              </button>
            )}
          </div>
        )}
      </div>
      <dl className="facts">
        <Fact
          label={
            instance.provider === 'cloud_api'
              ? t('settings.whatsapp.phoneNumberId')
              : t('settings.whatsapp.evolutionInstance')
          }
        >
          {instance.providerPhoneNumberId ? (
            <code>{instance.providerPhoneNumberId}</code>
          ) : (
            <span className="muted">—</span>
          )}
        </Fact>
        {instance.provider === 'evolution' && (
          <>
            <Fact label={t('settings.whatsapp.apiUrl')}>
              {instance.apiUrl ? <code>{instance.apiUrl}</code> : <span className="muted">—</span>}
            </Fact>
            <Fact label={t('settings.whatsapp.apiKey')}>
              <span className={instance.hasApiKey ? undefined : 'muted'} data-api-key={instance.hasApiKey}>
                {t(instance.hasApiKey ? 'settings.whatsapp.apiKeyStatus.set' : 'settings.whatsapp.apiKeyStatus.unset')}
              </span>
            </Fact>
          </>
        )}
        {instance.provider === 'cloud_api' && (
          <Fact label={t('settings.whatsapp.businessAccountId')}>
            {instance.providerBusinessAccountId ? (
              <code>{instance.providerBusinessAccountId}</code>
            ) : (
              <span className="muted">—</span>
            )}
          </Fact>
        )}
      </dl>
      {claim && claim !== 'verified' && <p className="field-hint">{t(`settings.whatsapp.claimHint.${claim}`)}</p>}
      <div className="webhook">
        <span className="field-label">{t('settings.whatsapp.webhook')}</span>
        <div className="webhook-row">
          <code className="webhook-url">{url}</code>
          <CopyButton text={url} what={t('settings.whatsapp.webhookOf', { name: instance.name })} />
        </div>
        <p className="field-hint">
          {instance.provider === 'cloud_api'
            ? t('settings.whatsapp.webhookHintCloud')
            : t('settings.whatsapp.webhookHintEvolution')}
        </p>
      </div>
      {instance.provider === 'evolution' && instance.webhookToken && (
        <div className="webhook">
          <span className="field-label">{t('settings.whatsapp.webhookToken')}</span>
          <div className="webhook-row">
            <code className="webhook-url">{instance.webhookToken}</code>
            <CopyButton
              text={instance.webhookToken}
              what={t('settings.whatsapp.webhookTokenOf', { name: instance.name })}
            />
          </div>
          <p className="field-hint">{t('settings.whatsapp.webhookTokenHint')}</p>
        </div>
      )}
    </li>
  );
}

/** How a Cloud API line stands as the receiver of its phone number ID's messages (Evolution lines have no claim). */
function claimOf(instance: WhatsappInstance): 'verified' | 'conflicting' | 'unverified' | null {
  if (instance.provider !== 'cloud_api') return null;
  if (instance.verified) return 'verified';
  return instance.conflicting ? 'conflicting' : 'unverified';
}
