import './quick-reply-suggestions.css';
import type { QuickReply } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';

interface QuickReplySuggestionsProps {
  /** The listbox's id; each option's is `${id}-${index}` (the textarea's aria-activedescendant). */
  id: string;
  query: string;
  matches: readonly QuickReply[];
  active: number;
  status: 'pending' | 'error' | 'success';
  /** The organization has quick replies at all (no match for this query, or none yet). */
  hasAny: boolean;
  fill: (text: string) => string;
  onPick: (quickReply: QuickReply) => void;
}

export const suggestionId = (listId: string, index: number) => `${listId}-${index}`;

/** The quick replies matching the `/query` being typed, above the reply box; the textarea keeps the focus. */
export function QuickReplySuggestions(props: QuickReplySuggestionsProps) {
  const { id, query, matches, active, status, hasAny, fill, onPick } = props;
  const { t } = useTranslation();
  if (status !== 'success' || matches.length === 0) {
    const note =
      status === 'pending'
        ? t('quickReplies.composer.loading')
        : status === 'error'
          ? t('quickReplies.composer.error')
          : hasAny
            ? t('quickReplies.composer.noMatch', { query })
            : t('quickReplies.composer.none');
    return (
      <p className="quick-reply-suggestions quick-reply-note" role="status">
        {note}
      </p>
    );
  }
  return (
    <div className="quick-reply-suggestions">
      <ul id={id} role="listbox" aria-label={t('quickReplies.composer.label')} className="quick-reply-options">
        {matches.map((quickReply, index) => (
          <li
            key={quickReply.id}
            id={suggestionId(id, index)}
            role="option"
            aria-selected={index === active}
            className="quick-reply-option"
            // The textarea keeps the focus (and the caret) while the mouse picks.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onPick(quickReply)}
          >
            <span className="quick-reply-option-head">
              <code>/{quickReply.shortcut}</code> <span>{quickReply.title}</span>
            </span>
            <span className="quick-reply-option-text muted small">{fill(quickReply.text)}</span>
          </li>
        ))}
      </ul>
      <p className="visually-hidden" role="status">
        {t('quickReplies.composer.count', { count: matches.length })}
      </p>
    </div>
  );
}
