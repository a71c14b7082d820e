import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** The API's limit for a text reply. */
const TEXT_MAX_LENGTH = 4096;
/** The count of characters left shows from here on. */
const COUNTER_FROM = 500;

interface ReplyTextFormProps {
  /** Sends the text; `restore` puts it back in the box when the API refuses it (unless something new was typed). */
  onSend: (text: string, restore: () => void) => void;
}

/** The reply box: Enter sends, Shift+Enter breaks the line; the box empties at once (the chat shows the reply). */
export function ReplyTextForm({ onSend }: ReplyTextFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState('');
  const empty = text.trim() === '';
  const left = TEXT_MAX_LENGTH - text.length;

  const send = () => {
    const typed = text.trim();
    if (!typed) return;
    setText('');
    onSend(typed, () => setText((current) => (current === '' ? typed : current)));
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    send();
    // The send button is disabled once the box is empty: keep typing where it was.
    textarea.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // While an IME composes a word, Enter confirms the word.
    if (event.key !== 'Enter' || event.shiftKey || event.altKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    send();
  };

  return (
    <form className="composer-form" onSubmit={onSubmit}>
      <label htmlFor={id} className="visually-hidden">
        {t('reply.label')}
      </label>
      <textarea
        ref={textarea}
        id={id}
        name="text"
        className="input composer-input"
        rows={2}
        maxLength={TEXT_MAX_LENGTH}
        placeholder={t('reply.placeholder')}
        aria-describedby={`${id}-hint`}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <button type="submit" className="btn btn-primary composer-send" disabled={empty}>
        <svg className="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M4 12l16-8-6 16-2.5-6.5zM11.5 13.5L20 4" />
        </svg>
        <span>{t('reply.send')}</span>
      </button>
      <p id={`${id}-hint`} className="field-hint composer-hint">
        {t('reply.hint')}
        {left <= COUNTER_FROM && <span aria-live="polite"> {t('reply.remaining', { count: left })}</span>}
      </p>
    </form>
  );
}
