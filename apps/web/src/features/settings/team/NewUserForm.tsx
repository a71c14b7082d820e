import { ASSIGNABLE_ROLES } from '@whatrack/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, type CreateUserBody, unwrap } from '@whatrack/api-client';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../lib/useApi';
import {
  PASSWORD_MIN_LENGTH,
  checkEmail,
  checkNewPassword,
  checkRequired,
  collectIssues,
  type FieldIssues,
} from '../../auth/validation';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { SelectField } from '../../ui/SelectField';
import { SubmitButton } from '../../ui/SubmitButton';
import { TextField } from '../../ui/TextField';
import { useFormValues } from '../../ui/useFormValues';
import { useToast } from '../../ui/useToast';
import { queryKeys } from '../../../api/query-keys';
import { useEnumLabels } from '../../../i18n/useEnumLabels';
import { useFieldErrors } from '../../ui/useFieldErrors';

const EMPTY = { name: '', email: '', password: '', role: 'agent' };
type Field = 'name' | 'email' | 'password';

export function NewUserForm() {
  const { t } = useTranslation();
  const labels = useEnumLabels();
  const { client } = useApi();
  const queryClient = useQueryClient();
  const toast = useToast();
  const form = useFormValues(EMPTY);
  const [issues, setIssues] = useState<FieldIssues<Field>>({});
  const create = useMutation({
    mutationFn: async (body: CreateUserBody) => {
      return unwrap(await client.POST('/api/v1/users', { body }));
    },
    onSuccess: async (user) => {
      form.reset();
      toast.show({ tone: 'success', message: t('settings.team.added', { name: user.name }) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.users() });
    },
  });
  const apiError = create.error ? ApiError.from(create.error) : null;
  const apiFieldErrors = useFieldErrors(apiError);
  const errorOf = (field: Field) => {
    const issue = issues[field];
    return issue ? t(`validation.${issue}`, { min: PASSWORD_MIN_LENGTH }) : apiFieldErrors[field];
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    const { name, email, password, role } = form.values;
    const found = collectIssues({
      name: checkRequired(name),
      email: checkEmail(email),
      password: checkNewPassword(password),
    });
    setIssues(found);
    if (Object.keys(found).length > 0) return;
    create.mutate({ name: name.trim(), email: email.trim(), password, role: role === 'admin' ? 'admin' : 'agent' });
  };

  return (
    <form className="form-grid" onSubmit={onSubmit} noValidate aria-busy={create.isPending}>
      {apiError && (
        <div className="form-grid-full">
          <ErrorMessage error={apiError} hideFields={['name', 'email', 'password']} />
        </div>
      )}
      <TextField
        name="name"
        label={t('settings.team.name')}
        autoComplete="off"
        value={form.values.name}
        onChange={form.onChange}
        error={errorOf('name')}
      />
      <TextField
        name="email"
        type="email"
        label={t('settings.team.email')}
        autoComplete="off"
        value={form.values.email}
        onChange={form.onChange}
        error={errorOf('email')}
      />
      <TextField
        name="password"
        type="password"
        label={t('settings.team.password')}
        hint={t('auth.signUp.passwordHint')}
        autoComplete="new-password"
        value={form.values.password}
        onChange={form.onChange}
        error={errorOf('password')}
      />
      <SelectField name="role" label={t('settings.team.role')} value={form.values.role} onChange={form.onChange}>
        {ASSIGNABLE_ROLES.map((role) => (
          <option key={role} value={role}>
            {labels.userRole(role)}
          </option>
        ))}
      </SelectField>
      <div className="form-grid-full">
        <SubmitButton pending={create.isPending} label={t('settings.team.add')} pendingLabel={t('common.saving')} />
      </div>
    </form>
  );
}
