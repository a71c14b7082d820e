/** Delivery state of a conversion queued for Meta's Conversions API. */
export const CONVERSION_STATUSES = ['pending', 'sent', 'failed', 'skipped'] as const;
export type ConversionStatus = (typeof CONVERSION_STATUSES)[number];

/** Click id column of the Google Ads offline conversions export. */
export const GOOGLE_ADS_VARIANTS = ['gclid', 'gbraid', 'wbraid'] as const;
export type GoogleAdsVariant = (typeof GOOGLE_ADS_VARIANTS)[number];
