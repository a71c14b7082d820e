import type { QuickReply } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useToast } from '../../ui/useToast';
import { useDeleteQuickReply } from './useQuickReplyMutations';

export function DeleteQuickReplyDialog({ quickReply, onClose }: { quickReply: QuickReply; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const remove = useDeleteQuickReply();
  return (
    <ConfirmDialog
      title={t('quickReplies.settings.deleteTitle', { shortcut: quickReply.shortcut })}
      confirmLabel={t('common.delete')}
      danger
      pending={remove.isPending}
      error={remove.error}
      onClose={onClose}
      onConfirm={() =>
        remove.mutate(quickReply.id, {
          onSuccess: () => {
            toast.show({
              tone: 'success',
              message: t('quickReplies.settings.deleted', { shortcut: quickReply.shortcut }),
            });
            onClose();
          },
        })
      }
    >
      <p>{t('quickReplies.settings.deleteBody', { title: quickReply.title })}</p>
    </ConfirmDialog>
  );
}
