import type { TicketNote } from '@whatrack/api-client';
import type { UseMutationResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../ui/ConfirmDialog';

interface DeleteNoteDialogProps {
  note: TicketNote;
  remove: UseMutationResult<string, Error, string>;
  onClose: () => void;
}

/** Asks before a note goes: a deleted note leaves no trace in the chat. */
export function DeleteNoteDialog({ note, remove, onClose }: DeleteNoteDialogProps) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      title={t('notes.deleteTitle')}
      confirmLabel={t('common.delete')}
      danger
      pending={remove.isPending}
      error={remove.error}
      onClose={onClose}
      onConfirm={() => remove.mutate(note.id, { onSuccess: onClose })}
    >
      <p>{t('notes.deleteBody', { author: note.authorName })}</p>
      <blockquote className="chat-note-quote">{note.text}</blockquote>
    </ConfirmDialog>
  );
}
