import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, type UpdateOrganizationBody, unwrap } from '@whatrack/api-client';
import { useMemo, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../lib/useApi';
import { useAuthenticatedSession } from '../../auth/useAuthenticatedSession';
import { usePermissions } from '../../auth/usePermissions';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { ReadOnlyNote } from '../../ui/ReadOnlyNote';
import { SelectField } from '../../ui/SelectField';
import { SubmitButton } from '../../ui/SubmitButton';
import { TextField } from '../../ui/TextField';
import { useFormValues } from '../../ui/useFormValues';
import { useToast } from '../../ui/useToast';
import { SettingsSection } from '../SettingsSection';
import { queryKeys } from '../../../api/query-keys';
import { useFieldErrors } from '../../ui/useFieldErrors';

const CURRENCIES = ['BRL', 'USD', 'EUR', 'ARS', 'CLP', 'COP', 'MXN', 'PYG', 'UYU', 'PEN'];

function timeZones(current: string): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return all.includes(current) ? all : [current, ...all];
}

/** Name, time zone (dates and periods) and currency (money) of the organization. */
export function OrganizationSettings() {
  const { t } = useTranslation();
  const { client } = useApi();
  const queryClient = useQueryClient();
  const toast = useToast();
  const { canManage } = usePermissions();
  const { organization } = useAuthenticatedSession();
  const form = useFormValues({
    name: organization.name,
    timezone: organization.timezone,
    currency: organization.currency,
  });
  const zones = useMemo(() => timeZones(organization.timezone), [organization.timezone]);
  const save = useMutation({
    mutationFn: async (body: UpdateOrganizationBody) => {
      return unwrap(await client.PATCH('/api/v1/organizations/current', { body }));
    },
    onSuccess: async () => {
      toast.show({ tone: 'success', message: t('settings.organization.saved') });
      // The session carries the organization: its formats (money, dates) follow the new settings.
      await queryClient.invalidateQueries({ queryKey: queryKeys.me() });
    },
  });
  const apiError = save.error ? ApiError.from(save.error) : null;
  const apiFieldErrors = useFieldErrors(apiError);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!save.isPending) save.mutate({ ...form.values, name: form.values.name.trim() });
  };

  return (
    <SettingsSection title={t('settings.organization.title')} description={t('settings.organization.description')}>
      {!canManage && <ReadOnlyNote>{t('settings.organization.readOnly')}</ReadOnlyNote>}
      <form className="form-grid" onSubmit={onSubmit} noValidate>
        {apiError && (
          <div className="form-grid-full">
            <ErrorMessage error={apiError} hideFields={['name', 'timezone', 'currency']} />
          </div>
        )}
        <TextField
          name="name"
          label={t('settings.organization.name')}
          value={form.values.name}
          onChange={form.onChange}
          disabled={!canManage}
          required
          error={apiFieldErrors.name}
        />
        <SelectField
          name="timezone"
          label={t('settings.organization.timezone')}
          value={form.values.timezone}
          onChange={form.onChange}
          disabled={!canManage}
          error={apiFieldErrors.timezone}
        >
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replace(/_/g, ' ')}
            </option>
          ))}
        </SelectField>
        <SelectField
          name="currency"
          label={t('settings.organization.currency')}
          value={form.values.currency}
          onChange={form.onChange}
          disabled={!canManage}
          error={apiFieldErrors.currency}
        >
          {(CURRENCIES.includes(form.values.currency) ? CURRENCIES : [form.values.currency, ...CURRENCIES]).map(
            (code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ),
          )}
        </SelectField>
        {canManage && (
          <div className="form-grid-full">
            <SubmitButton pending={save.isPending} label={t('common.save')} pendingLabel={t('common.saving')} />
          </div>
        )}
      </form>
    </SettingsSection>
  );
}
