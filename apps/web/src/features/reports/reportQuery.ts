import type { operations } from '@whatrack/api-client';
import { toTicketQuery, type TicketFilters } from '../tickets/ticketFilters';

export type AttributionGroupBy = NonNullable<
  NonNullable<operations['getAttributionReport']['parameters']['query']>['groupBy']
>;
export type ReportFilterQuery = NonNullable<operations['getFunnelReport']['parameters']['query']>;

export const GROUP_BYS: readonly AttributionGroupBy[] = [
  'platform',
  'sourceType',
  'utmSource',
  'utmMedium',
  'utmCampaign',
  'adId',
  'stage',
  'assignee',
];

/** The report query of the ticket filters (paging and sort do not apply to reports). */
export function toReportQuery(filters: TicketFilters): ReportFilterQuery {
  const query = toTicketQuery({ ...filters, page: 1 });
  delete query.page;
  delete query.pageSize;
  delete query.sort;
  return query;
}
