import { TicketSourceType } from '@whatrack/shared';

/** utm_medium values that mean the visit was bought. */
const PAID_MEDIUMS = new Set([
  'cpc',
  'ppc',
  'cpm',
  'cpa',
  'cpv',
  'paid',
  'paid_social',
  'paidsocial',
  'paid-social',
  'paid_search',
  'paidsearch',
  'display',
  'ads',
  'ad',
  'banner',
  'retargeting',
  'remarketing',
]);

/** utm_medium values that say the visit was not an ad, whatever its source (a bio link, a newsletter...). */
const UNPAID_MEDIUMS = new Set([
  'organic',
  'organic_social',
  'organic-social',
  'social',
  'referral',
  'email',
  'e-mail',
  'newsletter',
  'sms',
  'push',
]);

/** utm_source values (lower-case) that identify an ad platform when no click id does. */
const SOURCE_PLATFORMS: Record<string, string> = {
  google: 'google_ads',
  'google ads': 'google_ads',
  googleads: 'google_ads',
  adwords: 'google_ads',
  youtube: 'google_ads',
  facebook: 'meta_ads',
  fb: 'meta_ads',
  instagram: 'meta_ads',
  ig: 'meta_ads',
  meta: 'meta_ads',
  whatsapp: 'meta_ads',
  tiktok: 'tiktok_ads',
};

export function isPaidMedium(utmMedium: string | null | undefined): boolean {
  return !!utmMedium && PAID_MEDIUMS.has(utmMedium.trim().toLowerCase());
}

/**
 * The ad platform of a ticket: the platform of its first click id (in the order given), else one inferred from
 * utmSource unless the medium says the visit was not an ad (google / organic is a search result, not Google Ads).
 */
export function derivePlatformKey(
  clickIdPlatforms: readonly string[],
  utmSource: string | null | undefined,
  utmMedium?: string | null,
): string | null {
  if (clickIdPlatforms.length > 0) return clickIdPlatforms[0];
  if (!utmSource) return null;
  if (utmMedium && UNPAID_MEDIUMS.has(utmMedium.trim().toLowerCase())) return null;
  return SOURCE_PLATFORMS[utmSource.trim().toLowerCase()] ?? null;
}

/** paid when any click id is present or the medium is a paid one; otherwise organic. */
export function deriveSourceType(hasClickId: boolean, utmMedium: string | null | undefined): TicketSourceType {
  return hasClickId || isPaidMedium(utmMedium) ? TicketSourceType.PAID : TicketSourceType.ORGANIC;
}
