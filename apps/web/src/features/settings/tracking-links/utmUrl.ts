/** The UTM parameters the builder offers, in the order ad platforms document them. */
export const UTM_PARAMETERS = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_content', 'utm_term'] as const;
export type UtmParameter = (typeof UTM_PARAMETERS)[number];
export type UtmValues = Record<UtmParameter, string>;

export const EMPTY_UTMS: UtmValues = {
  utm_source: '',
  utm_medium: '',
  utm_campaign: '',
  utm_content: '',
  utm_term: '',
};

/**
 * The link's URL with the filled UTM parameters, encoded by URLSearchParams (so "tênis & meias" cannot break the
 * query). Parameters already in the URL are replaced, and blank fields are left out rather than sent empty.
 */
export function utmUrl(base: string, values: UtmValues): string {
  const url = new URL(base);
  for (const parameter of UTM_PARAMETERS) {
    const value = values[parameter].trim();
    if (value) url.searchParams.set(parameter, value);
    else url.searchParams.delete(parameter);
  }
  return url.toString();
}
