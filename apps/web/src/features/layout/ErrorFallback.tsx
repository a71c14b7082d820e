import { useTranslation } from 'react-i18next';

export function ErrorFallback() {
  const { t } = useTranslation();
  return (
    <div className="center-screen" role="alert">
      <div className="card stack">
        <h1 className="card-title">{t('errors.title')}</h1>
        <p className="muted">{t('errors.unexpected')}</p>
        <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
          {t('errors.reload')}
        </button>
      </div>
    </div>
  );
}
