import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export const SEARCH_DEBOUNCE_MS = 350;

interface SearchFieldProps {
  value: string;
  onSearch: (q: string) => void;
  /** Id of the hint on how the search matches, read after the label. */
  describedBy?: string;
}

/** Search box that applies what is typed once the typing pauses (Enter applies at once). */
export function SearchField({ value, onSearch, describedBy }: SearchFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  // The URL changed elsewhere (back button, "clear filters"): show it.
  if (value !== shown) {
    setShown(value);
    if (value !== text.trim()) setText(value);
  }

  useEffect(() => () => clearTimeout(timer.current), []);

  const apply = (q: string) => {
    clearTimeout(timer.current);
    if (q.trim() !== value) onSearch(q.trim());
  };

  return (
    <form
      role="search"
      className="field search-field"
      onSubmit={(event) => {
        event.preventDefault();
        apply(text);
      }}
    >
      <label htmlFor={id} className="field-label">
        {t('filters.search')}
      </label>
      <input
        id={id}
        type="search"
        className="input"
        placeholder={t('filters.searchPlaceholder')}
        aria-describedby={describedBy}
        value={text}
        onChange={(event) => {
          const next = event.currentTarget.value;
          setText(next);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => apply(next), SEARCH_DEBOUNCE_MS);
        }}
      />
    </form>
  );
}
