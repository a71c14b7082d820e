import { ApiError } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';
import { labelledDetailText } from '../ui/errorDetailText';
import { useErrorText } from '../ui/useErrorText';

/** The fields of a send's 400 that have their own sentence (the request's paths, e.g. `template.variables`). */
const FIELDS = {
  text: 'text',
  'template.name': 'templateName',
  'template.language': 'templateLanguage',
  'template.variables': 'templateVariables',
} as const;
type ReplyField = keyof typeof FIELDS;
const isReplyField = (field: string): field is ReplyField => field in FIELDS;

/**
 * A failed send or retry in the UI language: a 400 by the fields it names (each reply field has its own sentence),
 * anything else (window closed, line without credentials…) by its code, as every request error.
 */
export function useReplyErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (error) => {
    const apiError = ApiError.from(error);
    if (apiError.statusCode !== 400) return errorText(apiError);
    const seen = new Set<string>();
    const parts = apiError.details.flatMap((detail) => {
      if (detail.field === undefined || seen.has(detail.field)) return [];
      seen.add(detail.field);
      return [isReplyField(detail.field) ? t(`reply.errors.${FIELDS[detail.field]}`) : labelledDetailText(detail, t)];
    });
    return parts.length > 0 ? parts.join(' ') : errorText(apiError);
  };
}
