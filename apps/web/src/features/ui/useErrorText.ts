import { ApiError } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';
import { translatedErrorText } from './translatedErrorText';

/** The readable message of any request failure: translated by its code when we know it, else the API's message. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => {
    const apiError = ApiError.from(error);
    return translatedErrorText(apiError, t) ?? (apiError.message.trim() || t('errors.unexpected'));
  };
}
