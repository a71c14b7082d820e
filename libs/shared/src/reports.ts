/** Dimensions the attribution report can group its rows by (GET /reports/attribution?groupBy=…). */
export const ATTRIBUTION_GROUPS = [
  'platform',
  'sourceType',
  'utmSource',
  'utmMedium',
  'utmCampaign',
  'adId',
  'stage',
  'assignee',
] as const;
export type AttributionGroup = (typeof ATTRIBUTION_GROUPS)[number];

/** Bucket sizes of the time series report; weeks start on Monday. */
export const TIMESERIES_INTERVALS = ['day', 'week', 'month'] as const;
export type TimeseriesInterval = (typeof TIMESERIES_INTERVALS)[number];

/** What the time series report counts: tickets by creation date, or sales value by sale date. */
export const TIMESERIES_METRICS = ['tickets', 'revenue'] as const;
export type TimeseriesMetric = (typeof TIMESERIES_METRICS)[number];

/** Dimensions the time series report can split each bucket by. */
export const TIMESERIES_GROUPS = ['platform', 'sourceType'] as const;
export type TimeseriesGroup = (typeof TIMESERIES_GROUPS)[number];

/** What the support report's rows are: one per agent, per WhatsApp line, or per day/week/month of ticket creation. */
export const SUPPORT_GROUPS = ['agent', 'line', 'day', 'week', 'month'] as const;
export type SupportGroup = (typeof SUPPORT_GROUPS)[number];
