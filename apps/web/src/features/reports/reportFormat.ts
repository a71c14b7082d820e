import { useTranslation } from 'react-i18next';

const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    cache.set(key, format);
  }
  return format;
}

/** Counts, rates and ROAS in the UI language: `1.234`, `21,4%`, `4,81x`; '—' when unknown. */
export function useReportNumbers() {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  return {
    count: (value: number) => numberFormat(locale, { maximumFractionDigits: 0 }).format(value),
    percent: (value: number | null) =>
      value === null ? '—' : numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value),
    ratio: (value: number | null) =>
      value === null
        ? '—'
        : `${numberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value)}x`,
  };
}
