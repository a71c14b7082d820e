import type { WhatsappInstance } from '@whatrack/api-client';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../ui/CheckboxField';
import { TextField } from '../../ui/TextField';
import type { EvolutionCredentialValues } from './instanceCredentials';

interface EvolutionCredentialsFieldsProps {
  /** The line being edited (absent when creating one). */
  instance?: WhatsappInstance;
  values: EvolutionCredentialValues;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  errorOf: (field: keyof EvolutionCredentialValues) => string | undefined;
}

/** The Evolution server that replies go through: its URL and its API key (write-only: only whether one is set). */
export function EvolutionCredentialsFields({ instance, values, onChange, errorOf }: EvolutionCredentialsFieldsProps) {
  const { t } = useTranslation();
  const keySet = Boolean(instance?.hasApiKey);
  return (
    <>
      <TextField
        name="apiUrl"
        type="url"
        inputMode="url"
        autoComplete="off"
        placeholder="https://evolution.example.com"
        label={t('settings.whatsapp.apiUrl')}
        hint={t('settings.whatsapp.apiUrlHint')}
        value={values.apiUrl}
        onChange={onChange}
        error={errorOf('apiUrl')}
      />
      <TextField
        name="apiKey"
        type="password"
        autoComplete="new-password"
        label={t('settings.whatsapp.apiKey')}
        hint={keySet ? t('settings.whatsapp.apiKeySet') : t('settings.whatsapp.apiKeyUnset')}
        value={values.apiKey}
        onChange={onChange}
        disabled={values.removeApiKey === 'true'}
        error={errorOf('apiKey')}
      />
      {keySet && (
        <CheckboxField
          name="removeApiKey"
          label={t('settings.whatsapp.removeApiKey')}
          checked={values.removeApiKey === 'true'}
          onChange={onChange}
        />
      )}
    </>
  );
}
