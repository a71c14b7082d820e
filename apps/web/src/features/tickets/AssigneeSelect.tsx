import type { User } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';

interface AssigneeSelectProps {
  assigneeId: string | null;
  assigneeName: string | null;
  users: readonly User[];
  onChange: (assignee: { id: string | null; name: string | null }) => void;
  label: string;
}

/** Who handles the ticket; "nobody" unassigns it. */
export function AssigneeSelect({ assigneeId, assigneeName, users, onChange, label }: AssigneeSelectProps) {
  const { t } = useTranslation();
  const known = !assigneeId || users.some((u) => u.id === assigneeId);
  return (
    <select
      className="select select-sm select-inline"
      aria-label={label}
      value={assigneeId ?? ''}
      onChange={(event) => {
        const id = event.currentTarget.value || null;
        if (id === assigneeId) return;
        onChange({ id, name: users.find((u) => u.id === id)?.name ?? null });
      }}
    >
      <option value="">{t('tickets.unassigned')}</option>
      {!known && assigneeId && <option value={assigneeId}>{assigneeName ?? assigneeId}</option>}
      {users.map((user) => (
        <option key={user.id} value={user.id}>
          {user.name}
        </option>
      ))}
    </select>
  );
}
