import type { CreatedApiKey } from '@whatrack/api-client';
import type { UseMutationResult } from '@tanstack/react-query';
import { ApiError } from '@whatrack/api-client';
import { ApiKeyScope } from '@whatrack/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { SubmitButton } from '../../ui/SubmitButton';
import { TextField } from '../../ui/TextField';

interface NewApiKeyFormProps {
  create: UseMutationResult<CreatedApiKey, unknown, { name: string; scopes: ApiKeyScope[] }>;
  onCreated: (key: CreatedApiKey) => void;
}

export function NewApiKeyForm({ create, onCreated }: NewApiKeyFormProps) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const apiError = create.error ? ApiError.from(create.error) : null;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    if (!name.trim()) {
      setError(t('validation.required'));
      return;
    }
    setError(null);
    create.mutate(
      { name: name.trim(), scopes: [ApiKeyScope.TICKETS] },
      {
        onSuccess: (key) => {
          setName('');
          onCreated(key);
        },
      },
    );
  };

  return (
    <form className="inline-form" onSubmit={onSubmit} noValidate>
      {apiError && <ErrorMessage error={apiError} hideFields={['name']} />}
      <TextField
        name="name"
        label={t('settings.apiKeys.name')}
        hint={t('settings.apiKeys.nameHint')}
        value={name}
        maxLength={100}
        onChange={(event) => setName(event.currentTarget.value)}
        error={error ?? apiError?.fieldErrors.name}
      />
      <SubmitButton pending={create.isPending} label={t('settings.apiKeys.create')} pendingLabel={t('common.saving')} />
    </form>
  );
}
