import { useId, useState, type KeyboardEvent, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { insertMention, matchMembers, mentionQueryAt, type Mentionable } from './mentions';

interface MentionTextareaProps {
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  value: string;
  onChange: (value: string) => void;
  members: readonly Mentionable[];
  onMention: (member: Mentionable) => void;
  /** Enter with no list open (the list takes Enter to pick). */
  onEnter: () => void;
  maxLength: number;
  label: string;
  placeholder: string;
  describedBy: string;
}

/**
 * A textarea where `@` opens the team's names (a combobox): arrows move, Enter or Tab inserts the name, Escape
 * closes; a click inserts too. The chosen member is reported so the note records who was mentioned.
 */
export function MentionTextarea(props: MentionTextareaProps) {
  const { t } = useTranslation();
  const { textareaRef, value, onChange, members, onMention, onEnter } = props;
  const listId = useId();
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const mention = mentionQueryAt(value, caret);
  const matches = mention && mention.start !== dismissedAt ? matchMembers(members, mention.query) : [];
  const open = matches.length > 0;
  const current = Math.min(active, matches.length - 1);

  const track = (element: HTMLTextAreaElement) => setCaret(element.selectionStart);
  const pick = (member: Mentionable) => {
    if (!mention) return;
    const next = insertMention(value, mention, caret, member);
    // The text is on screen when flushSync returns: the caret goes after the name before the next key, not a frame
    // later (when it would jump back over what was typed meanwhile).
    flushSync(() => {
      onChange(next.text);
      onMention(member);
      // That `@` is done: the list opens again only for a new one.
      setDismissedAt(mention.start);
      setCaret(next.caret);
      setActive(0);
    });
    textareaRef.current?.setSelectionRange(next.caret, next.caret);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (open && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + matches.length) % matches.length);
    } else if (open && (event.key === 'Enter' || event.key === 'Tab') && !event.shiftKey) {
      event.preventDefault();
      pick(matches[current]);
    } else if (open && mention && event.key === 'Escape') {
      event.preventDefault();
      setDismissedAt(mention.start);
    } else if (event.key === 'Enter' && !event.shiftKey && !event.altKey) {
      event.preventDefault();
      onEnter();
    }
  };

  return (
    <div className="mention-field">
      <textarea
        ref={textareaRef}
        name="note"
        className="input composer-input note-input"
        rows={2}
        role="combobox"
        aria-label={props.label}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? `${listId}-${current}` : undefined}
        aria-describedby={props.describedBy}
        maxLength={props.maxLength}
        placeholder={props.placeholder}
        value={value}
        onChange={(event) => {
          const next = event.target.value;
          if (dismissedAt !== null && next[dismissedAt] !== '@') setDismissedAt(null);
          onChange(next);
          track(event.target);
          setActive(0);
        }}
        onSelect={(event) => track(event.currentTarget)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" className="mention-list" aria-label={t('notes.mentionList')} hidden={!open}>
        {matches.map((member, index) => (
          <li
            key={member.id}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === current}
            className="mention-option"
            // Keeps the focus (and the caret) in the textarea.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => pick(member)}
          >
            {member.name}
          </li>
        ))}
      </ul>
    </div>
  );
}
