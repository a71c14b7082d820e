import type { CreatedApiKey } from '@whatrack/api-client';
import type { UseMutationResult } from '@tanstack/react-query';
import { ApiError } from '@whatrack/api-client';
import type { ApiKeyScope } from '@whatrack/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { SubmitButton } from '../../ui/SubmitButton';
import { TextField } from '../../ui/TextField';
import { ApiKeyScopeField } from './ApiKeyScopeField';
import { DEFAULT_API_KEY_SCOPE } from './apiKeyScope';
import { useFieldErrors } from '../../ui/useFieldErrors';

interface NewApiKeyFormProps {
  create: UseMutationResult<CreatedApiKey, unknown, { name: string; scopes: ApiKeyScope[] }>;
  onCreated: (key: CreatedApiKey) => void;
}

export function NewApiKeyForm({ create, onCreated }: NewApiKeyFormProps) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<ApiKeyScope>(DEFAULT_API_KEY_SCOPE);
  const [error, setError] = useState<string | null>(null);
  const apiError = create.error ? ApiError.from(create.error) : null;
  const apiFieldErrors = useFieldErrors(apiError);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    if (!name.trim()) {
      setError(t('validation.required'));
      return;
    }
    setError(null);
    // One scope is enough: each one includes the lower ones.
    create.mutate(
      { name: name.trim(), scopes: [scope] },
      {
        onSuccess: (key) => {
          setName('');
          setScope(DEFAULT_API_KEY_SCOPE);
          onCreated(key);
        },
      },
    );
  };

  return (
    <form className="stack api-key-form" onSubmit={onSubmit} noValidate>
      {apiError && <ErrorMessage error={apiError} hideFields={['name']} />}
      <TextField
        name="name"
        label={t('settings.apiKeys.name')}
        hint={t('settings.apiKeys.nameHint')}
        value={name}
        maxLength={100}
        onChange={(event) => setName(event.currentTarget.value)}
        error={error ?? apiFieldErrors.name}
      />
      <ApiKeyScopeField value={scope} onChange={setScope} />
      <SubmitButton pending={create.isPending} label={t('settings.apiKeys.create')} pendingLabel={t('common.saving')} />
    </form>
  );
}
