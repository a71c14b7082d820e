import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../ui/CopyButton';

/** A subscription's signing secret, shown this one time only (creation or rotation), with a copy button. */
export function WebhookSecretNotice({
  url,
  secret,
  onDismiss,
}: {
  url: string;
  secret: string;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="alert alert-success created-key" role="status">
      <p>
        <strong>{t('webhooks.secretTitle')}</strong> <span className="muted webhook-secret-url">{url}</span>
      </p>
      <p>{t('webhooks.secretBody')}</p>
      <div className="webhook-row">
        <code className="webhook-url" data-testid="webhook-secret">
          {secret}
        </code>
        <CopyButton text={secret} what={t('webhooks.secretOf')} />
      </div>
      <button type="button" className="btn btn-ghost btn-sm" onClick={onDismiss}>
        {t('webhooks.savedIt')}
      </button>
    </div>
  );
}
