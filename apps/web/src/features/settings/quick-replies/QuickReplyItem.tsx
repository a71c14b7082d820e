import type { QuickReply } from '@whatrack/api-client';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface QuickReplyItemProps {
  quickReply: QuickReply;
  /** Owners' and admins' controls; agents get none. */
  onEdit?: () => void;
  onDelete?: () => void;
  /** Just back from its edit form: the keyboard goes on from its Edit button. */
  focusEdit?: boolean;
}

/** One quick reply: its shortcut, title and text as written (variables unfilled). */
export function QuickReplyItem({ quickReply, onEdit, onDelete, focusEdit }: QuickReplyItemProps) {
  const { t } = useTranslation();
  const editButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusEdit) editButton.current?.focus();
  }, [focusEdit]);
  const name = `/${quickReply.shortcut}`;
  return (
    <li className="quick-reply-item">
      <div className="quick-reply-item-head">
        <code className="quick-reply-shortcut">{name}</code>
        <span className="quick-reply-title">{quickReply.title}</span>
        {(onEdit || onDelete) && (
          <span className="quick-reply-item-actions">
            {onEdit && (
              <button
                ref={editButton}
                type="button"
                className="btn btn-ghost btn-sm"
                aria-label={t('quickReplies.form.editOf', { shortcut: quickReply.shortcut })}
                onClick={onEdit}
              >
                {t('common.edit')}
              </button>
            )}
            {onDelete && (
              <button
                type="button"
                className="btn btn-ghost btn-sm"
                aria-label={t('quickReplies.settings.deleteOf', { shortcut: quickReply.shortcut })}
                onClick={onDelete}
              >
                {t('common.delete')}
              </button>
            )}
          </span>
        )}
      </div>
      <p className="quick-reply-item-text">{quickReply.text}</p>
    </li>
  );
}
