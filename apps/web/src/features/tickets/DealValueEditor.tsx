import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { moneyInputValue, parseMoneyInput } from '../../lib/money';
import { useOrganizationFormat } from '../organization/useOrganizationFormat';

interface DealValueEditorProps {
  value: number;
  onSave: (value: number) => void;
  /** Accessible name of the button, e.g. "Editar valor de João". */
  label: string;
}

/** The deal value as a button; clicking it edits the value in place (Enter or leaving saves, Esc cancels). */
export function DealValueEditor({ value, onSave, label }: DealValueEditorProps) {
  const { t, i18n } = useTranslation();
  const { money } = useOrganizationFormat();
  const errorId = useId();
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refocus = useRef(false);

  const close = (keepFocus = false) => {
    refocus.current = keepFocus;
    setText(null);
    setError(null);
  };
  const save = (keepFocus: boolean) => {
    if (text === null) return;
    const amount = parseMoneyInput(text);
    if (amount === null || amount < 0) {
      setError(t('validation.money'));
      return;
    }
    close(keepFocus);
    if (amount !== value) onSave(amount);
  };

  if (text === null) {
    return (
      <button
        ref={(button) => {
          if (button && refocus.current) button.focus();
          refocus.current = false;
        }}
        type="button"
        className="money-button"
        aria-label={`${label}: ${money(value)}`}
        onClick={() => setText(moneyInputValue(value, i18n.resolvedLanguage))}
      >
        {money(value)}
      </button>
    );
  }
  return (
    <span className="money-editor">
      <input
        className="input input-sm"
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        inputMode="decimal"
        autoFocus
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          setError(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            save(true);
          } else if (event.key === 'Escape') {
            event.stopPropagation();
            close(true);
          }
        }}
        onBlur={() => save(false)}
      />
      {error && (
        <span id={errorId} className="field-error small">
          {error}
        </span>
      )}
    </span>
  );
}
