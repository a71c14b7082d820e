import { useTranslation } from 'react-i18next';
import { useAuthenticatedSession } from '../auth/useAuthenticatedSession';
import { PageHeader } from '../layout/PageHeader';
import { Fact } from '../ui/Fact';
import { SettingsSection } from '../settings/SettingsSection';
import { ChangePasswordForm } from './ChangePasswordForm';
import { useEnumLabels } from '../../i18n/useEnumLabels';

/** Minha conta: who you are signed in as, and your password. Open to every role. */
export function AccountPage() {
  const { t } = useTranslation();
  const labels = useEnumLabels();
  const { user } = useAuthenticatedSession();
  return (
    <div className="stack">
      <PageHeader title={t('members.account.title')} subtitle={t('members.account.description')} />
      {user && (
        <section className="panel" aria-label={t('members.account.title')}>
          <dl className="facts">
            <Fact label={t('settings.team.name')}>{user.name}</Fact>
            <Fact label={t('settings.team.email')}>{user.email}</Fact>
            <Fact label={t('settings.team.role')}>{labels.userRole(user.role)}</Fact>
          </dl>
        </section>
      )}
      <SettingsSection
        title={t('members.account.changePassword')}
        description={t('members.account.changePasswordDescription')}
      >
        <ChangePasswordForm />
      </SettingsSection>
    </div>
  );
}
