import type { ReactNode } from 'react';
import { ApiError } from '@whatrack/api-client';
import { useErrorText } from './useErrorText';

interface ErrorMessageProps {
  error: unknown;
  /** Details already shown next to their fields (their field paths). */
  hideFields?: readonly string[];
  children?: ReactNode;
}

/** An API error as an alert: the message, then the per-field details it does not already say. */
export function ErrorMessage({ error, hideFields = [], children }: ErrorMessageProps) {
  const errorText = useErrorText();
  const apiError = ApiError.from(error);
  const details = apiError.extraDetails.filter((d) => !d.field || !hideFields.includes(d.field));
  return (
    <div className="alert alert-error" role="alert">
      <p>{errorText(apiError)}</p>
      {details.length > 0 && (
        <ul className="alert-details">
          {details.map((d, index) => (
            <li key={`${d.field ?? ''}:${index}`}>
              {d.field && <code>{d.field}</code>} {d.message}
            </li>
          ))}
        </ul>
      )}
      {children}
    </div>
  );
}
