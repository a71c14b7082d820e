import { act, renderHook } from '@testing-library/react';
import {
  AD_PLATFORMS,
  API_KEY_SCOPES,
  ATTRIBUTION_GROUPS,
  CONVERSION_STATUSES,
  DATE_RANGE_PRESETS,
  GOOGLE_ADS_VARIANTS,
  MessageDirection,
  TICKET_SOURCE_TYPES,
  TIMESERIES_INTERVALS,
  TIMESERIES_METRICS,
  TicketStatus,
  UTM_FIELDS,
  UserRole,
  WHATSAPP_PROVIDERS,
} from '@whatrack/shared';
import i18n from 'i18next';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_LANGUAGES } from './languages';
import { useEnumLabels, type LabelledEnums } from './useEnumLabels';

/** Every value of every labelled enum, from libs/shared (the type makes a new labelled enum need its values here). */
const VALUES: { readonly [Name in keyof LabelledEnums]: readonly LabelledEnums[Name][] } = {
  adPlatform: AD_PLATFORMS,
  apiKeyScope: API_KEY_SCOPES,
  apiKeyScopeHint: API_KEY_SCOPES,
  attributionGroup: ATTRIBUTION_GROUPS,
  conversionStatus: CONVERSION_STATUSES,
  googleAdsVariant: GOOGLE_ADS_VARIANTS,
  messageDirection: Object.values(MessageDirection),
  period: [...DATE_RANGE_PRESETS, 'custom'],
  ticketSourceType: TICKET_SOURCE_TYPES,
  ticketStatus: Object.values(TicketStatus),
  timeseriesInterval: TIMESERIES_INTERVALS,
  timeseriesMetric: TIMESERIES_METRICS,
  userRole: Object.values(UserRole),
  utmField: UTM_FIELDS,
  utmFieldShort: UTM_FIELDS,
  whatsappProvider: WHATSAPP_PROVIDERS,
};

describe('useEnumLabels', () => {
  it.each(SUPPORTED_LANGUAGES)('names every value of every shared enum in %s, each differently', async (language) => {
    await act(() => i18n.changeLanguage(language));
    const { result } = renderHook(() => useEnumLabels());

    for (const [name, values] of Object.entries(VALUES)) {
      const label = result.current[name as keyof LabelledEnums] as (value: string) => string;
      const labels = values.map((value) => label(value));
      // i18next answers a missing key with the key itself, which ends with the value.
      const missing = values.filter((value, index) => !labels[index]?.trim() || labels[index]?.endsWith(`.${value}`));
      expect(missing, `${language} ${name}`).toEqual([]);
      expect(new Set(labels).size, `${language} ${name}: ${labels.join(', ')}`).toBe(values.length);
    }
  });

  it('speaks pt-BR by default', () => {
    const { result } = renderHook(() => useEnumLabels());

    expect(result.current.attributionGroup('assignee')).toBe(i18n.t('reports.groupBy.assignee', { lng: 'pt-BR' }));
    expect(result.current.ticketStatus(TicketStatus.CLOSED)).toBe(i18n.t('ticket.status.closed', { lng: 'pt-BR' }));
  });

  it('only takes values of the enum', () => {
    const { result } = renderHook(() => useEnumLabels());
    // @ts-expect-error 'campaign' is not a report dimension.
    expect(result.current.attributionGroup('campaign')).toBe('reports.groupBy.campaign');
  });
});
