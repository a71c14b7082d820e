import { ApiError, type CreateStageBody, type Stage } from '@whatrack/api-client';
import type { UseMutationResult } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../ui/CheckboxField';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { SubmitButton } from '../../ui/SubmitButton';
import { TextField } from '../../ui/TextField';
import { useToast } from '../../ui/useToast';
import { useFieldErrors } from '../../ui/useFieldErrors';

const EMPTY = { name: '', color: '#8b5cf6', isClosed: false };

export function NewStageForm({ create }: { create: UseMutationResult<Stage, unknown, CreateStageBody> }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [values, setValues] = useState(EMPTY);
  const [nameError, setNameError] = useState<string | null>(null);
  const apiError = create.error ? ApiError.from(create.error) : null;
  const apiFieldErrors = useFieldErrors(apiError);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    if (!values.name.trim()) {
      setNameError(t('validation.required'));
      return;
    }
    setNameError(null);
    create.mutate(
      { ...values, name: values.name.trim() },
      {
        onSuccess: (stage) => {
          setValues(EMPTY);
          toast.show({ tone: 'success', message: t('settings.stages.created', { name: stage.name }) });
        },
      },
    );
  };

  return (
    <form className="inline-form" onSubmit={onSubmit} noValidate>
      {apiError && <ErrorMessage error={apiError} hideFields={['name']} />}
      <TextField
        name="name"
        label={t('settings.stages.name')}
        value={values.name}
        maxLength={60}
        onChange={(event) => setValues({ ...values, name: event.currentTarget.value })}
        error={nameError ?? apiFieldErrors.name}
      />
      <TextField
        name="color"
        type="color"
        className="field-color"
        label={t('settings.stages.color')}
        value={values.color}
        onChange={(event) => setValues({ ...values, color: event.currentTarget.value })}
      />
      <CheckboxField
        label={t('settings.stages.isClosed')}
        checked={values.isClosed}
        onChange={(event) => setValues({ ...values, isClosed: event.currentTarget.checked })}
      />
      <SubmitButton pending={create.isPending} label={t('settings.stages.create')} pendingLabel={t('common.saving')} />
    </form>
  );
}
