import type { QuickReply } from '@whatrack/api-client';
import { useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { matchQuickReplies } from '../quick-replies/matchQuickReplies';
import { slashTriggerAt, type SlashTrigger } from '../quick-replies/slashTrigger';

interface QuickReplyPickerOptions {
  textarea: RefObject<HTMLTextAreaElement | null>;
  text: string;
  setText: (text: string) => void;
  /** Undefined while they load or when they could not be loaded. */
  quickReplies: readonly QuickReply[] | undefined;
  /** The quick reply's text with its variables filled for this ticket. */
  fill: (text: string) => string;
}

export interface QuickReplyPicker {
  /** The `/query` at the caret while the suggestions show. */
  trigger: SlashTrigger | null;
  matches: QuickReply[];
  active: number;
  /** Call from the textarea's onChange and onSelect: the caret decides which `/query` is being typed. */
  track: (element: HTMLTextAreaElement) => void;
  /** The textarea's onFocus and onBlur: the suggestions only show while it has the focus. */
  setFocused: (focused: boolean) => void;
  /** Handles the keys of the suggestion list; true when it did (the caller must not also send). */
  onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => boolean;
  pick: (quickReply: QuickReply) => void;
}

/**
 * Typing "/" at the start of the reply or after a space suggests quick replies matching what follows; ArrowUp and
 * ArrowDown move, Enter or Tab replaces the `/query` with the filled text, Escape closes until the next "/".
 */
export function useQuickReplyPicker({ textarea, text, setText, quickReplies, fill }: QuickReplyPickerOptions) {
  const [caret, setCaret] = useState(0);
  const [focused, setFocused] = useState(false);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  // The highlighted suggestion, for the query it was chosen in: a new query starts at the first again.
  const [highlight, setHighlight] = useState({ key: '', index: 0 });
  const caretAfterInsert = useRef<number | null>(null);

  const typed = slashTriggerAt(text, Math.min(caret, text.length));
  const trigger = focused && typed && typed.start !== dismissedAt ? typed : null;
  const matches = trigger && quickReplies ? matchQuickReplies(quickReplies, trigger.query) : [];
  const key = trigger ? `${trigger.start}:${trigger.query}` : '';
  const active = highlight.key === key && highlight.index < matches.length ? highlight.index : 0;

  useLayoutEffect(() => {
    const position = caretAfterInsert.current;
    if (position === null || !textarea.current) return;
    caretAfterInsert.current = null;
    textarea.current.focus();
    textarea.current.setSelectionRange(position, position);
  });

  const track = (element: HTMLTextAreaElement) => {
    if (element.selectionStart !== element.selectionEnd) return;
    setCaret(element.selectionStart);
    if (dismissedAt !== null && slashTriggerAt(element.value, element.selectionStart)?.start !== dismissedAt) {
      setDismissedAt(null);
    }
  };

  const pick = (quickReply: QuickReply) => {
    if (!trigger) return;
    const filled = fill(quickReply.text);
    setText(text.slice(0, trigger.start) + filled + text.slice(trigger.end));
    caretAfterInsert.current = trigger.start + filled.length;
    setCaret(caretAfterInsert.current);
  };

  const move = (step: number) => setHighlight({ key, index: (active + step + matches.length) % matches.length });

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!trigger || event.nativeEvent.isComposing) return false;
    const plain = !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey;
    if (event.key === 'Escape') {
      setDismissedAt(trigger.start);
    } else if (matches.length === 0 || !plain) {
      return false;
    } else if (event.key === 'ArrowDown') {
      move(1);
    } else if (event.key === 'ArrowUp') {
      move(-1);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      pick(matches[active]);
    } else {
      return false;
    }
    event.preventDefault();
    return true;
  };

  return { trigger, matches, active, track, setFocused, onKeyDown, pick } satisfies QuickReplyPicker;
}
