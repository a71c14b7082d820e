import type { ReactNode } from 'react';
import { ApiError } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';
import { labelledDetailText } from './errorDetailText';
import { useErrorText } from './useErrorText';

interface ErrorMessageProps {
  error: unknown;
  /** Details already shown next to their fields (their field paths). */
  hideFields?: readonly string[];
  children?: ReactNode;
}

/** An API error as an alert: the message, then each invalid field the form does not already show. */
export function ErrorMessage({ error, hideFields = [], children }: ErrorMessageProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const apiError = ApiError.from(error);
  const invalidFields = apiError.code === 'invalid_input' && apiError.details.length > 0;
  const details = invalidFields ? apiError.details.filter((d) => !d.field || !hideFields.includes(d.field)) : [];
  return (
    <div className="alert alert-error" role="alert">
      <p>{invalidFields ? t('errors.codes.invalid_input') : errorText(apiError)}</p>
      {details.length > 0 && (
        <ul className="alert-details">
          {details.map((d, index) => (
            <li key={`${d.field ?? ''}:${index}`}>{labelledDetailText(d, t)}</li>
          ))}
        </ul>
      )}
      {children}
    </div>
  );
}
