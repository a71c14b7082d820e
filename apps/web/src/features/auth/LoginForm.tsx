import { useTranslation } from 'react-i18next';
import { useApi } from '../../lib/useApi';
import { ErrorMessage } from '../ui/ErrorMessage';
import { SubmitButton } from '../ui/SubmitButton';
import { TextField } from '../ui/TextField';
import { useAuthForm } from './useAuthForm';
import { useSession } from './useSession';
import { checkEmail, checkRequired, collectIssues } from './validation';

export function LoginForm() {
  const { t } = useTranslation();
  const { hooks } = useApi();
  const { signIn } = useSession();
  const login = hooks.useMutation('post', '/api/v1/auth/login', { onSuccess: signIn });
  const form = useAuthForm({
    initialValues: { email: '', password: '' },
    validate: (v) => collectIssues({ email: checkEmail(v.email), password: checkRequired(v.password) }),
    submit: (body) => login.mutate({ body: { ...body, email: body.email.trim() } }),
    pending: login.isPending,
    error: login.error,
  });

  return (
    <form className="stack" onSubmit={form.onSubmit} noValidate aria-busy={login.isPending}>
      {form.apiError && <ErrorMessage error={form.apiError} hideFields={form.fieldNames} />}
      <TextField
        name="email"
        type="email"
        label={t('auth.email')}
        autoComplete="email"
        inputMode="email"
        required
        value={form.values.email}
        onChange={form.onChange}
        error={form.errorFor('email')}
      />
      <TextField
        name="password"
        type="password"
        label={t('auth.password')}
        autoComplete="current-password"
        required
        value={form.values.password}
        onChange={form.onChange}
        error={form.errorFor('password')}
      />
      <SubmitButton
        pending={login.isPending}
        label={t('auth.login.submit')}
        pendingLabel={t('auth.login.submitting')}
      />
    </form>
  );
}
