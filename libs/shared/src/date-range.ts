/** Date-range presets accepted by listing and report endpoints (computed in the organization's time zone). */
export const DATE_RANGE_PRESETS = [
  'today',
  'yesterday',
  '7d',
  '30d',
  '90d',
  'thisMonth',
  'lastMonth',
  'thisYear',
  'all',
] as const;

export type DateRangePreset = (typeof DATE_RANGE_PRESETS)[number];

export function isDateRangePreset(value: unknown): value is DateRangePreset {
  return typeof value === 'string' && (DATE_RANGE_PRESETS as readonly string[]).includes(value);
}
