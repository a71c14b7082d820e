import type { Stage } from '@whatrack/api-client';
import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { SelectField } from '../../ui/SelectField';
import { queryKeys } from '../../../api/query-keys';
import { useApiQuery } from '../../../api/useApiQuery';

interface DeleteStageDialogProps {
  stage: Stage;
  stages: readonly Stage[];
  remove: UseMutationResult<void, unknown, { id: string; moveTo?: string }>;
  onClose: () => void;
}

/** Confirms deleting a stage; when it holds tickets, asks which stage receives them. */
export function DeleteStageDialog({ stage, stages, remove, onClose }: DeleteStageDialogProps) {
  const { t } = useTranslation();
  const others = stages.filter((s) => s.id !== stage.id);
  const [moveTo, setMoveTo] = useState(others[0]?.id ?? '');
  const count = useApiQuery(queryKeys.tickets.list({ stageId: stage.id, pageSize: 1 }));
  const tickets = count.data?.summary.total;
  const needsTarget = tickets === undefined || tickets > 0;

  return (
    <ConfirmDialog
      title={t('settings.stages.deleteTitle', { name: stage.name })}
      confirmLabel={t('common.delete')}
      danger
      pending={remove.isPending || count.isPending}
      error={remove.error}
      onClose={() => {
        remove.reset();
        onClose();
      }}
      onConfirm={() =>
        remove.mutate(
          { id: stage.id, moveTo: needsTarget && moveTo ? moveTo : undefined },
          { onSuccess: () => onClose() },
        )
      }
    >
      {count.isPending ? (
        <p className="muted">{t('app.loading')}</p>
      ) : tickets === 0 ? (
        <p>{t('settings.stages.deleteEmpty')}</p>
      ) : (
        <>
          <p>{t('settings.stages.deleteWithTickets', { count: tickets ?? 0 })}</p>
          <SelectField
            label={t('settings.stages.moveTo')}
            value={moveTo}
            onChange={(event) => setMoveTo(event.currentTarget.value)}
          >
            {others.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </SelectField>
        </>
      )}
    </ConfirmDialog>
  );
}
