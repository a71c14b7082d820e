import type { ApiError } from '@whatrack/api-client';
import type { TFunction } from 'i18next';

/**
 * API error codes people can meet while using the app, with a message in the UI language. Other codes (invalid_input,
 * conflict, unprocessable…) keep the API's own message: it names the field or the rule that failed.
 */
const TRANSLATED_CODES = [
  'invalid_credentials',
  'unauthorized',
  'email_unavailable',
  'forbidden',
  'insufficient_scope',
  'not_found',
  'already_exists',
  'payload_too_large',
  'rate_limited',
  'statement_timeout',
  'server_busy',
  'database_busy',
  'database_unavailable',
  'service_unavailable',
  'write_conflict',
  'upstream_error',
  'internal_error',
] as const;

type TranslatedCode = (typeof TRANSLATED_CODES)[number];

/** Codes of team management, sign-in of deactivated users and password changes (translated under `members`). */
const MEMBER_CODES = [
  'user_deactivated',
  'session_revoked',
  'api_key_creator_deactivated',
  'last_owner',
  'owner_required',
  'cannot_deactivate_self',
  'wrong_password',
  'reset_token_invalid',
  'reset_token_used',
  'reset_token_expired',
  'user_inactive',
] as const;

type MemberCode = (typeof MEMBER_CODES)[number];

function isMemberCode(code: string | undefined): code is MemberCode {
  return (MEMBER_CODES as readonly (string | undefined)[]).includes(code);
}

function isTranslatedCode(code: string): code is TranslatedCode {
  return (TRANSLATED_CODES as readonly string[]).includes(code);
}

/** The wait of a login_locked answer: the API says it in the message ("try again in 42 s") and in Retry-After. */
export function lockSeconds(message: string): number | null {
  const match = /(\d+)\s*s\b/.exec(message);
  const seconds = match ? Number(match[1]) : NaN;
  return Number.isFinite(seconds) && seconds > 0 ? seconds : null;
}

function loginLockedText(message: string, t: TFunction): string {
  const seconds = lockSeconds(message);
  if (seconds === null) return t('errors.loginLocked.generic');
  // Locks double with every failure: past a minute, minutes read better than "900 s".
  if (seconds < 60) return t('errors.loginLocked.seconds', { seconds });
  return t('errors.loginLocked.minutes', { minutes: Math.ceil(seconds / 60) });
}

/** The message of an API failure in the UI language, or null when its code has no translation. */
export function translatedErrorText(error: ApiError, t: TFunction): string | null {
  if (error.isNetworkError) return t('errors.network');
  if (error.code === 'login_locked') return loginLockedText(error.message, t);
  if (isTranslatedCode(error.code)) return t(`errors.codes.${error.code}`);
  if (isMemberCode(error.code)) return t(`members.errorCodes.${error.code}`);
  // A field's reason that says it all (the wrong current password of a password change).
  const memberDetail = error.details.find((d) => isMemberCode(d.code))?.code;
  if (isMemberCode(memberDetail)) return t(`members.errorCodes.${memberDetail}`);
  return null;
}
