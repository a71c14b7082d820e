import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { AuthLayout } from './AuthLayout';
import { LoginForm } from './LoginForm';

export function LoginPage() {
  const { t } = useTranslation();
  return (
    <AuthLayout
      title={t('auth.login.title')}
      subtitle={t('auth.login.subtitle')}
      footer={
        <>
          {t('auth.login.noAccount')} <Link to="/signup">{t('auth.login.signUpLink')}</Link>
        </>
      }
    >
      <LoginForm />
    </AuthLayout>
  );
}
