import { useTranslation } from 'react-i18next';
import { useApi } from '../../lib/useApi';
import { ErrorMessage } from '../ui/ErrorMessage';
import { SubmitButton } from '../ui/SubmitButton';
import { TextField } from '../ui/TextField';
import { useAuthForm } from './useAuthForm';
import { useSession } from './useSession';
import { PASSWORD_MIN_LENGTH, checkEmail, checkNewPassword, checkRequired, collectIssues } from './validation';

export function SignUpForm() {
  const { t } = useTranslation();
  const { hooks } = useApi();
  const { signIn } = useSession();
  const register = hooks.useMutation('post', '/api/v1/auth/register', { onSuccess: signIn });
  const form = useAuthForm({
    initialValues: { organizationName: '', name: '', email: '', password: '' },
    validate: (v) =>
      collectIssues({
        organizationName: checkRequired(v.organizationName),
        name: checkRequired(v.name),
        email: checkEmail(v.email),
        password: checkNewPassword(v.password),
      }),
    submit: (v) =>
      register.mutate({
        body: {
          organizationName: v.organizationName.trim(),
          name: v.name.trim(),
          email: v.email.trim(),
          password: v.password,
        },
      }),
    pending: register.isPending,
    error: register.error,
  });

  return (
    <form className="stack" onSubmit={form.onSubmit} noValidate aria-busy={register.isPending}>
      {form.apiError && <ErrorMessage error={form.apiError} hideFields={form.fieldNames} />}
      <TextField
        name="organizationName"
        label={t('auth.signUp.organizationName')}
        autoComplete="organization"
        required
        value={form.values.organizationName}
        onChange={form.onChange}
        error={form.errorFor('organizationName')}
      />
      <TextField
        name="name"
        label={t('auth.signUp.name')}
        autoComplete="name"
        required
        value={form.values.name}
        onChange={form.onChange}
        error={form.errorFor('name')}
      />
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
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        hint={t('auth.signUp.passwordHint')}
        value={form.values.password}
        onChange={form.onChange}
        error={form.errorFor('password')}
      />
      <SubmitButton
        pending={register.isPending}
        label={t('auth.signUp.submit')}
        pendingLabel={t('auth.signUp.submitting')}
      />
    </form>
  );
}
