import { Injectable } from '@nestjs/common';
import type { AuthContext } from '../../common/auth/auth-context';
import { csvLine } from './csv';
import type { TicketQueryDto } from './dto/ticket-query.dto';
import type { PageStart } from './ticket-filter.sql';
import { TicketPageReader } from './ticket-page-reader';
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

/** Every ticket matching the filters (all pages) as CSV lines, read in batches so memory stays flat. */
@Injectable()
export class TicketExportService {
  constructor(
    private readonly listing: TicketListingService,
    private readonly pages: TicketPageReader,
  ) {}

  async *csv(auth: AuthContext, query: TicketQueryDto): AsyncGenerator<string> {
    const filter = await this.listing.filterSql(auth, query);
    yield '\uFEFF' + csvLine(HEADER);
    // Batch after batch from where the previous one ended (a seek, not an OFFSET that recounts every row).
    for (let from: number | PageStart = 0; ;) {
      const { rows, next } = await this.pages.rowsFrom(filter, query.sort, BATCH, from);
      for (const r of rows) {
        yield csvLine([
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
          r.deal_value,
          r.messages_count,
          r.sales_count,
          r.sales_total,
        ]);
      }
      if (!next) return;
      from = next;
    }
  }
}
