import type { ApiError } from '@whatrack/api-client';
import { isApiErrorCode } from '@whatrack/shared';
import type { TFunction } from 'i18next';
import { labelledDetailText } from './errorDetailText';

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

/**
 * The message of an API failure in the UI language: every code of the API's catalogue has one (errors.codes), and a
 * 400 that names its fields says each field's problem. Null only for a code this build does not know yet (a newer
 * server's): the caller then shows the API's own message rather than a vague one.
 */
export function translatedErrorText(error: ApiError, t: TFunction): string | null {
  if (error.isNetworkError) return t('errors.network');
  if (error.code === 'login_locked') return loginLockedText(error.message, t);
  if (error.code === 'invalid_input' && error.details.length > 0) {
    return error.details.map((detail) => labelledDetailText(detail, t)).join(' ');
  }
  if (isApiErrorCode(error.code)) return t(`errors.codes.${error.code}`);
  return null;
}
