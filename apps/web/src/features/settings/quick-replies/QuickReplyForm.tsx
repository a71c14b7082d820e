import type { CreateQuickReplyBody, QuickReply } from '@whatrack/api-client';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { SubmitButton } from '../../ui/SubmitButton';
import { TextField } from '../../ui/TextField';
import { useToast } from '../../ui/useToast';
import { apiQuickReplyFieldErrors, validateQuickReply, type QuickReplyFieldErrors } from './quickReplyFieldErrors';
import { QuickReplyTextField } from './QuickReplyTextField';
import { useSaveQuickReply } from './useQuickReplyMutations';

const EMPTY: CreateQuickReplyBody = { shortcut: '', title: '', text: '' };

interface QuickReplyFormProps {
  /** The quick reply being edited; absent, the form creates one. */
  quickReply?: QuickReply;
  /** After a save of an edit, or its Cancel. */
  onDone?: () => void;
}

/** Shortcut, title and text of a quick reply, checked as the API will before it is sent. */
export function QuickReplyForm({ quickReply, onDone }: QuickReplyFormProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const save = useSaveQuickReply(quickReply?.id);
  const initial = quickReply
    ? { shortcut: quickReply.shortcut, title: quickReply.title, text: quickReply.text }
    : EMPTY;
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<QuickReplyFieldErrors>({});
  const fieldErrors = { ...apiQuickReplyFieldErrors(save.error, values, t), ...errors };

  const change = (field: keyof CreateQuickReplyBody, value: string) => {
    setValues({ ...values, [field]: value });
    setErrors({ ...errors, [field]: undefined });
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const found = validateQuickReply(values, t);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    save.mutate(
      { shortcut: values.shortcut.trim(), title: values.title.trim(), text: values.text.trim() },
      {
        onSuccess: (saved) => {
          const message = quickReply ? 'quickReplies.form.saved' : 'quickReplies.form.created';
          toast.show({ tone: 'success', message: t(message, { shortcut: saved.shortcut }) });
          if (!quickReply) setValues(EMPTY);
          onDone?.();
        },
      },
    );
  };

  return (
    <form
      className="quick-reply-form stack"
      onSubmit={onSubmit}
      noValidate
      aria-label={quickReply ? t('quickReplies.form.editOf', { shortcut: quickReply.shortcut }) : undefined}
    >
      {save.error ? <ErrorMessage error={save.error} hideFields={['shortcut', 'title', 'text']} /> : null}
      <div className="quick-reply-form-row">
        <TextField
          name="shortcut"
          label={t('quickReplies.form.shortcut')}
          hint={t('quickReplies.form.shortcutHint')}
          value={values.shortcut}
          maxLength={33}
          autoCapitalize="none"
          spellCheck={false}
          onChange={(event) => change('shortcut', event.currentTarget.value)}
          error={fieldErrors.shortcut}
        />
        <TextField
          name="title"
          label={t('quickReplies.form.title')}
          value={values.title}
          maxLength={80}
          onChange={(event) => change('title', event.currentTarget.value)}
          error={fieldErrors.title}
        />
      </div>
      <QuickReplyTextField value={values.text} onChange={(text) => change('text', text)} error={fieldErrors.text} />
      <div className="quick-reply-form-actions">
        <SubmitButton
          pending={save.isPending}
          label={quickReply ? t('common.save') : t('quickReplies.form.create')}
          pendingLabel={t('common.saving')}
        />
        {onDone && (
          <button type="button" className="btn btn-secondary" onClick={onDone}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
