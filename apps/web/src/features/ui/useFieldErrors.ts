import { ApiError } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';
import { errorDetailText } from './errorDetailText';

/** The first problem of each field a failed request names, in the UI language, keyed by the field's path. */
export function useFieldErrors(error: unknown): Record<string, string> {
  const { t } = useTranslation();
  const out: Record<string, string> = {};
  if (error === null || error === undefined) return out;
  for (const detail of ApiError.from(error).details) {
    if (detail.field === undefined || detail.field in out) continue;
    // Next to its field the problem is a sentence of its own: "E-mail inválido.", not "e-mail inválido.".
    const text = errorDetailText(detail, t);
    out[detail.field] = text.charAt(0).toUpperCase() + text.slice(1);
  }
  return out;
}
