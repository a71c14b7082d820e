import type { ErrorDetail } from '@whatrack/api-client';
import type { TFunction } from 'i18next';

/**
 * Field codes with their own sentence (errors.details.<code>): class-validator's rules as the API names them, and
 * the API's domain ones. Any other code reads as the generic "invalid value", never as the API's English text.
 */
const DETAIL_CODES = [
  'invalid_value',
  'reset_token_expired',
  'reset_token_used',
  'reset_token_invalid',
  'wrong_password',
  'unknown_user',
  'invalid_phone',
  'already_exists',
  'unknown_field',
  'is_not_empty',
  'is_string',
  'is_email',
  'is_uuid',
  'is_in',
  'is_enum',
  'is_boolean',
  'is_int',
  'is_decimal',
  'is_array',
  'is_object',
  'is_calendar_date',
  'is_iso8601',
  'is_time_zone',
  'is_url',
  'invalid_url',
  'https_required',
  'credentials_in_url',
  'unresolvable_host',
  'private_target',
  'token_refused',
  'unknown_variable',
  'matches',
  'min',
  'max',
  'max_length',
  'min_length',
  'is_length',
  'array_not_empty',
  'array_max_size',
  'array_unique',
] as const;

type DetailCode = (typeof DETAIL_CODES)[number];
const isDetailCode = (code: string | undefined): code is DetailCode =>
  code !== undefined && (DETAIL_CODES as readonly string[]).includes(code);

/** Fields people type into, by the last part of their path (`lead.phone` → phone). */
const FIELD_LABELS = [
  'name',
  'email',
  'password',
  'phone',
  'phoneNumber',
  'text',
  'title',
  'timezone',
  'currency',
  'value',
  'amount',
  'url',
  'apiUrl',
  'campaign',
  'shortcut',
  'accessToken',
  'mentionedUserIds',
] as const;

type FieldLabel = (typeof FIELD_LABELS)[number];
const isLabelled = (leaf: string): leaf is FieldLabel => (FIELD_LABELS as readonly string[]).includes(leaf);

/** A field's name in the UI language; a path we have no name for is shown as the API names it. */
export function fieldLabel(field: string, t: TFunction): string {
  const leaf = field.split('.').pop() ?? field;
  return isLabelled(leaf) ? t(`errors.fields.${leaf}`) : field;
}

/** What is wrong with one field, in the UI language. */
export function errorDetailText(detail: ErrorDetail, t: TFunction): string {
  return t(`errors.details.${isDetailCode(detail.code) ? detail.code : 'invalid_value'}`);
}

/** "Telefone: número inválido…": the field and its problem, for messages that list several fields. */
export function labelledDetailText(detail: ErrorDetail, t: TFunction): string {
  const problem = errorDetailText(detail, t);
  return detail.field ? `${fieldLabel(detail.field, t)}: ${problem}` : problem;
}
