import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { AuthLayout } from './AuthLayout';
import { ResetPasswordForm } from './ResetPasswordForm';

/** /redefinir-senha?token=…: the public page of a one-time reset link (works signed in or not). */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token')?.trim() ?? '';
  return (
    <AuthLayout
      title={t('members.reset.title')}
      subtitle={t('members.reset.subtitle')}
      footer={<Link to="/login">{t('members.reset.backToLogin')}</Link>}
    >
      {token ? (
        <ResetPasswordForm token={token} />
      ) : (
        <div className="alert alert-error" role="alert">
          <p>{t('members.reset.missingToken')}</p>
        </div>
      )}
    </AuthLayout>
  );
}
