import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OrgReadCache } from '../../common/cache/org-read-cache';
import { searchPattern } from '../../common/sql/like-pattern';
import { SqlParams } from '../../common/sql/sql-params';
import { leadSearchSql, type SearchMatches } from './ticket-filter.sql';

const MAX_CACHED_LEAD_MATCHES = 2_000;

/** The leads and assignees a search term matches, for the ticket filter (see SearchMatches). */
@Injectable()
export class TicketSearchMatches {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cache: OrgReadCache,
  ) {}

  /**
   * What a search matches: the trigram lookup is most of a search's cost, and the agent who typed it pages and
   * sorts on the same text, so it is reused until the organization's next write. A search broader than
   * MAX_CACHED_LEAD_MATCHES leads (one letter...) keeps its lead match a subquery: its id list would cost more to
   * ship than to find.
   */
  matches(organizationId: string, q: string): Promise<SearchMatches> {
    return this.cache.get(organizationId, `tickets.search ${q}`, async () => {
      const params = new SqlParams();
      const org = params.add(organizationId);
      const leads = await this.dataSource.query<{ id: string }[]>(
        `SELECT l.id FROM leads l WHERE l.organization_id = ${org} AND ${leadSearchSql(q, params)}
         LIMIT ${params.add(MAX_CACHED_LEAD_MATCHES + 1)}`,
        params.values,
      );
      const users = await this.dataSource.query<{ id: string }[]>(
        `SELECT u.id FROM users u WHERE u.organization_id = $1 AND f_unaccent(lower(u.name)) LIKE f_unaccent($2::text)`,
        [organizationId, searchPattern(q)],
      );
      return {
        leadIds: leads.length > MAX_CACHED_LEAD_MATCHES ? null : leads.map((r) => r.id),
        assigneeIds: users.map((r) => r.id),
      };
    });
  }
}
