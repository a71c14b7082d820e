import { Injectable } from '@nestjs/common';
import { Db } from '../../database/db';
import { OrgReadCache } from '../../common/cache/org-read-cache';
import { LeadsRepository } from '../leads/leads.repository';
import { UsersRepository } from '../users/users.repository';
import type { SearchMatches } from './ticket-filter.sql';

const MAX_CACHED_LEAD_MATCHES = 2_000;

/** The leads and assignees a search term matches, for the ticket filter (see SearchMatches). */
@Injectable()
export class TicketSearchMatches {
  constructor(
    private readonly db: Db,
    private readonly cache: OrgReadCache,
    private readonly leads: LeadsRepository,
    private readonly users: UsersRepository,
  ) {}

  /**
   * What a search matches: the trigram lookup is most of a search's cost, and the agent who typed it pages and
   * sorts on the same text, so it is reused until the organization's next write. A search broader than
   * MAX_CACHED_LEAD_MATCHES leads (one letter...) keeps its lead match a subquery: its id list would cost more to
   * ship than to find.
   */
  matches(organizationId: string, q: string): Promise<SearchMatches> {
    return this.cache.get(organizationId, `tickets.search ${q}`, async () => {
      return {
        leadIds: await this.leads.findIdsMatching(this.db, { organizationId, q, max: MAX_CACHED_LEAD_MATCHES }),
        assigneeIds: await this.users.findIdsNamed(this.db, { organizationId, q }),
      };
    });
  }
}
