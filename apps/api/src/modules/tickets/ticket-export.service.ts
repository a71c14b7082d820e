import { Injectable } from '@nestjs/common';
import type { AuthContext } from '../../common/auth/auth-context';
import { csvLine } from './csv';
import type { TicketQueryDto, TicketSort } from './dto/ticket-query.dto';
import type { TicketFilter } from './ticket-filter.sql';
import type { PageStart } from './ticket-sort.sql';
import { type PagedRow, TicketPageReader } from './ticket-page-reader';
import { TicketListingService } from './ticket-listing.service';

const BATCH = 2000;
const HEADER = [
  'id',
  'createdAt',
  'leadName',
  'leadPhone',
  'utmSource',
  'utmMedium',
  'utmCampaign',
  'sourceType',
  'platform',
  'stage',
  'status',
  'assigneeName',
  'dealValue',
  'messagesCount',
  'salesCount',
  'totalValue',
];

type Batch = { rows: PagedRow[]; next: PageStart | null };

/** Every ticket matching the filters (all pages) as CSV lines, read in batches so memory stays flat. */
@Injectable()
export class TicketExportService {
  constructor(
    private readonly listing: TicketListingService,
    private readonly pages: TicketPageReader,
  ) {}

  /**
   * Checks the filters and reads the first batch before anything is sent, so a bad request is an ordinary error
   * answer rather than a file cut short; the lines then follow batch after batch.
   */
  async open(auth: AuthContext, query: TicketQueryDto): Promise<AsyncGenerator<string>> {
    const filter = await this.listing.filterOf(auth, query);
    const first = await this.pages.rowsFrom(filter, query.sort, BATCH, 0);
    return this.lines(filter, query.sort, first);
  }

  private async *lines(filter: TicketFilter, sort: TicketSort | undefined, first: Batch): AsyncGenerator<string> {
    yield '\uFEFF' + csvLine(HEADER);
    // Batch after batch from where the previous one ended (a seek, not an OFFSET that recounts every row).
    for (let batch = first; ;) {
      for (const r of batch.rows) yield csvLine(toCsvValues(r));
      if (!batch.next) return;
      batch = await this.pages.rowsFrom(filter, sort, BATCH, batch.next);
    }
  }
}

function toCsvValues(r: PagedRow) {
  return [
    r.id,
    r.created_at,
    r.lead_name,
    r.lead_phone,
    r.utm_source,
    r.utm_medium,
    r.utm_campaign,
    r.source_type,
    r.platform,
    r.stage_name,
    r.status,
    r.assignee_name,
    r.deal_value.toFixed(2),
    r.messages_count,
    r.sales_count,
    r.sales_total.toFixed(2),
  ];
}
