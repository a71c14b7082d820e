// The PostgreSQL side of a listing request: the API's own TicketListingService (from dist) runs against a
// recording DataSource, so the statements explained are exactly the ones the endpoint sends.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { DIST_DIR } from './server.mjs';

const require = createRequire(import.meta.url);

function labelOf(sql) {
  if (/WITH RECURSIVE/i.test(sql)) return 'origins';
  // The page's ids, then their rows: both count as the page.
  // (Hand-written SQL in older builds, Kysely's quoted lower case since the typed repositories.)
  if (/^\s*SELECT "?t"?\."?id"? FROM "?tickets"? (as )?"?t"?\b/i.test(sql) || /ORDER BY "?page"?\."?n"?/i.test(sql)) {
    return 'page';
  }
  if (/ticket_tracking_identifiers/i.test(sql)) return 'identifiers';
  if (/ticket_rollups/i.test(sql)) return 'summary';
  if (/count\(\*\)/i.test(sql)) return 'summary';
  return 'other';
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The search-matches collaborator, in builds that have one (older builds, measured for comparison, do not). */
function searchMatches(dataSource, cache) {
  const file = `${DIST_DIR}/modules/tickets/ticket-search-matches.js`;
  if (!existsSync(file)) return undefined;
  const { TicketSearchMatches } = require(file);
  const leads = require(`${DIST_DIR}/modules/leads/leads.repository.js`);
  if (!leads.LeadsRepository) return new TicketSearchMatches(dataSource, cache);
  const { UsersRepository } = require(`${DIST_DIR}/modules/users/users.repository.js`);
  return new TicketSearchMatches(dataSource, cache, new leads.LeadsRepository(), new UsersRepository());
}

/**
 * The listing service as its module builds it. Since the typed repositories (tickets.repository.js) its
 * collaborators take a Db (on the recording manager) and the stateless repositories; older builds took the
 * DataSource itself.
 */
function listingService(dataSource, clock, cache, organizations, queue) {
  const { TicketListingService } = require(`${DIST_DIR}/modules/tickets/ticket-listing.service.js`);
  const { TicketPageReader } = require(`${DIST_DIR}/modules/tickets/ticket-page-reader.js`);
  const repositoryFile = `${DIST_DIR}/modules/tickets/tickets.repository.js`;
  if (!existsSync(repositoryFile)) {
    const pages = new TicketPageReader(dataSource, cache);
    return new TicketListingService(dataSource, clock, cache, organizations, pages, searchMatches(dataSource, cache));
  }
  const { Db } = require(`${DIST_DIR}/database/db.js`);
  const { TicketsRepository } = require(repositoryFile);
  const { TicketTrackingsRepository } = require(`${DIST_DIR}/modules/tracking/ticket-trackings.repository.js`);
  const db = new Db(dataSource.manager);
  const tickets = new TicketsRepository();
  const pages = new TicketPageReader(db, cache, tickets);
  const search = searchMatches(db, cache);
  // The stages are a primary-key-ordered lookup of a few rows, not explained.
  const stages = { list: async () => [] };
  const rollupsFile = `${DIST_DIR}/modules/ticket-rollups/ticket-rollups.repository.js`;
  const rollups = existsSync(rollupsFile) ? new (require(rollupsFile).TicketRollupsRepository)() : undefined;
  return new TicketListingService(
    db,
    clock,
    cache,
    organizations,
    pages,
    search,
    tickets,
    new TicketTrackingsRepository(),
    stages,
    queue,
    rollups,
  );
}

/** The statements TicketListingService.list/inbounds sends for `query`, with their parameters. */
export async function captureListingSql(client, org, kind, query) {
  const statements = [];
  const run = async (sql, params = []) => {
    statements.push({ label: labelOf(sql), sql, params });
    return client.query(sql, params);
  };
  const dataSource = {
    query: async (sql, params) => (await run(sql, params)).rows,
    manager: {
      // Plain statements of the search lookups (through an EntityManager, in the builds that still have them).
      query: async (sql, params) => (await run(sql, params)).rows,
      // Prepared statements (and, since the typed repositories, every statement) go through the native client of a
      // query runner.
      queryRunner: { connect: async () => ({ query: ({ text, values }) => run(text, values) }) },
      // The stages are read through TypeORM in older builds: a primary-key-ordered lookup of a few rows, not explained.
      find: async () => [],
    },
  };
  // Uncached: the statements of a cache miss (the endpoint reuses summary and facets between writes).
  const noCache = {
    get: (_organizationId, _key, load) => load(),
    peek: () => undefined,
    put: () => {},
    generation: () => ({}),
  };
  const organizations = {
    of: async (id) => (await client.query('SELECT id, timezone FROM organizations WHERE id = $1', [id])).rows[0],
  };
  // `assigneeId=me`: a user who has tickets (the request's own user is not known here).
  const queue = {
    assigneeFilter: async (_auth, assigneeId) =>
      assigneeId === 'me'
        ? ((
            await client.query(
              'SELECT assignee_id FROM tickets WHERE organization_id = $1 AND assignee_id IS NOT NULL LIMIT 1',
              [org],
            )
          ).rows[0]?.assignee_id ?? null)
        : assigneeId,
  };
  const service = listingService(dataSource, { now: () => new Date() }, noCache, organizations, queue);
  await service[kind]({ organizationId: org }, { page: 1, pageSize: 20, ...query });
  return statements;
}

/**
 * EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) of each statement, `repeats` times (warm cache): median execution
 * and planning time, plus one text plan (ANALYZE, BUFFERS, with per-node timing) for the record.
 */
export async function explainStatements(client, statements, repeats = 5) {
  const out = [];
  for (const { label, sql, params } of statements) {
    const exec = [];
    const plan = [];
    for (let i = 0; i < repeats; i++) {
      // TIMING OFF: per-node clock reads would inflate the figure (a lot on a VM clock source).
      const { rows } = await client.query(`EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ${sql}`, params);
      const [result] = rows[0]['QUERY PLAN'];
      exec.push(result['Execution Time']);
      plan.push(result['Planning Time']);
    }
    const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
    out.push({
      label,
      sql,
      params,
      executionMs: median(exec),
      planningMs: median(plan),
      textPlan: rows.map((r) => r['QUERY PLAN']).join('\n'),
    });
  }
  return out;
}
