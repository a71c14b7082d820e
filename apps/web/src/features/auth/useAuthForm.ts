import { ApiError } from '@whatrack/api-client';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH, type FieldIssues, type ValidationIssue } from './validation';
import { useFieldErrors } from '../ui/useFieldErrors';

interface UseAuthFormOptions<Values extends Record<string, string>> {
  initialValues: Values;
  validate: (values: Values) => FieldIssues<keyof Values & string>;
  /** Called with valid values unless a request is already running. */
  submit: (values: Values) => void;
  pending: boolean;
  /** The last request failure (its per-field details are shown next to the fields). */
  error: unknown;
}

/** Controlled fields, client-side checks with translated messages, and API field errors for the auth forms. */
export function useAuthForm<Values extends Record<string, string>>(options: UseAuthFormOptions<Values>) {
  const { t } = useTranslation();
  const [values, setValues] = useState(options.initialValues);
  const [issues, setIssues] = useState<FieldIssues<keyof Values & string>>({});
  const apiError = options.error ? ApiError.from(options.error) : null;
  const apiFieldErrors = useFieldErrors(apiError);

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const { name, value } = event.currentTarget;
    setValues((previous) => ({ ...previous, [name]: value }));
    setIssues((previous) => ({ ...previous, [name]: undefined }));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (options.pending) return;
    const found = options.validate(values);
    setIssues(found);
    const firstInvalid = Object.keys(found)[0];
    if (firstInvalid) {
      const input = event.currentTarget.elements.namedItem(firstInvalid);
      if (input instanceof HTMLElement) input.focus();
      return;
    }
    options.submit(values);
  };

  /** The message to show under a field: our own check first, then the API's. */
  const errorFor = (field: keyof Values & string): string | undefined => {
    const issue: ValidationIssue | undefined = issues[field];
    if (issue) return t(`validation.${issue}`, { min: PASSWORD_MIN_LENGTH });
    return apiFieldErrors[field];
  };

  const reset = () => {
    setValues(options.initialValues);
    setIssues({});
  };

  return { values, onChange, onSubmit, errorFor, reset, apiError, fieldNames: Object.keys(options.initialValues) };
}
