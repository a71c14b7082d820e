import type { Stage, User, WhatsappInstance } from '@whatrack/api-client';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../ui/SelectField';
import { TextField } from '../ui/TextField';
import type { FieldErrorOf } from './NewTicketForm';
import type { NewTicketValues } from './newTicketBody';

interface NewTicketDealFieldsProps {
  values: NewTicketValues;
  onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => void;
  errorOf: FieldErrorOf;
  stages: readonly Stage[];
  users: readonly User[];
  instances: readonly WhatsappInstance[];
}

export function NewTicketDealFields({ values, onChange, errorOf, stages, users, instances }: NewTicketDealFieldsProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="fieldset">
      <legend>{t('tickets.new.dealSection')}</legend>
      <div className="form-grid">
        <SelectField
          name="stageId"
          label={t('tickets.new.stage')}
          value={values.stageId}
          onChange={onChange}
          error={errorOf('stageId')}
        >
          {stages.map((stage) => (
            <option key={stage.id} value={stage.id}>
              {stage.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          name="assigneeId"
          label={t('tickets.new.assignee')}
          value={values.assigneeId}
          onChange={onChange}
          error={errorOf('assigneeId')}
        >
          <option value="">{t('tickets.unassigned')}</option>
          {users.map((user) => (
            <option key={user.id} value={user.id}>
              {user.name}
            </option>
          ))}
        </SelectField>
        <TextField
          name="dealValue"
          label={t('tickets.new.dealValue')}
          hint={t('tickets.new.dealValueHint')}
          inputMode="decimal"
          value={values.dealValue}
          onChange={onChange}
          error={errorOf('dealValue')}
        />
        {instances.length > 1 && (
          <SelectField
            name="instanceId"
            label={t('tickets.new.instance')}
            value={values.instanceId}
            onChange={onChange}
            error={errorOf('instanceId')}
          >
            <option value="">{t('tickets.new.firstInstance', { name: instances[0]?.name })}</option>
            {instances.slice(1).map((instance) => (
              <option key={instance.id} value={instance.id}>
                {instance.name} ({instance.phoneNumber})
              </option>
            ))}
          </SelectField>
        )}
      </div>
    </fieldset>
  );
}
