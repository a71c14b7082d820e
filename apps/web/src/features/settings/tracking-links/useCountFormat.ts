import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Whole counts in the UI language: 1234 -> "1.234" in pt-BR. */
export function useCountFormat(): (value: number) => string {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => {
    const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    return (value: number) => format.format(value);
  }, [locale]);
}
