import type { PasswordResetLink, User } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';
import { useOrganizationFormat } from '../../organization/useOrganizationFormat';
import { CopyButton } from '../../ui/CopyButton';

interface ResetLinkNoticeProps {
  member: User;
  link: PasswordResetLink;
  onDismiss: () => void;
}

/** A generated one-time reset link, shown this once with a copy button, and whether it was e-mailed. */
export function ResetLinkNotice({ member, link, onDismiss }: ResetLinkNoticeProps) {
  const { t } = useTranslation();
  const { dateTime } = useOrganizationFormat();
  return (
    <div className="alert alert-success created-key" role="status">
      <p>
        <strong>{t('members.resetLinkTitle', { name: member.name })}</strong>
      </p>
      <p>{t('members.resetLinkBody', { time: dateTime(link.expiresAt) })}</p>
      <p>{link.emailed ? t('members.resetLinkEmailed', { email: member.email }) : t('members.resetLinkNotEmailed')}</p>
      <div className="webhook-row">
        <code className="webhook-url" data-testid="reset-link">
          {link.url}
        </code>
        <CopyButton text={link.url} what={t('members.linkOf', { name: member.name })} />
      </div>
      <button type="button" className="btn btn-ghost btn-sm" onClick={onDismiss}>
        {t('members.dismiss')}
      </button>
    </div>
  );
}
