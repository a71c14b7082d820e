import type { operations } from '@whatrack/api-client';
import { toTicketQuery, type TicketFilters } from '../tickets/ticketFilters';

export type ReportFilterQuery = NonNullable<operations['getFunnelReport']['parameters']['query']>;

/** The report query of the ticket filters (paging and sort do not apply to reports). */
export function toReportQuery(filters: TicketFilters): ReportFilterQuery {
  const query = toTicketQuery({ ...filters, page: 1 });
  delete query.page;
  delete query.pageSize;
  delete query.sort;
  return query;
}
