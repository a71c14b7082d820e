import { useMutation } from '@tanstack/react-query';
import { unwrap } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useApi } from '../../lib/useApi';
import { ErrorMessage } from '../ui/ErrorMessage';
import { SubmitButton } from '../ui/SubmitButton';
import { TextField } from '../ui/TextField';
import { useToast } from '../ui/useToast';
import { useAuthForm } from './useAuthForm';
import { checkNewPassword, checkRequired, collectIssues } from './validation';

/** Sets a new password with a reset link's token, then sends the person to sign in. */
export function ResetPasswordForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const { client } = useApi();
  const navigate = useNavigate();
  const toast = useToast();
  const confirm = useMutation({
    mutationFn: async (password: string) =>
      unwrap(await client.POST('/api/v1/auth/password-reset/confirm', { body: { token, password } })),
    onSuccess: () => {
      toast.show({ tone: 'success', message: t('members.reset.done') });
      void navigate('/login', { replace: true });
    },
  });
  const form = useAuthForm({
    initialValues: { password: '', confirmPassword: '' },
    validate: (v) =>
      collectIssues({ password: checkNewPassword(v.password), confirmPassword: checkRequired(v.confirmPassword) }),
    submit: ({ password }) => confirm.mutate(password),
    pending: confirm.isPending,
    error: confirm.error,
  });
  const mismatch =
    form.values.confirmPassword !== '' && form.values.confirmPassword !== form.values.password
      ? t('members.account.mismatch')
      : undefined;

  return (
    <form
      className="stack"
      onSubmit={(event) => (mismatch ? event.preventDefault() : form.onSubmit(event))}
      noValidate
      aria-busy={confirm.isPending}
    >
      {form.apiError && <ErrorMessage error={form.apiError} hideFields={form.fieldNames} />}
      <TextField
        name="password"
        type="password"
        label={t('members.account.newPassword')}
        hint={t('auth.signUp.passwordHint')}
        autoComplete="new-password"
        required
        value={form.values.password}
        onChange={form.onChange}
        error={form.errorFor('password')}
      />
      <TextField
        name="confirmPassword"
        type="password"
        label={t('members.account.confirmPassword')}
        autoComplete="new-password"
        required
        value={form.values.confirmPassword}
        onChange={form.onChange}
        error={mismatch ?? form.errorFor('confirmPassword')}
      />
      <SubmitButton
        pending={confirm.isPending}
        label={t('members.reset.submit')}
        pendingLabel={t('members.reset.submitting')}
      />
    </form>
  );
}
