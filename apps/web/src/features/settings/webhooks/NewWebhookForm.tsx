import { ApiError, type WebhookEventType, type WebhookSubscriptionWithSecret } from '@whatrack/api-client';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { SubmitButton } from '../../ui/SubmitButton';
import { TextField } from '../../ui/TextField';
import type { WebhookMutations } from './useWebhookMutations';
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENTS } from './webhookEvents';

interface NewWebhookFormProps {
  create: WebhookMutations['create'];
  onCreated: (subscription: WebhookSubscriptionWithSecret) => void;
}

/** URL and the events to send to it; the API checks the URL (https to a public host) and names it when refused. */
export function NewWebhookForm({ create, onCreated }: NewWebhookFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEventType[]>([]);
  const [errors, setErrors] = useState<{ url?: string; events?: string }>({});
  const apiError = create.error ? ApiError.from(create.error) : null;

  const toggle = (event: WebhookEventType, checked: boolean) =>
    setEvents((current) => (checked ? [...current, event] : current.filter((e) => e !== event)));

  const onSubmit = (submitted: FormEvent<HTMLFormElement>) => {
    submitted.preventDefault();
    if (create.isPending) return;
    const problems = {
      url: url.trim() ? undefined : t('validation.required'),
      events: events.length > 0 ? undefined : t('webhooks.eventsRequired'),
    };
    setErrors(problems);
    if (problems.url || problems.events) return;
    // The API's order, whatever order they were ticked in.
    const body = { url: url.trim(), events: WEBHOOK_EVENTS.filter((e) => events.includes(e)) };
    create.mutate(body, {
      onSuccess: (created) => {
        setUrl('');
        setEvents([]);
        onCreated(created);
      },
    });
  };

  const eventsError = errors.events ?? apiError?.fieldErrors.events;
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {apiError && <ErrorMessage error={apiError} hideFields={['url', 'events']} />}
      <TextField
        name="url"
        type="url"
        inputMode="url"
        label={t('webhooks.url')}
        hint={t('webhooks.urlHint')}
        placeholder="https://"
        value={url}
        maxLength={2048}
        onChange={(event) => setUrl(event.currentTarget.value)}
        error={errors.url ?? apiError?.fieldErrors.url}
      />
      <fieldset className="fieldset" aria-describedby={eventsError ? `${id}-events-error` : undefined}>
        <legend className="field-label">{t('webhooks.events')}</legend>
        <div className="webhook-event-options">
          {WEBHOOK_EVENTS.map((event) => (
            <div key={event} className="checkbox-field">
              <input
                id={`${id}-${event}`}
                type="checkbox"
                value={event}
                checked={events.includes(event)}
                onChange={(change) => toggle(event, change.currentTarget.checked)}
              />
              <label htmlFor={`${id}-${event}`}>
                {t(WEBHOOK_EVENT_LABELS[event])} <code className="muted small">{event}</code>
              </label>
            </div>
          ))}
        </div>
        {eventsError && (
          <p id={`${id}-events-error`} className="field-error" role="alert">
            {eventsError}
          </p>
        )}
      </fieldset>
      <SubmitButton pending={create.isPending} label={t('webhooks.create')} pendingLabel={t('common.saving')} />
    </form>
  );
}
