import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatMoney, formatTime } from '../../lib/format';
import { useAuthenticatedSession } from '../auth/useAuthenticatedSession';

export interface OrganizationFormat {
  money: (value: number | string | null | undefined) => string;
  dateTime: (value: string | number | Date | null | undefined) => string;
  date: (value: string | number | Date | null | undefined) => string;
  time: (value: string | number | Date | null | undefined) => string;
}

/** Formatters bound to the organization's currency and time zone, in the UI language. */
export function useOrganizationFormat(): OrganizationFormat {
  const { i18n } = useTranslation();
  const { organization } = useAuthenticatedSession();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  return {
    money: (value) => formatMoney(value, organization.currency, locale),
    dateTime: (value) => formatDateTime(value, organization.timezone, locale),
    date: (value) => formatDate(value, organization.timezone, locale),
    time: (value) => formatTime(value, organization.timezone, locale),
  };
}
