import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { usePermissions } from '../auth/usePermissions';

/** In place of the composer when the ticket's line cannot send: why, and where owners and admins fix it. */
export function SendingUnavailable({ line }: { line: string }) {
  const { t } = useTranslation();
  const { canManage } = usePermissions();
  return (
    <div className="composer composer-unavailable" role="note">
      <p>{t('reply.cannotSend', { line })}</p>
      {canManage ? (
        <p>
          <Link to="/dashboard/settings/whatsapp">{t('reply.cannotSendManager')}</Link>
        </p>
      ) : (
        <p className="muted small">{t('reply.cannotSendAgent')}</p>
      )}
    </div>
  );
}
