import { ApiError, type WhatsappInstance } from '@whatrack/api-client';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { SelectField } from '../../ui/SelectField';
import { SubmitButton } from '../../ui/SubmitButton';
import { TextField } from '../../ui/TextField';
import { useFieldErrors } from '../../ui/useFieldErrors';
import { useFormValues } from '../../ui/useFormValues';
import { useToast } from '../../ui/useToast';
import { SettingsSection } from '../SettingsSection';
import { useCreateTrackingLink } from './useCreateTrackingLink';

const FIELDS = ['instanceId', 'name', 'message'] as const;
const EMPTY = { instanceId: '', name: '', message: '' };

/** Owners and admins: a line, a name and the pre-filled message make a new link. */
export function NewTrackingLinkForm({ lines }: { lines: readonly WhatsappInstance[] }) {
  const { t } = useTranslation();
  const toast = useToast();
  const create = useCreateTrackingLink();
  const messageId = useId();
  // One line is the usual case: pick it so the form is name and message only.
  const { values, onChange, reset } = useFormValues({ ...EMPTY, instanceId: lines.length === 1 ? lines[0].id : '' });
  const [missing, setMissing] = useState<readonly string[]>([]);
  const apiFieldErrors = useFieldErrors(create.error ? ApiError.from(create.error) : null);
  const fieldError = (field: (typeof FIELDS)[number]) =>
    missing.includes(field) ? t('validation.required') : apiFieldErrors[field];

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    const body = { instanceId: values.instanceId, name: values.name.trim(), message: values.message.trim() };
    const blank = FIELDS.filter((field) => !body[field]);
    setMissing(blank);
    if (blank.length > 0) return;
    create.mutate(body, {
      onSuccess: (link) => {
        reset({ ...EMPTY, instanceId: values.instanceId });
        toast.show({ tone: 'success', message: t('trackingLinks.created', { name: link.name }) });
      },
    });
  };

  return (
    <SettingsSection title={t('trackingLinks.createTitle')}>
      {lines.length === 0 ? (
        <p className="muted small">{t('trackingLinks.noLines')}</p>
      ) : (
        <form className="stack tracking-link-form" onSubmit={onSubmit} noValidate>
          {create.error && <ErrorMessage error={create.error} hideFields={FIELDS} />}
          <SelectField
            name="instanceId"
            label={t('trackingLinks.line')}
            value={values.instanceId}
            onChange={onChange}
            error={fieldError('instanceId')}
          >
            <option value="">{t('trackingLinks.linePlaceholder')}</option>
            {lines.map((line) => (
              <option key={line.id} value={line.id}>
                {line.name}
              </option>
            ))}
          </SelectField>
          <TextField
            name="name"
            label={t('trackingLinks.name')}
            hint={t('trackingLinks.nameHint')}
            value={values.name}
            maxLength={120}
            onChange={onChange}
            error={fieldError('name')}
          />
          <div className="field">
            <label htmlFor={messageId} className="field-label">
              {t('trackingLinks.message')}
            </label>
            <textarea
              id={messageId}
              name="message"
              className="input"
              rows={3}
              maxLength={480}
              placeholder={t('trackingLinks.messagePlaceholder')}
              value={values.message}
              onChange={onChange}
              aria-invalid={fieldError('message') ? true : undefined}
              aria-describedby={fieldError('message') ? `${messageId}-error ${messageId}-hint` : `${messageId}-hint`}
            />
            <p id={`${messageId}-hint`} className="field-hint">
              {t('trackingLinks.messageHint')}
            </p>
            {fieldError('message') && (
              <p id={`${messageId}-error`} className="field-error">
                {fieldError('message')}
              </p>
            )}
          </div>
          <SubmitButton
            pending={create.isPending}
            label={t('trackingLinks.create')}
            pendingLabel={t('common.saving')}
          />
        </form>
      )}
    </SettingsSection>
  );
}
