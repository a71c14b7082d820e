/** The UTM parameters kept with a ticket's tracking, in the order they are shown. */
export const UTM_FIELDS = ['utmSource', 'utmMedium', 'utmCampaign', 'utmTerm', 'utmContent'] as const;
export type UtmField = (typeof UTM_FIELDS)[number];

/** Ad platforms the attribution knows by name (a newer one shows its raw key). */
export const AD_PLATFORMS = ['google_ads', 'meta_ads', 'tiktok_ads'] as const;
export type AdPlatform = (typeof AD_PLATFORMS)[number];

export function isAdPlatform(value: string): value is AdPlatform {
  return (AD_PLATFORMS as readonly string[]).includes(value);
}
