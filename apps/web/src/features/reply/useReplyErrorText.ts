import { ApiError } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../ui/useErrorText';

/** Codes of the reply endpoints that have their own sentence (reply.errors.<code>). */
const CODES = [
  'reply_window_closed',
  'whatsapp_line_not_configured',
  'lead_without_phone',
  'idempotency_key_reused',
  'not_retryable',
  'template_not_supported',
] as const;
type ReplyCode = (typeof CODES)[number];
const isReplyCode = (code: string): code is ReplyCode => (CODES as readonly string[]).includes(code);

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
 * A failed send or retry in the UI language: the reply endpoints' codes (409 window closed, 422 line without
 * credentials or lead without phone…) by code, a 400 by the fields it names, anything else as every request error.
 */
export function useReplyErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (error) => {
    const apiError = ApiError.from(error);
    if (isReplyCode(apiError.code)) return t(`reply.errors.${apiError.code}`);
    if (apiError.statusCode === 400) {
      const fields = [...new Set(apiError.details.map((detail) => detail.field).filter((f) => f !== undefined))];
      if (fields.length > 0) {
        return fields
          .map((field) =>
            isReplyField(field) ? t(`reply.errors.${FIELDS[field]}`) : `${field}: ${apiError.fieldErrors[field]}`,
          )
          .join(' ');
      }
    }
    return errorText(apiError);
  };
}
