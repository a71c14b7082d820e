import { WHATSAPP_PROVIDERS } from '@whatrack/shared';
import {
  ApiError,
  type UpdateWhatsappInstanceBody,
  type WhatsappInstance,
  type WhatsappProvider,
} from '@whatrack/api-client';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../ui/CheckboxField';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { SelectField } from '../../ui/SelectField';
import { SubmitButton } from '../../ui/SubmitButton';
import { TextField } from '../../ui/TextField';
import { useFormValues } from '../../ui/useFormValues';
import { EvolutionCredentialsFields } from './EvolutionCredentialsFields';
import { evolutionCredentialsBody, needsKeyAgain } from './instanceCredentials';
import { useInstanceMutations } from './useInstanceMutations';
import { useEnumLabels } from '../../../i18n/useEnumLabels';
import { useFieldErrors } from '../../ui/useFieldErrors';

type Values = {
  name: string;
  phoneNumber: string;
  provider: WhatsappProvider;
  providerPhoneNumberId: string;
  providerBusinessAccountId: string;
  /** Cloud API, when editing: write-only, sent only when typed. */
  accessToken: string;
  /** 'true' sends accessToken null (the checkbox). */
  removeAccessToken: string;
  /** Evolution: the server replies go through, and its write-only key. */
  apiUrl: string;
  apiKey: string;
  removeApiKey: string;
};
type Field = keyof Values;

interface InstanceFormProps {
  /** Editing this line; creating a new one when absent. */
  instance?: WhatsappInstance;
  onDone: (instance: WhatsappInstance) => void;
}

/** Name, business phone and provider settings of a WhatsApp line (the provider is chosen once, at creation). */
export function InstanceForm({ instance, onDone }: InstanceFormProps) {
  const { t } = useTranslation();
  const labels = useEnumLabels();
  const { create, update } = useInstanceMutations();
  const mutation = instance ? update : create;
  const form = useFormValues<Values>({
    name: instance?.name ?? '',
    phoneNumber: instance?.phoneNumber ?? '',
    provider: instance?.provider ?? 'cloud_api',
    providerPhoneNumberId: instance?.providerPhoneNumberId ?? '',
    providerBusinessAccountId: instance?.providerBusinessAccountId ?? '',
    accessToken: '',
    removeAccessToken: 'false',
    apiUrl: instance?.apiUrl ?? '',
    apiKey: '',
    removeApiKey: 'false',
  });
  const [issues, setIssues] = useState<Partial<Record<Field, string>>>({});
  const apiError = mutation.error ? ApiError.from(mutation.error) : null;
  const apiFieldErrors = useFieldErrors(apiError);
  const cloud = form.values.provider === 'cloud_api';
  const errorOf = (field: Field) => issues[field] ?? apiFieldErrors[field];

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const v = Object.fromEntries(Object.entries(form.values).map(([k, value]) => [k, value.trim()])) as Values;
    const found: Partial<Record<Field, string>> = {};
    if (!v.name) found.name = t('validation.required');
    if (!v.phoneNumber) found.phoneNumber = t('validation.required');
    if (cloud && !v.providerPhoneNumberId) found.providerPhoneNumberId = t('validation.required');
    const credentials = cloud ? {} : evolutionCredentialsBody(instance, v);
    if (needsKeyAgain(instance, credentials)) found.apiKey = t('settings.whatsapp.apiKeyAgain');
    setIssues(found);
    if (Object.keys(found).length > 0) return;
    const common = {
      name: v.name,
      phoneNumber: v.phoneNumber,
      providerPhoneNumberId: v.providerPhoneNumberId || null,
      providerBusinessAccountId: cloud ? v.providerBusinessAccountId || null : null,
      ...credentials,
    };
    if (instance) {
      const body: UpdateWhatsappInstanceBody = { ...common };
      if (cloud && v.removeAccessToken === 'true') body.accessToken = null;
      else if (cloud && v.accessToken) body.accessToken = v.accessToken;
      update.mutate({ id: instance.id, body }, { onSuccess: onDone });
    } else create.mutate({ ...common, provider: v.provider }, { onSuccess: onDone });
  };

  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-busy={mutation.isPending}>
      {apiError && <ErrorMessage error={apiError} hideFields={Object.keys(form.values)} />}
      <TextField
        name="name"
        label={t('settings.whatsapp.name')}
        hint={t('settings.whatsapp.nameHint')}
        value={form.values.name}
        onChange={form.onChange}
        error={errorOf('name')}
        data-autofocus
      />
      <TextField
        name="phoneNumber"
        type="tel"
        inputMode="tel"
        label={t('settings.whatsapp.phoneNumber')}
        hint={t('settings.whatsapp.phoneHint')}
        value={form.values.phoneNumber}
        onChange={form.onChange}
        error={errorOf('phoneNumber')}
      />
      <SelectField
        name="provider"
        label={t('settings.whatsapp.provider')}
        value={form.values.provider}
        onChange={form.onChange}
        disabled={Boolean(instance)}
        hint={instance ? t('settings.whatsapp.providerFixed') : undefined}
      >
        {WHATSAPP_PROVIDERS.map((provider) => (
          <option key={provider} value={provider}>
            {labels.whatsappProvider(provider)}
          </option>
        ))}
      </SelectField>
      <TextField
        name="providerPhoneNumberId"
        label={cloud ? t('settings.whatsapp.phoneNumberId') : t('settings.whatsapp.evolutionInstance')}
        hint={cloud ? t('settings.whatsapp.phoneNumberIdHint') : t('settings.whatsapp.evolutionInstanceHint')}
        value={form.values.providerPhoneNumberId}
        onChange={form.onChange}
        error={errorOf('providerPhoneNumberId')}
      />
      {cloud && (
        <TextField
          name="providerBusinessAccountId"
          label={t('settings.whatsapp.businessAccountId')}
          hint={t('settings.whatsapp.optional')}
          value={form.values.providerBusinessAccountId}
          onChange={form.onChange}
          error={errorOf('providerBusinessAccountId')}
        />
      )}
      {!cloud && (
        <EvolutionCredentialsFields
          instance={instance}
          values={form.values}
          onChange={form.onChange}
          errorOf={errorOf}
        />
      )}
      {cloud && instance && (
        <>
          <TextField
            name="accessToken"
            type="password"
            autoComplete="off"
            label={t('settings.whatsapp.accessToken')}
            hint={
              instance.hasAccessToken ? t('settings.whatsapp.accessTokenSaved') : t('settings.whatsapp.accessTokenHint')
            }
            value={form.values.accessToken}
            onChange={form.onChange}
            disabled={form.values.removeAccessToken === 'true'}
            error={errorOf('accessToken')}
          />
          {instance.hasAccessToken && (
            <CheckboxField
              name="removeAccessToken"
              label={t('settings.whatsapp.removeAccessToken')}
              checked={form.values.removeAccessToken === 'true'}
              onChange={form.onChange}
            />
          )}
        </>
      )}
      <SubmitButton
        pending={mutation.isPending}
        label={instance ? t('common.save') : t('settings.whatsapp.create')}
        pendingLabel={t('common.saving')}
      />
    </form>
  );
}
