import { TICKET_SOURCE_TYPES } from '@whatrack/shared';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../ui/SelectField';
import { TextField } from '../ui/TextField';
import type { FieldErrorOf } from './NewTicketForm';
import { TRACKING_FIELDS, type NewTicketValues } from './newTicketBody';
import { useEnumLabels } from '../../i18n/useEnumLabels';

interface NewTicketTrackingFieldsProps {
  values: NewTicketValues;
  onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => void;
  errorOf: FieldErrorOf;
}

/** Origin of the lead: paid/organic, UTMs and ad click ids (collapsed: most tickets made by hand have none). */
export function NewTicketTrackingFields({ values, onChange, errorOf }: NewTicketTrackingFieldsProps) {
  const { t } = useTranslation();
  const labels = useEnumLabels();
  return (
    <details className="fieldset-details">
      <summary>{t('tickets.new.trackingSection')}</summary>
      <div className="form-grid">
        <SelectField
          name="sourceType"
          label={t('tickets.new.sourceType')}
          value={values.sourceType}
          onChange={onChange}
          error={errorOf('sourceType')}
        >
          <option value="">{t('tickets.new.sourceTypeAuto')}</option>
          {TICKET_SOURCE_TYPES.map((source) => (
            <option key={source} value={source}>
              {labels.ticketSourceType(source)}
            </option>
          ))}
        </SelectField>
        {TRACKING_FIELDS.map((field) => (
          <TextField
            key={field}
            name={field}
            label={t(`tracking.fields.${field}`)}
            autoComplete="off"
            value={values[field]}
            onChange={onChange}
            error={errorOf(field)}
          />
        ))}
      </div>
    </details>
  );
}
