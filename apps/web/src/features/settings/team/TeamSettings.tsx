import { useTranslation } from 'react-i18next';
import { useAuthenticatedSession } from '../../auth/useAuthenticatedSession';
import { usePermissions } from '../../auth/usePermissions';
import { useOrganizationFormat } from '../../organization/useOrganizationFormat';
import { useUsers } from '../../team/useUsers';
import { QueryError } from '../../ui/QueryError';
import { ReadOnlyNote } from '../../ui/ReadOnlyNote';
import { SkeletonList } from '../../ui/Skeleton';
import { SettingsSection } from '../SettingsSection';
import { NewUserForm } from './NewUserForm';
import { useEnumLabels } from '../../../i18n/useEnumLabels';

/** Who works in the organization; owners and admins add agents and admins. */
export function TeamSettings() {
  const { t } = useTranslation();
  const labels = useEnumLabels();
  const { canManage } = usePermissions();
  const { user: me } = useAuthenticatedSession();
  const { date } = useOrganizationFormat();
  const users = useUsers();

  return (
    <>
      <SettingsSection title={t('settings.team.title')} description={t('settings.team.description')}>
        {users.isPending ? (
          <SkeletonList label={t('settings.team.loading')} rows={3} height={48} />
        ) : users.isError ? (
          <QueryError error={users.error} onRetry={() => void users.refetch()} />
        ) : (
          <div className="table-wrap">
            <table className="table table-cards">
              <caption className="visually-hidden">{t('settings.team.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('settings.team.name')}</th>
                  <th scope="col">{t('settings.team.email')}</th>
                  <th scope="col">{t('settings.team.role')}</th>
                  <th scope="col">{t('settings.team.since')}</th>
                </tr>
              </thead>
              <tbody>
                {users.data.map((user) => (
                  <tr key={user.id}>
                    <td data-label={t('settings.team.name')}>
                      <span className="cell-title">
                        {user.name} {user.id === me?.id && <span className="badge">{t('settings.team.you')}</span>}
                      </span>
                    </td>
                    <td data-label={t('settings.team.email')}>{user.email}</td>
                    <td data-label={t('settings.team.role')}>{labels.userRole(user.role)}</td>
                    <td data-label={t('settings.team.since')}>{date(user.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </SettingsSection>
      <SettingsSection
        title={t('settings.team.addTitle')}
        description={canManage ? t('settings.team.addDescription') : undefined}
      >
        {canManage ? <NewUserForm /> : <ReadOnlyNote>{t('settings.team.agentsCannotAdd')}</ReadOnlyNote>}
      </SettingsSection>
    </>
  );
}
