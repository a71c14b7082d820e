import { Injectable } from '@nestjs/common';
import { OrgReadCache } from '../../common/cache/org-read-cache';
import { Db } from '../../database/db';
import type { TicketSort } from './dto/ticket-query.dto';
import { type TicketFilter, ticketFilterKey } from './ticket-filter.sql';
import { type PageStart, ticketSortColumn } from './ticket-sort.sql';
import type { PagedRow } from './ticket-listing.sql';
import { TicketsRepository } from './tickets.repository';

export type { ListRow, PagedRow } from './ticket-listing.sql';

/** Reads pages of listed tickets (the table, inbounds and the CSV export) for a ticket filter. */
@Injectable()
export class TicketPageReader {
  constructor(
    private readonly db: Db,
    private readonly cache: OrgReadCache,
    private readonly tickets: TicketsRepository,
  ) {}

  /**
   * One page of rows. Deep pages would count past every earlier row (OFFSET), so where a page starts is
   * remembered until the organization's next write: reading page n remembers page n + 1's first row, and a
   * page read again seeks straight to its start on the sort index.
   */
  async pageRows(filter: TicketFilter, sort: TicketSort | undefined, pageSize: number, page: number) {
    const { organizationId } = filter;
    const filterKey = ticketFilterKey(filter);
    const startKey = (n: number) => `tickets.page-start ${filterKey} ${sort} ${pageSize} ${n}`;
    // Taken before reading: a write committed meanwhile may have moved the boundaries this read finds.
    const generation = this.cache.generation(organizationId);
    const start = page > 1 ? await this.cache.peek<PageStart | null>(organizationId, startKey(page)) : undefined;
    if (start === null) return [];
    const { rows, next } = await this.rowsFrom(filter, sort, pageSize, start ?? (page - 1) * pageSize);
    if (start === undefined && page > 1) this.cache.put(organizationId, startKey(page), startOf(rows[0]), generation);
    this.cache.put(organizationId, startKey(page + 1), next, generation);
    return rows;
  }

  /** `limit` rows from an offset or a page start, and where the rows after them start (null at the end). */
  async rowsFrom(
    filter: TicketFilter,
    sort: TicketSort | undefined,
    limit: number,
    from: number | PageStart,
  ): Promise<{ rows: PagedRow[]; next: PageStart | null }> {
    // One row more than asked for: it is where the next page starts. The ids first (a statement shaped by the
    // filters, cheap to plan), then their rows through one prepared statement: planning its joins anew would cost
    // PostgreSQL several times running them.
    const ids = await this.tickets.pageIds(this.db, filter, { sort, limit: limit + 1, from });
    if (ids.length === 0) return { rows: [], next: null };
    const rows = await this.tickets.rowsByIds(this.db, {
      organizationId: filter.organizationId,
      ids,
      sortColumn: ticketSortColumn(sort),
    });
    const after = rows.length > limit ? rows.pop() : undefined;
    return { rows, next: startOf(after) };
  }
}

function startOf(row: PagedRow | undefined): PageStart | null {
  return row ? { value: row.sort_value, id: row.id } : null;
}
