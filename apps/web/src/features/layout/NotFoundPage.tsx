import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="center-screen">
      <title>{`${t('notFound.title')} · ${t('app.name')}`}</title>
      <div className="card stack not-found">
        <h1 className="card-title">{t('notFound.title')}</h1>
        <p className="muted">{t('notFound.body')}</p>
        <Link className="btn btn-primary" to="/">
          {t('notFound.back')}
        </Link>
      </div>
    </div>
  );
}
