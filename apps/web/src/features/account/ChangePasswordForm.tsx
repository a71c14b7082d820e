import { useMutation } from '@tanstack/react-query';
import { unwrap } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../lib/useApi';
import { useAuthForm } from '../auth/useAuthForm';
import { useSession } from '../auth/useSession';
import { checkNewPassword, checkRequired, collectIssues } from '../auth/validation';
import { ErrorMessage } from '../ui/ErrorMessage';
import { SubmitButton } from '../ui/SubmitButton';
import { TextField } from '../ui/TextField';
import { useToast } from '../ui/useToast';

const EMPTY = { currentPassword: '', newPassword: '', confirmPassword: '' };

/** The signed-in user's own password: current + new (twice). Their other sessions end; this one gets a new token. */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const { client } = useApi();
  const { renewToken } = useSession();
  const toast = useToast();
  const change = useMutation({
    mutationFn: async (body: { currentPassword: string; newPassword: string }) =>
      unwrap(await client.POST('/api/v1/auth/password', { body })),
    onSuccess: ({ accessToken }) => {
      renewToken(accessToken);
      form.reset();
      toast.show({ tone: 'success', message: t('members.account.changed') });
    },
  });
  const form = useAuthForm({
    initialValues: EMPTY,
    validate: (v) =>
      collectIssues({
        currentPassword: checkRequired(v.currentPassword),
        newPassword: checkNewPassword(v.newPassword),
        confirmPassword: checkRequired(v.confirmPassword),
      }),
    submit: ({ currentPassword, newPassword }) => change.mutate({ currentPassword, newPassword }),
    pending: change.isPending,
    error: change.error,
  });
  const wrongPassword = form.apiError?.details.some((d) => d.code === 'wrong_password') ?? false;
  const mismatch =
    form.values.confirmPassword !== '' && form.values.confirmPassword !== form.values.newPassword
      ? t('members.account.mismatch')
      : undefined;

  return (
    <form
      className="form-grid"
      onSubmit={(event) => (mismatch ? event.preventDefault() : form.onSubmit(event))}
      noValidate
      aria-busy={change.isPending}
    >
      {form.apiError && !wrongPassword && (
        <div className="form-grid-full">
          <ErrorMessage error={form.apiError} hideFields={form.fieldNames} />
        </div>
      )}
      <TextField
        name="currentPassword"
        type="password"
        label={t('members.account.currentPassword')}
        autoComplete="current-password"
        value={form.values.currentPassword}
        onChange={form.onChange}
        error={form.errorFor('currentPassword')}
      />
      <TextField
        name="newPassword"
        type="password"
        label={t('members.account.newPassword')}
        hint={t('auth.signUp.passwordHint')}
        autoComplete="new-password"
        value={form.values.newPassword}
        onChange={form.onChange}
        error={form.errorFor('newPassword')}
      />
      <TextField
        name="confirmPassword"
        type="password"
        label={t('members.account.confirmPassword')}
        autoComplete="new-password"
        value={form.values.confirmPassword}
        onChange={form.onChange}
        error={mismatch ?? form.errorFor('confirmPassword')}
      />
      <div className="form-grid-full">
        <SubmitButton
          pending={change.isPending}
          label={t('members.account.submit')}
          pendingLabel={t('members.account.submitting')}
        />
      </div>
    </form>
  );
}
