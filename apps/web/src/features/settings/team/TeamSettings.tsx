import type { PasswordResetLink, User, UserRole } from '@whatrack/api-client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuthenticatedSession } from '../../auth/useAuthenticatedSession';
import { usePermissions } from '../../auth/usePermissions';
import { useUsers } from '../../team/useUsers';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { QueryError } from '../../ui/QueryError';
import { ReadOnlyNote } from '../../ui/ReadOnlyNote';
import { SkeletonList } from '../../ui/Skeleton';
import { useToast } from '../../ui/useToast';
import { SettingsSection } from '../SettingsSection';
import { MembersTable } from './MembersTable';
import { NewUserForm } from './NewUserForm';
import { ResetLinkNotice } from './ResetLinkNotice';
import { useMemberMutations } from './useMemberMutations';
import { useEnumLabels } from '../../../i18n/useEnumLabels';

/** Who works in the organization; owners and admins add people, change roles, deactivate and reset passwords. */
export function TeamSettings() {
  const { t } = useTranslation();
  const labels = useEnumLabels();
  const toast = useToast();
  const { canManage } = usePermissions();
  const { user: me } = useAuthenticatedSession();
  const users = useUsers();
  const { update, resetLink } = useMemberMutations();
  const [generated, setGenerated] = useState<{ member: User; link: PasswordResetLink } | null>(null);

  const onUpdate = (member: User, body: { role?: UserRole; active?: boolean }) => {
    update.mutate(
      { id: member.id, body },
      {
        onSuccess: (saved) => {
          const message =
            body.active === false
              ? t('members.deactivated', { name: saved.name })
              : body.active === true
                ? t('members.reactivated', { name: saved.name })
                : t('members.roleChanged', { name: saved.name, role: labels.userRole(saved.role) });
          toast.show({ tone: 'success', message });
        },
      },
    );
  };

  const onResetLink = (member: User) => {
    setGenerated(null);
    resetLink.mutate(member.id, { onSuccess: (link) => setGenerated({ member, link }) });
  };

  const mutationError = update.error ?? resetLink.error;
  return (
    <>
      <SettingsSection title={t('settings.team.title')} description={t('settings.team.description')}>
        {mutationError && <ErrorMessage error={mutationError} />}
        {generated && (
          <ResetLinkNotice member={generated.member} link={generated.link} onDismiss={() => setGenerated(null)} />
        )}
        {users.isPending ? (
          <SkeletonList label={t('settings.team.loading')} rows={3} height={48} />
        ) : users.isError ? (
          <QueryError error={users.error} onRetry={() => void users.refetch()} />
        ) : (
          <MembersTable
            members={users.data}
            me={me}
            canManage={canManage}
            pendingId={update.isPending ? (update.variables?.id ?? null) : null}
            onUpdate={onUpdate}
            onResetLink={onResetLink}
          />
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
