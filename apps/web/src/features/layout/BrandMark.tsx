import { useTranslation } from 'react-i18next';

export function BrandMark() {
  const { t } = useTranslation();
  return (
    <span className="brand">
      <svg className="brand-logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="8" fill="currentColor" />
        <path d="M8 10l3.2 12L16 13l4.8 9L24 10" fill="none" stroke="#fff" strokeWidth="2.6" strokeLinejoin="round" />
      </svg>
      <span className="brand-name">{t('app.name')}</span>
    </span>
  );
}
