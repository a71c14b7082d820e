import { QUICK_REPLY_VARIABLES } from '@whatrack/shared';
import { useId, useRef } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';

interface QuickReplyTextFieldProps {
  value: string;
  onChange: (text: string) => void;
  error?: string;
}

/** The quick reply's text, with a button per variable that inserts it where the caret is. */
export function QuickReplyTextField({ value, onChange, error }: QuickReplyTextFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);

  const insert = (name: string) => {
    const element = textarea.current;
    const variable = `{{${name}}}`;
    const start = element?.selectionStart ?? value.length;
    const end = element?.selectionEnd ?? value.length;
    // The new text is on screen when flushSync returns, so the caret goes after the variable before any next key
    // (a caret placed a frame later would land back there after the person, or a test, typed on).
    flushSync(() => onChange(value.slice(0, start) + variable + value.slice(end)));
    element?.focus();
    element?.setSelectionRange(start + variable.length, start + variable.length);
  };

  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {t('quickReplies.form.text')}
      </label>
      <textarea
        ref={textarea}
        id={id}
        name="text"
        className="input quick-reply-text-input"
        rows={4}
        maxLength={4096}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={[error ? `${id}-error` : '', `${id}-hint`].filter(Boolean).join(' ')}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      <div className="quick-reply-variables" role="group" aria-label={t('quickReplies.form.variables')}>
        {QUICK_REPLY_VARIABLES.map((name) => (
          <button
            key={name}
            type="button"
            className="btn btn-ghost btn-sm"
            title={t(`quickReplies.variables.${name}`)}
            onClick={() => insert(name)}
          >
            <code>{`{{${name}}}`}</code>
          </button>
        ))}
      </div>
      <p id={`${id}-hint`} className="field-hint">
        {t('quickReplies.form.textHint')}
      </p>
    </div>
  );
}
