import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  ApiError,
  type CreateTicketBody,
  type Stage,
  type TicketDetail,
  type User,
  type WhatsappInstance,
  unwrap,
} from '@whatrack/api-client';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useApi } from '../../lib/useApi';
import { usePermissions } from '../auth/usePermissions';
import { ErrorMessage } from '../ui/ErrorMessage';
import { SubmitButton } from '../ui/SubmitButton';
import { TextField } from '../ui/TextField';
import { useFormValues } from '../ui/useFormValues';
import { NewTicketDealFields } from './NewTicketDealFields';
import { NewTicketTrackingFields } from './NewTicketTrackingFields';
import { EMPTY_NEW_TICKET, buildNewTicketBody, type NewTicketIssues, type NewTicketValues } from './newTicketBody';
import { queryKeys } from '../../api/query-keys';
import { useFieldErrors } from '../ui/useFieldErrors';

interface NewTicketFormProps {
  stages: readonly Stage[];
  users: readonly User[];
  instances: readonly WhatsappInstance[] | undefined;
  onCreated: (ticket: TicketDetail) => void;
}

export type FieldErrorOf = (field: keyof NewTicketValues) => string | undefined;

/** Lead, deal and origin of a ticket created by hand (POST /tickets). */
export function NewTicketForm({ stages, users, instances, onCreated }: NewTicketFormProps) {
  const { t } = useTranslation();
  const { client } = useApi();
  const { canManage } = usePermissions();
  const queryClient = useQueryClient();
  const form = useFormValues<NewTicketValues>({ ...EMPTY_NEW_TICKET, stageId: stages[0]?.id ?? '' });
  const [issues, setIssues] = useState<NewTicketIssues>({});
  const create = useMutation({
    mutationFn: async (body: CreateTicketBody) => {
      return unwrap(await client.POST('/api/v1/tickets', { body }));
    },
    onSuccess: async (ticket) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.tickets.lists() });
      onCreated(ticket);
    },
  });
  const apiError = create.error ? ApiError.from(create.error) : null;
  const apiFields = useFieldErrors(apiError);
  const errorOf: FieldErrorOf = (field) => {
    const issue = issues[field];
    if (issue) return t(`tickets.new.issues.${issue}`);
    return apiFields[`lead.${field}`] ?? apiFields[`ticket.${field}`] ?? apiFields[field];
  };
  const noInstance = instances?.length === 0 || apiError?.code === 'no_whatsapp_line';

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    const result = buildNewTicketBody(form.values);
    if ('issues' in result) {
      setIssues(result.issues);
      const first = Object.keys(result.issues)[0];
      const input = first ? event.currentTarget.elements.namedItem(first) : null;
      if (input instanceof HTMLElement) input.focus();
      return;
    }
    setIssues({});
    create.mutate(result.body);
  };
  const onChange: typeof form.onChange = (event) => {
    const { name } = event.currentTarget;
    form.onChange(event);
    setIssues((previous) => ({ ...previous, [name]: undefined }));
  };

  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-busy={create.isPending}>
      {noInstance && (
        <div className="alert alert-warning" role={apiError ? 'alert' : undefined}>
          <p>{apiError?.statusCode === 422 ? apiError.message : t('tickets.new.noInstance')}</p>
          {canManage ? (
            <Link to="/dashboard/settings/whatsapp">{t('tickets.new.goToWhatsapp')}</Link>
          ) : (
            <p>{t('tickets.new.noInstanceReadOnly')}</p>
          )}
        </div>
      )}
      {apiError && apiError.statusCode !== 422 && <ErrorMessage error={apiError} hideFields={Object.keys(apiFields)} />}
      <fieldset className="fieldset">
        <legend>{t('tickets.new.leadSection')}</legend>
        <div className="form-grid">
          <TextField
            name="name"
            label={t('tickets.new.name')}
            autoComplete="off"
            value={form.values.name}
            onChange={onChange}
            error={errorOf('name')}
            data-autofocus
          />
          <TextField
            name="phone"
            type="tel"
            label={t('tickets.new.phone')}
            hint={t('tickets.new.phoneHint')}
            inputMode="tel"
            value={form.values.phone}
            onChange={onChange}
            error={errorOf('phone')}
          />
          <TextField
            name="email"
            type="email"
            label={t('tickets.new.email')}
            inputMode="email"
            value={form.values.email}
            onChange={onChange}
            error={errorOf('email')}
          />
        </div>
      </fieldset>
      <NewTicketDealFields
        values={form.values}
        onChange={onChange}
        errorOf={errorOf}
        stages={stages}
        users={users}
        instances={instances ?? []}
      />
      <NewTicketTrackingFields values={form.values} onChange={onChange} errorOf={errorOf} />
      <SubmitButton
        pending={create.isPending}
        label={t('tickets.new.submit')}
        pendingLabel={t('tickets.new.submitting')}
      />
    </form>
  );
}
