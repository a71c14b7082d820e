import { ApiError, type CreateQuickReplyBody } from '@whatrack/api-client';
import {
  QUICK_REPLY_SHORTCUT_MAX_LENGTH,
  QUICK_REPLY_SHORTCUT_PATTERN,
  normalizeQuickReplyShortcut,
  unknownQuickReplyVariables,
} from '@whatrack/shared';
import type { TFunction } from 'i18next';

export type QuickReplyField = keyof CreateQuickReplyBody;
export type QuickReplyFieldErrors = Partial<Record<QuickReplyField, string>>;

const TEXT_MAX_LENGTH = 4096;

const unknownText = (names: string[], t: TFunction) =>
  t('quickReplies.form.unknownVariable', { variables: names.map((name) => `{{${name}}}`).join(', ') });

/** What the API would refuse, said before sending (the same rules as its DTO). */
export function validateQuickReply(values: CreateQuickReplyBody, t: TFunction): QuickReplyFieldErrors {
  const errors: QuickReplyFieldErrors = {};
  const shortcut = normalizeQuickReplyShortcut(values.shortcut);
  if (!shortcut) errors.shortcut = t('validation.required');
  else if (shortcut.length > QUICK_REPLY_SHORTCUT_MAX_LENGTH || !QUICK_REPLY_SHORTCUT_PATTERN.test(shortcut)) {
    errors.shortcut = t('quickReplies.form.shortcutInvalid', { max: QUICK_REPLY_SHORTCUT_MAX_LENGTH });
  }
  if (!values.title.trim()) errors.title = t('validation.required');
  const text = values.text.trim();
  if (!text) errors.text = t('validation.required');
  else if (text.length > TEXT_MAX_LENGTH) errors.text = t('quickReplies.form.textTooLong', { max: TEXT_MAX_LENGTH });
  else {
    const unknown = unknownQuickReplyVariables(text);
    if (unknown.length > 0) errors.text = unknownText(unknown, t);
  }
  return errors;
}

/** The API's field errors of a failed save, in the UI language where we know the reason. */
export function apiQuickReplyFieldErrors(error: unknown, values: CreateQuickReplyBody, t: TFunction) {
  if (!error) return {};
  const apiError = ApiError.from(error);
  const errors: QuickReplyFieldErrors = { ...apiError.fieldErrors };
  if (apiError.code === 'quick_reply_shortcut_taken') {
    errors.shortcut = t('quickReplies.form.shortcutTaken', { shortcut: normalizeQuickReplyShortcut(values.shortcut) });
  }
  const unknown = unknownQuickReplyVariables(values.text);
  if (apiError.details.some((d) => d.code === 'unknown_variable') && unknown.length > 0) {
    errors.text = unknownText(unknown, t);
  }
  return errors;
}
