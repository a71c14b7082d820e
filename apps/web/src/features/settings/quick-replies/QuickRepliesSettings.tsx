import './quick-replies.css';
import type { QuickReply } from '@whatrack/api-client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../auth/usePermissions';
import { useQuickReplies } from '../../quick-replies/useQuickReplies';
import { EmptyState } from '../../ui/EmptyState';
import { QueryError } from '../../ui/QueryError';
import { ReadOnlyNote } from '../../ui/ReadOnlyNote';
import { SkeletonList } from '../../ui/Skeleton';
import { SettingsSection } from '../SettingsSection';
import { DeleteQuickReplyDialog } from './DeleteQuickReplyDialog';
import { QuickReplyForm } from './QuickReplyForm';
import { QuickReplyItem } from './QuickReplyItem';

/** The organization's quick replies: owners and admins write them (the API refuses agents), everyone reads them. */
export function QuickRepliesSettings() {
  const { t } = useTranslation();
  const { canManage } = usePermissions();
  const quickReplies = useQuickReplies();
  const [editing, setEditing] = useState<string | null>(null);
  const [lastEdited, setLastEdited] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<QuickReply | null>(null);

  const list = () => {
    if (quickReplies.isPending) return <SkeletonList label={t('quickReplies.settings.loading')} rows={3} height={72} />;
    if (quickReplies.isError)
      return <QueryError error={quickReplies.error} onRetry={() => void quickReplies.refetch()} />;
    if (quickReplies.data.length === 0) {
      return (
        <EmptyState title={t('quickReplies.settings.empty')}>
          {canManage ? t('quickReplies.settings.emptyHint') : t('quickReplies.settings.emptyHintReadOnly')}
        </EmptyState>
      );
    }
    return (
      <ul className="quick-reply-list">
        {quickReplies.data.map((quickReply) =>
          editing === quickReply.id ? (
            <li key={quickReply.id} className="quick-reply-item">
              <QuickReplyForm
                quickReply={quickReply}
                onDone={() => {
                  setEditing(null);
                  setLastEdited(quickReply.id);
                }}
              />
            </li>
          ) : (
            <QuickReplyItem
              key={quickReply.id}
              quickReply={quickReply}
              onEdit={canManage ? () => setEditing(quickReply.id) : undefined}
              onDelete={canManage ? () => setDeleting(quickReply) : undefined}
              focusEdit={lastEdited === quickReply.id}
            />
          ),
        )}
      </ul>
    );
  };

  return (
    <>
      <SettingsSection
        title={t('quickReplies.settings.title')}
        description={
          canManage ? t('quickReplies.settings.description') : t('quickReplies.settings.descriptionReadOnly')
        }
      >
        {!canManage && <ReadOnlyNote>{t('quickReplies.settings.readOnly')}</ReadOnlyNote>}
        {list()}
      </SettingsSection>
      {canManage && (
        <SettingsSection title={t('quickReplies.settings.newTitle')}>
          <QuickReplyForm />
        </SettingsSection>
      )}
      {deleting && <DeleteQuickReplyDialog quickReply={deleting} onClose={() => setDeleting(null)} />}
    </>
  );
}
