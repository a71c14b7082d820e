import type { User, UserRole } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';
import { useOrganizationFormat } from '../../organization/useOrganizationFormat';
import { MemberRoleSelect } from './MemberRoleSelect';
import { useEnumLabels } from '../../../i18n/useEnumLabels';

interface MembersTableProps {
  members: readonly User[];
  me: User | null;
  /** Owners and admins get the role select and the actions; others read the list. */
  canManage: boolean;
  /** The member whose change is being saved (their controls wait). */
  pendingId: string | null;
  onUpdate: (member: User, body: { role?: UserRole; active?: boolean }) => void;
  onResetLink: (member: User) => void;
}

export function MembersTable({ members, me, canManage, pendingId, onUpdate, onResetLink }: MembersTableProps) {
  const { t } = useTranslation();
  const labels = useEnumLabels();
  const { date } = useOrganizationFormat();
  const meIsOwner = me?.role === 'owner';
  const activeOwners = members.filter((m) => m.role === 'owner' && m.active).length;

  /** Why a member's role and active flag cannot change now, if they cannot. */
  const lockedReason = (member: User): string | null => {
    if (member.role !== 'owner') return null;
    if (!meIsOwner) return t('members.ownerOnlyHint');
    return member.active && activeOwners <= 1 ? t('members.lastOwnerHint') : null;
  };

  return (
    <div className="table-wrap">
      <table className="table table-cards">
        <caption className="visually-hidden">{t('settings.team.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('settings.team.name')}</th>
            <th scope="col">{t('settings.team.email')}</th>
            <th scope="col">{t('settings.team.role')}</th>
            <th scope="col">{t('members.status')}</th>
            <th scope="col">{t('settings.team.since')}</th>
            {canManage && (
              <th scope="col">
                <span className="visually-hidden">{t('members.actions')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {members.map((member) => {
            const locked = lockedReason(member);
            const pending = pendingId === member.id;
            const isMe = member.id === me?.id;
            return (
              <tr key={member.id} data-revoked={member.active ? undefined : true}>
                <td data-label={t('settings.team.name')}>
                  <span className="cell-title">
                    {member.name} {isMe && <span className="badge">{t('settings.team.you')}</span>}
                  </span>
                </td>
                <td data-label={t('settings.team.email')}>{member.email}</td>
                <td data-label={t('settings.team.role')}>
                  {canManage ? (
                    <MemberRoleSelect
                      member={member}
                      lockedReason={locked}
                      canGrantOwner={meIsOwner}
                      pending={pending}
                      onChange={(role) => onUpdate(member, { role })}
                    />
                  ) : (
                    labels.userRole(member.role)
                  )}
                </td>
                <td data-label={t('members.status')}>
                  <span className="status-badge" data-status={member.active ? 'open' : 'closed'}>
                    {member.active ? t('members.active') : t('members.inactive')}
                  </span>
                </td>
                <td data-label={t('settings.team.since')}>{date(member.createdAt)}</td>
                {canManage && (
                  <td className="cell-actions">
                    {!isMe && (
                      <button
                        type="button"
                        className="btn btn-ghost btn-sm"
                        disabled={pending || locked !== null}
                        onClick={() => onUpdate(member, { active: !member.active })}
                      >
                        {member.active ? t('members.deactivate') : t('members.reactivate')}
                        <span className="visually-hidden"> {member.name}</span>
                      </button>
                    )}
                    {member.active && (meIsOwner || member.role !== 'owner') && (
                      <button type="button" className="btn btn-ghost btn-sm" onClick={() => onResetLink(member)}>
                        {t('members.resetLink')}
                        <span className="visually-hidden"> {member.name}</span>
                      </button>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
