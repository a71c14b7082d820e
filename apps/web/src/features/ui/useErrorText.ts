import { ApiError } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';

/** The readable message of any request failure, in the UI language when it did not come from the API. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => {
    const apiError = ApiError.from(error);
    if (apiError.isNetworkError) return t('errors.network');
    return apiError.message.trim() || t('errors.unexpected');
  };
}
