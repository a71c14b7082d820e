import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { AuthLayout } from './AuthLayout';
import { SignUpForm } from './SignUpForm';

export function SignUpPage() {
  const { t } = useTranslation();
  return (
    <AuthLayout
      title={t('auth.signUp.title')}
      subtitle={t('auth.signUp.subtitle')}
      footer={
        <>
          {t('auth.signUp.hasAccount')} <Link to="/login">{t('auth.signUp.loginLink')}</Link>
        </>
      }
    >
      <SignUpForm />
    </AuthLayout>
  );
}
