import type {
  AdPlatform,
  ApiKeyScope,
  AttributionGroup,
  ConversionStatus,
  DateRangePreset,
  GoogleAdsVariant,
  MessageDirection,
  TicketSourceType,
  TicketStatus,
  TimeseriesInterval,
  TimeseriesMetric,
  UserRole,
  UtmField,
  WhatsappProvider,
} from '@whatrack/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** The shared enums the UI names, each with its values (as strings: the API client's types hold plain strings). */
export interface LabelledEnums {
  adPlatform: AdPlatform;
  apiKeyScope: `${ApiKeyScope}`;
  apiKeyScopeHint: `${ApiKeyScope}`;
  attributionGroup: AttributionGroup;
  conversionStatus: ConversionStatus;
  googleAdsVariant: GoogleAdsVariant;
  messageDirection: `${MessageDirection}`;
  period: DateRangePreset | 'custom';
  ticketSourceType: `${TicketSourceType}`;
  ticketStatus: `${TicketStatus}`;
  timeseriesInterval: TimeseriesInterval;
  timeseriesMetric: TimeseriesMetric;
  userRole: `${UserRole}`;
  utmField: UtmField;
  /** The short UTM names of the inbounds table. */
  utmFieldShort: UtmField;
  whatsappProvider: `${WhatsappProvider}`;
}

/** One function per shared enum, naming any of its values in the current language. */
export type EnumLabels = { readonly [Name in keyof LabelledEnums]: (value: LabelledEnums[Name]) => string };

/**
 * The labels of the shared enums' values, from the i18n catalogues (pt-BR first, en has the same keys). Each key is
 * built from the value with the catalogue's typed keys, so an enum value without a label is a type error here.
 */
export function useEnumLabels(): EnumLabels {
  const { t } = useTranslation();
  return useMemo(
    (): EnumLabels => ({
      adPlatform: (value) => t(`platforms.${value}`),
      apiKeyScope: (value) => t(`settings.apiKeys.scopes.${value}`),
      apiKeyScopeHint: (value) => t(`settings.apiKeys.scopeHints.${value}`),
      attributionGroup: (value) => t(`reports.groupBy.${value}`),
      conversionStatus: (value) => t(`settings.conversions.status.${value}`),
      googleAdsVariant: (value) => t(`settings.conversions.google.variants.${value}`),
      messageDirection: (value) => t(`ticket.messages.direction.${value}`),
      period: (value) => t(`filters.periods.${value}`),
      ticketSourceType: (value) => t(`sourceType.${value}`),
      ticketStatus: (value) => t(`ticket.status.${value}`),
      timeseriesInterval: (value) => t(`reports.timeseries.intervals.${value}`),
      timeseriesMetric: (value) => t(`reports.timeseries.metrics.${value}`),
      userRole: (value) => t(`roles.${value}`),
      utmField: (value) => t(`tracking.fields.${value}`),
      utmFieldShort: (value) => t(`inbounds.utm.${value}`),
      whatsappProvider: (value) => t(`settings.whatsapp.providers.${value}`),
    }),
    [t],
  );
}
