import type { QuickReply } from '@whatrack/api-client';
import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { QuickReplySuggestions, suggestionId } from './QuickReplySuggestions';
import { useQuickReplyPicker } from './useQuickReplyPicker';

/** The API's limit for a text reply. */
const TEXT_MAX_LENGTH = 4096;
/** The count of characters left shows from here on. */
const COUNTER_FROM = 500;

interface ReplyTextFormProps {
  /** Sends the text; `restore` puts it back in the box when the API refuses it (unless something new was typed). */
  onSend: (text: string, restore: () => void) => void;
  quickReplies: { items: readonly QuickReply[] | undefined; status: 'pending' | 'error' | 'success' };
  /** A quick reply's text with its variables filled for this ticket. */
  fillQuickReply: (text: string) => string;
}

/**
 * The reply box: Enter sends, Shift+Enter breaks the line; the box empties at once (the chat shows the reply).
 * "/" suggests the organization's quick replies (useQuickReplyPicker).
 */
export function ReplyTextForm({ onSend, quickReplies, fillQuickReply }: ReplyTextFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState('');
  const empty = text.trim() === '';
  const left = TEXT_MAX_LENGTH - text.length;
  const picker = useQuickReplyPicker({
    textarea,
    text,
    setText,
    quickReplies: quickReplies.items,
    fill: fillQuickReply,
  });
  const listId = `${id}-quick-replies`;
  const listed = picker.trigger !== null && picker.matches.length > 0;

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
    if (picker.onKeyDown(event)) return;
    // While an IME composes a word, Enter confirms the word.
    if (event.key !== 'Enter' || event.shiftKey || event.altKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    send();
  };

  return (
    <form className="composer-form" onSubmit={onSubmit}>
      {picker.trigger && (
        <QuickReplySuggestions
          id={listId}
          query={picker.trigger.query}
          matches={picker.matches}
          active={picker.active}
          status={quickReplies.status}
          hasAny={(quickReplies.items?.length ?? 0) > 0}
          fill={fillQuickReply}
          onPick={picker.pick}
        />
      )}
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
        // The combobox pattern on a textbox: a textarea may not take role="combobox".
        aria-autocomplete="list"
        aria-controls={listed ? listId : undefined}
        aria-activedescendant={listed ? suggestionId(listId, picker.active) : undefined}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          picker.track(event.target);
        }}
        onSelect={(event) => picker.track(event.currentTarget)}
        onFocus={() => picker.setFocused(true)}
        onBlur={() => picker.setFocused(false)}
        onKeyDown={onKeyDown}
      />
      <button type="submit" className="btn btn-primary composer-send" disabled={empty}>
        <svg className="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M4 12l16-8-6 16-2.5-6.5zM11.5 13.5L20 4" />
        </svg>
        <span>{t('reply.send')}</span>
      </button>
      <p id={`${id}-hint`} className="field-hint composer-hint">
        {t('reply.hint')} {t('quickReplies.composer.hint')}
        {left <= COUNTER_FROM && <span aria-live="polite"> {t('reply.remaining', { count: left })}</span>}
      </p>
    </form>
  );
}
