import type { User, UserRole } from '@whatrack/api-client';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useEnumLabels } from '../../../i18n/useEnumLabels';

const ALL_ROLES: UserRole[] = ['owner', 'admin', 'agent'];
const NON_OWNER_ROLES: UserRole[] = ['admin', 'agent'];

interface MemberRoleSelectProps {
  member: User;
  /** Why the role cannot change now (last owner, an owner seen by an admin), shown under the select. */
  lockedReason: string | null;
  canGrantOwner: boolean;
  pending: boolean;
  onChange: (role: UserRole) => void;
}

/** A member's role, changed on selection (owners may also grant `owner`). */
export function MemberRoleSelect({ member, lockedReason, canGrantOwner, pending, onChange }: MemberRoleSelectProps) {
  const { t } = useTranslation();
  const labels = useEnumLabels();
  const hintId = useId();
  const roles = canGrantOwner || member.role === 'owner' ? ALL_ROLES : NON_OWNER_ROLES;
  return (
    <div className="member-role">
      <select
        className="select"
        aria-label={t('members.roleOf', { name: member.name })}
        aria-describedby={lockedReason ? hintId : undefined}
        value={member.role}
        disabled={pending || lockedReason !== null}
        onChange={(event) => onChange(event.currentTarget.value as UserRole)}
      >
        {roles.map((role) => (
          <option key={role} value={role} disabled={role === 'owner' && !canGrantOwner}>
            {labels.userRole(role)}
          </option>
        ))}
      </select>
      {lockedReason && (
        <p id={hintId} className="field-hint">
          {lockedReason}
        </p>
      )}
    </div>
  );
}
