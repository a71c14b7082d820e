import { ApiError, type CreateSaleBody, type TicketSale } from '@whatrack/api-client';
import type { UseMutationResult } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseMoneyInput } from '../../lib/money';
import { ErrorMessage } from '../ui/ErrorMessage';
import { SubmitButton } from '../ui/SubmitButton';
import { TextField } from '../ui/TextField';
import { useFormValues } from '../ui/useFormValues';
import { useFieldErrors } from '../ui/useFieldErrors';

interface AddSaleFormProps {
  mutation: UseMutationResult<TicketSale, unknown, CreateSaleBody>;
  onDone: () => void;
}

const EMPTY = { value: '', description: '', soldAt: '' };

/** Value (required, > 0), description and date (today when empty) of a new sale. */
export function AddSaleForm({ mutation, onDone }: AddSaleFormProps) {
  const { t } = useTranslation();
  const form = useFormValues(EMPTY);
  const [valueError, setValueError] = useState<string | null>(null);
  const apiError = mutation.error ? ApiError.from(mutation.error) : null;
  const apiFieldErrors = useFieldErrors(apiError);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const value = parseMoneyInput(form.values.value);
    if (value === null || value <= 0) {
      setValueError(t('ticket.sales.valueInvalid'));
      const input = event.currentTarget.elements.namedItem('value');
      if (input instanceof HTMLElement) input.focus();
      return;
    }
    setValueError(null);
    const body: CreateSaleBody = { value };
    if (form.values.description.trim()) body.description = form.values.description.trim();
    // A calendar date: noon UTC falls on that same day from UTC-11 to UTC+11 (every Brazilian time zone).
    if (form.values.soldAt) body.soldAt = `${form.values.soldAt}T12:00:00Z`;
    mutation.mutate(body, {
      onSuccess: () => {
        form.reset();
        onDone();
      },
    });
  };

  return (
    <form className="stack sale-form" onSubmit={onSubmit} noValidate aria-busy={mutation.isPending}>
      {apiError && <ErrorMessage error={apiError} hideFields={['value', 'description', 'soldAt']} />}
      <TextField
        name="value"
        label={t('ticket.sales.value')}
        inputMode="decimal"
        required
        value={form.values.value}
        onChange={form.onChange}
        error={valueError ?? apiFieldErrors.value}
        autoFocus
      />
      <TextField
        name="description"
        label={t('ticket.sales.description')}
        value={form.values.description}
        onChange={form.onChange}
        error={apiFieldErrors.description}
      />
      <TextField
        name="soldAt"
        type="date"
        label={t('ticket.sales.soldAt')}
        hint={t('ticket.sales.soldAtHint')}
        value={form.values.soldAt}
        onChange={form.onChange}
        error={apiFieldErrors.soldAt}
      />
      <div className="row">
        <SubmitButton
          pending={mutation.isPending}
          label={t('ticket.sales.save')}
          pendingLabel={t('ticket.sales.saving')}
        />
        <button
          type="button"
          className="btn btn-ghost"
          onClick={() => {
            mutation.reset();
            onDone();
          }}
        >
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
