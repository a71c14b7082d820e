import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface CopyUrlButtonProps {
  url: string;
  /** What is copied, read after the button text by screen readers (e.g. the link's name). */
  what: string;
}

const CONFIRMATION_MS = 2500;

/**
 * "Copiar link" through the Clipboard API with a visible "Copiado"; where the browser refuses (plain http, old
 * browsers, denied permission) the URL appears selected in a read-only field so it can still be copied by hand.
 * Give it `key={url}` where the URL changes, so a confirmation never outlives the URL it was about.
 */
export function CopyUrlButton({ url, what }: CopyUrlButtonProps) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'manual'>('idle');
  const fallback = useRef<HTMLInputElement>(null);

  useEffect(() => {
    // Focusing selects the whole URL (onFocus), ready for Ctrl+C.
    if (state === 'manual') fallback.current?.focus();
    if (state !== 'copied') return;
    const timer = setTimeout(() => setState('idle'), CONFIRMATION_MS);
    return () => clearTimeout(timer);
  }, [state]);

  const onCopy = async () => {
    try {
      // Absent outside secure contexts, although the DOM types declare it always present.
      const clipboard = navigator.clipboard as Clipboard | undefined;
      if (!clipboard) throw new Error('Clipboard API unavailable');
      await clipboard.writeText(url);
      setState('copied');
    } catch {
      setState('manual');
    }
  };

  return (
    <div className="copy-url">
      <button type="button" className="btn btn-secondary btn-sm" onClick={() => void onCopy()}>
        {t('trackingLinks.copy')}
        <span className="visually-hidden"> {what}</span>
      </button>
      <span className="copy-url-status small" aria-live="polite">
        {state === 'copied' ? t('trackingLinks.copied') : ''}
      </span>
      {state === 'manual' && (
        <div className="copy-url-fallback">
          <p className="field-hint" role="alert">
            {t('trackingLinks.copyFallback')}
          </p>
          <input
            ref={fallback}
            className="input"
            readOnly
            value={url}
            aria-label={`${t('trackingLinks.copyFallbackLabel')} ${what}`}
            onFocus={(event) => event.currentTarget.select()}
          />
        </div>
      )}
    </div>
  );
}
