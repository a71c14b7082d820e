import type { WhatsappInstance } from '@whatrack/api-client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../auth/usePermissions';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Dialog } from '../../ui/Dialog';
import { EmptyState } from '../../ui/EmptyState';
import { QueryError } from '../../ui/QueryError';
import { ReadOnlyNote } from '../../ui/ReadOnlyNote';
import { SkeletonList } from '../../ui/Skeleton';
import { useToast } from '../../ui/useToast';
import { useWhatsappInstances } from '../../whatsapp/useWhatsappInstances';
import { SettingsSection } from '../SettingsSection';
import { InstanceCard } from './InstanceCard';
import { InstanceForm } from './InstanceForm';
import { ServerSetupChecklist } from './ServerSetupChecklist';
import { useInstanceMutations } from './useInstanceMutations';

type Editing = { mode: 'create' } | { mode: 'edit'; instance: WhatsappInstance } | null;

/** The organization's WhatsApp lines, the webhook address of each one, and what the server still lacks for them. */
export function WhatsappSettings() {
  const { t } = useTranslation();
  const { canManage } = usePermissions();
  const toast = useToast();
  const instances = useWhatsappInstances();
  const { remove } = useInstanceMutations();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<WhatsappInstance | null>(null);
  const addButton = canManage && (
    <button type="button" className="btn btn-primary" onClick={() => setEditing({ mode: 'create' })}>
      {t('settings.whatsapp.add')}
    </button>
  );

  return (
    <>
      <SettingsSection
        title={t('settings.whatsapp.title')}
        description={t('settings.whatsapp.description')}
        actions={addButton}
      >
        {!canManage && <ReadOnlyNote>{t('settings.whatsapp.readOnly')}</ReadOnlyNote>}
        {instances.isPending ? (
          <SkeletonList label={t('settings.whatsapp.loading')} rows={2} height={120} />
        ) : instances.isError ? (
          <QueryError error={instances.error} onRetry={() => void instances.refetch()} />
        ) : instances.data.items.length === 0 ? (
          <EmptyState title={t('settings.whatsapp.empty')}>{t('settings.whatsapp.emptyHint')}</EmptyState>
        ) : (
          <ul className="instance-list">
            {instances.data.items.map((instance, index) => (
              <InstanceCard
                key={instance.id}
                instance={instance}
                isDefault={index === 0}
                onEdit={canManage ? () => setEditing({ mode: 'edit', instance }) : undefined}
                onDelete={
                  canManage
                    ? () => {
                        remove.reset();
                        setDeleting(instance);
                      }
                    : undefined
                }
              />
            ))}
          </ul>
        )}
        {editing && (
          <Dialog
            title={editing.mode === 'create' ? t('settings.whatsapp.createTitle') : t('settings.whatsapp.editTitle')}
            onClose={() => setEditing(null)}
          >
            <InstanceForm
              instance={editing.mode === 'edit' ? editing.instance : undefined}
              onDone={(instance) => {
                setEditing(null);
                toast.show({ tone: 'success', message: t('settings.whatsapp.saved', { name: instance.name }) });
              }}
            />
          </Dialog>
        )}
        {deleting && (
          <ConfirmDialog
            title={t('settings.whatsapp.deleteTitle', { name: deleting.name })}
            confirmLabel={t('common.delete')}
            danger
            pending={remove.isPending}
            error={remove.error}
            onClose={() => setDeleting(null)}
            onConfirm={() => remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
          >
            <p>{t('settings.whatsapp.deleteBody')}</p>
          </ConfirmDialog>
        )}
      </SettingsSection>
      <ServerSetupChecklist />
    </>
  );
}
