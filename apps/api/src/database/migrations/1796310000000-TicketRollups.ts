import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ticket rollups: the counts and sums that listings' summaries and the reports read, kept per organization and
 * cell (local day of the organization's time zone, stage, status, has-sales, assignee, paid/organic, ad platform,
 * utm source/medium/campaign, ad id), so that a summary costs the cells of its filter, not its tickets.
 *
 * A cell holds two facts: the tickets CREATED on its day (count, deal values) and the sales SOLD on its day (count,
 * revenue), each under the ticket's current dimensions. Row triggers on tickets, ticket_trackings and sales append
 * signed deltas to ticket_rollup_deltas in the writing transaction (inserts only: concurrent writers never wait on
 * one another or deadlock on a hot cell); ticket_rollups_compact() folds committed deltas into ticket_rollups at day
 * and month grain in one transaction. A reader sums ticket_rollups + ticket_rollup_deltas in one statement, so any
 * snapshot sees exact totals. An organization's time-zone change rebuilds its rollups (organizations trigger) under
 * an exclusive advisory lock that every writer's trigger takes shared before it reads the zone.
 */
const DIMENSIONS = [
  'stage_id',
  'status',
  'has_sales',
  'assignee_id',
  'source_type',
  'ad_platform_id',
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'ad_id',
];
const MEASURES = ['tickets', 'deal_value', 'sales_count', 'revenue'];
const dims = DIMENSIONS.join(', ');
const measures = MEASURES.join(', ');

const DIMENSION_COLUMNS = `"stage_id" uuid NOT NULL, "status" character varying(8) NOT NULL, "has_sales" boolean NOT NULL,
  "assignee_id" uuid, "source_type" character varying(8) NOT NULL, "ad_platform_id" uuid,
  "utm_source" character varying(255), "utm_medium" character varying(255), "utm_campaign" character varying(255),
  "ad_id" character varying(255)`;

/** The cell of ticket `t` with tracking `tr` (either may be a NULL row: no tracking), in DIMENSIONS' order. */
const cellOf = (t: string, tr: string) =>
  `${t}.stage_id, ${t}.status, ${t}.sales_count > 0 AS has_sales, ${t}.assignee_id, ${t}.source_type,
   ${tr}.ad_platform_id, ${tr}.utm_source, ${tr}.utm_medium, ${tr}.utm_campaign, ${tr}.ad_id`;

const LOCK_KEY = `CREATE FUNCTION "ticket_rollups_lock_key"(org uuid) RETURNS bigint
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT hashtextextended('ticket_rollups ' || org::text, 0) $$`;

/** The organization's zone, read after the shared lock (so after any time-zone change it waited for). */
const ZONE = `CREATE FUNCTION "ticket_rollups_zone"(org uuid) RETURNS text LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM pg_advisory_xact_lock_shared(ticket_rollups_lock_key(org));
    RETURN (SELECT o.timezone FROM organizations o WHERE o.id = org);
  END $$`;

/** Adds `sign` times ticket t's contribution: itself on its creation day, and its sales on their days. */
const ADD_TICKET = `CREATE FUNCTION "ticket_rollups_add_ticket"(sign integer, t tickets, tr ticket_trackings)
  RETURNS void LANGUAGE plpgsql AS $$
  DECLARE zone text := ticket_rollups_zone(t.organization_id);
  BEGIN
    INSERT INTO ticket_rollup_deltas (organization_id, day, ${dims}, ${measures})
    SELECT t.organization_id, p.day, ${cellOf('t', 'tr')},
      sign * p.tickets, sign * p.deal_value, sign * p.sales_count, sign * p.revenue
    FROM (
      SELECT (t.created_at AT TIME ZONE zone)::date AS day, 1 AS tickets, t.deal_value, 0 AS sales_count,
        0::numeric AS revenue
      UNION ALL
      SELECT (s.sold_at AT TIME ZONE zone)::date, 0, 0, count(*)::integer, sum(s.value)
      FROM sales s WHERE s.organization_id = t.organization_id AND s.ticket_id = t.id
      GROUP BY 1
    ) p;
  END $$`;

/** Adds `sign` times one sale of a ticket (nothing when the ticket is gone: its own trigger accounted for it). */
const ADD_SALE = `CREATE FUNCTION "ticket_rollups_add_sale"(sign integer, org uuid, ticket uuid, sold_at timestamptz,
    value numeric) RETURNS void LANGUAGE plpgsql AS $$
  DECLARE
    t tickets;
    tr ticket_trackings;
    zone text;
  BEGIN
    SELECT * INTO t FROM tickets x WHERE x.organization_id = org AND x.id = ticket;
    IF NOT FOUND THEN RETURN; END IF;
    SELECT * INTO tr FROM ticket_trackings x WHERE x.organization_id = org AND x.ticket_id = ticket;
    zone := ticket_rollups_zone(org);
    INSERT INTO ticket_rollup_deltas (organization_id, day, ${dims}, ${measures})
    SELECT org, (sold_at AT TIME ZONE zone)::date, ${cellOf('t', 'tr')}, 0, 0, sign, sign * value;
  END $$`;

const TICKETS_TRIGGER = `CREATE FUNCTION "ticket_rollups_tickets"() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    tr ticket_trackings;
    r tickets := COALESCE(NEW, OLD);
  BEGIN
    SELECT * INTO tr FROM ticket_trackings x WHERE x.organization_id = r.organization_id AND x.ticket_id = r.id;
    IF TG_OP <> 'INSERT' THEN PERFORM ticket_rollups_add_ticket(-1, OLD, tr); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM ticket_rollups_add_ticket(1, NEW, tr); END IF;
    RETURN NULL;
  END $$`;

/** A ticket's contribution moves from its old tracking's cell (none before an insert) to its new one. */
const TRACKINGS_TRIGGER = `CREATE FUNCTION "ticket_rollups_trackings"() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    t tickets;
    none ticket_trackings;
  BEGIN
    IF TG_OP <> 'INSERT' THEN
      SELECT * INTO t FROM tickets x WHERE x.organization_id = OLD.organization_id AND x.id = OLD.ticket_id;
      IF FOUND THEN
        PERFORM ticket_rollups_add_ticket(-1, t, OLD);
        PERFORM ticket_rollups_add_ticket(1, t, none);
      END IF;
    END IF;
    IF TG_OP <> 'DELETE' THEN
      SELECT * INTO t FROM tickets x WHERE x.organization_id = NEW.organization_id AND x.id = NEW.ticket_id;
      IF FOUND THEN
        PERFORM ticket_rollups_add_ticket(-1, t, none);
        PERFORM ticket_rollups_add_ticket(1, t, NEW);
      END IF;
    END IF;
    RETURN NULL;
  END $$`;

const SALES_TRIGGER = `CREATE FUNCTION "ticket_rollups_sales"() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP <> 'INSERT' THEN
      PERFORM ticket_rollups_add_sale(-1, OLD.organization_id, OLD.ticket_id, OLD.sold_at, OLD.value);
    END IF;
    IF TG_OP <> 'DELETE' THEN
      PERFORM ticket_rollups_add_sale(1, NEW.organization_id, NEW.ticket_id, NEW.sold_at, NEW.value);
    END IF;
    RETURN NULL;
  END $$`;

/** Cells at day grain and, summed, at month grain (the first day of the month). */
const bothGrains = (cells: string) => `SELECT 'day' AS grain, day, ${dims}, ${measures} FROM ${cells}
      UNION ALL
      SELECT 'month', date_trunc('month', day)::date, ${dims}, ${MEASURES.map((m) => `sum(${m})`).join(', ')}
      FROM ${cells} GROUP BY 2, ${dims}`;

const sums = MEASURES.map((m) => `sum(${m}) AS ${m}`).join(', ');

/** Recomputes an organization's rollups from its tickets and sales (time-zone change, migration, bulk loads). */
const REBUILD = `CREATE FUNCTION "ticket_rollups_rebuild"(org uuid) RETURNS void LANGUAGE plpgsql AS $$
  DECLARE zone text;
  BEGIN
    PERFORM pg_advisory_xact_lock(ticket_rollups_lock_key(org));
    SELECT o.timezone INTO zone FROM organizations o WHERE o.id = org;
    DELETE FROM ticket_rollup_deltas WHERE organization_id = org;
    DELETE FROM ticket_rollups WHERE organization_id = org;
    INSERT INTO ticket_rollups (organization_id, grain, day, ${dims}, ${measures})
    WITH facts AS (
      SELECT (t.created_at AT TIME ZONE zone)::date AS day, ${cellOf('t', 'tr')}, 1 AS tickets, t.deal_value,
        0 AS sales_count, 0::numeric AS revenue
      FROM tickets t
      LEFT JOIN ticket_trackings tr ON tr.organization_id = org AND tr.ticket_id = t.id
      WHERE t.organization_id = org
      UNION ALL
      SELECT (s.sold_at AT TIME ZONE zone)::date, ${cellOf('t', 'tr')}, 0, 0, 1, s.value
      FROM sales s
      JOIN tickets t ON t.organization_id = org AND t.id = s.ticket_id
      LEFT JOIN ticket_trackings tr ON tr.organization_id = org AND tr.ticket_id = t.id
      WHERE s.organization_id = org
    ),
    cells AS MATERIALIZED (SELECT day, ${dims}, ${sums} FROM facts GROUP BY day, ${dims})
    SELECT org, g.* FROM (${bothGrains('cells')}) g;
  END $$`;

/**
 * Folds the organization's committed deltas into day and month cells in one transaction; cells whose every
 * measure is back to zero are removed. Returns how many deltas it folded (0 when another compaction holds the org).
 */
const COMPACT = `CREATE FUNCTION "ticket_rollups_compact"(org uuid) RETURNS integer LANGUAGE plpgsql AS $$
  DECLARE
    folded integer;
    touched bigint[];
  BEGIN
    IF NOT pg_try_advisory_xact_lock(ticket_rollups_lock_key(org) # 1) THEN RETURN 0; END IF;
    PERFORM pg_advisory_xact_lock_shared(ticket_rollups_lock_key(org));
    WITH moved AS (DELETE FROM ticket_rollup_deltas WHERE organization_id = org RETURNING *),
    cells AS MATERIALIZED (SELECT day, ${dims}, ${sums}, count(*) AS n FROM moved GROUP BY day, ${dims}),
    upserted AS (
      INSERT INTO ticket_rollups AS r (organization_id, grain, day, ${dims}, ${measures})
      SELECT org, g.* FROM (${bothGrains('cells')}) g
      ON CONFLICT (organization_id, grain, day, ${dims}) DO UPDATE SET
        ${MEASURES.map((m) => `${m} = r.${m} + EXCLUDED.${m}`).join(', ')}
      RETURNING r.id, (r.tickets = 0 AND r.deal_value = 0 AND r.sales_count = 0 AND r.revenue = 0) AS empty
    )
    SELECT (SELECT COALESCE(sum(n), 0) FROM cells), array_agg(id) FILTER (WHERE empty)
    INTO folded, touched FROM upserted;
    IF touched IS NOT NULL THEN
      DELETE FROM ticket_rollups WHERE organization_id = org AND id = ANY(touched);
    END IF;
    RETURN COALESCE(folded, 0);
  END $$`;

const ORGANIZATIONS_TRIGGER = `CREATE FUNCTION "ticket_rollups_zone_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM ticket_rollups_rebuild(NEW.id);
    RETURN NULL;
  END $$`;

const TICKET_CELL_COLUMNS = ['stage_id', 'status', 'sales_count > 0', 'assignee_id', 'source_type', 'deal_value'];
const changed = (columns: string[]) =>
  `(${columns.map((c) => `OLD.${c}`).join(', ')}, OLD.created_at) IS DISTINCT FROM (${columns
    .map((c) => `NEW.${c}`)
    .join(', ')}, NEW.created_at)`;
const TRACKING_CELL_COLUMNS = ['ticket_id', 'ad_platform_id', 'utm_source', 'utm_medium', 'utm_campaign', 'ad_id'];

export class TicketRollups1796310000000 implements MigrationInterface {
  name = 'TicketRollups1796310000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "ticket_rollups" ("organization_id" uuid NOT NULL, "id" bigint GENERATED ALWAYS AS IDENTITY,
        "grain" character varying(5) NOT NULL, "day" date NOT NULL, ${DIMENSION_COLUMNS},
        "tickets" bigint NOT NULL, "deal_value" numeric NOT NULL, "sales_count" bigint NOT NULL,
        "revenue" numeric NOT NULL,
        CONSTRAINT "CHK_ticket_rollups_grain" CHECK (grain IN ('day', 'month')),
        CONSTRAINT "PK_ticket_rollups" PRIMARY KEY ("organization_id", "id"),
        CONSTRAINT "FK_ticket_rollups_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id")
          ON DELETE CASCADE)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_ticket_rollups_cell" ON "ticket_rollups" ("organization_id", "grain", "day", ${dims})
        NULLS NOT DISTINCT`,
    );
    await queryRunner.query(
      `CREATE TABLE "ticket_rollup_deltas" ("organization_id" uuid NOT NULL, "id" bigint GENERATED ALWAYS AS IDENTITY,
        "day" date NOT NULL, ${DIMENSION_COLUMNS}, "tickets" integer NOT NULL, "deal_value" numeric NOT NULL,
        "sales_count" integer NOT NULL, "revenue" numeric NOT NULL,
        CONSTRAINT "PK_ticket_rollup_deltas" PRIMARY KEY ("organization_id", "id"),
        CONSTRAINT "FK_ticket_rollup_deltas_organization" FOREIGN KEY ("organization_id")
          REFERENCES "organizations"("id") ON DELETE CASCADE)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_ticket_rollup_deltas_day" ON "ticket_rollup_deltas" ("organization_id", "day")`,
    );
    for (const fn of [LOCK_KEY, ZONE, ADD_TICKET, ADD_SALE, TICKETS_TRIGGER, TRACKINGS_TRIGGER, SALES_TRIGGER]) {
      await queryRunner.query(fn);
    }
    for (const fn of [REBUILD, COMPACT, ORGANIZATIONS_TRIGGER]) await queryRunner.query(fn);
    await queryRunner.query(
      `CREATE TRIGGER "ticket_rollups_insert_delete" AFTER INSERT OR DELETE ON "tickets"
        FOR EACH ROW EXECUTE FUNCTION ticket_rollups_tickets()`,
    );
    // Only a change of a cell's column or of a measure: a message (counters, previews) moves nothing.
    await queryRunner.query(
      `CREATE TRIGGER "ticket_rollups_update" AFTER UPDATE ON "tickets"
        FOR EACH ROW WHEN (${changed(TICKET_CELL_COLUMNS)}) EXECUTE FUNCTION ticket_rollups_tickets()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "ticket_rollups_insert_delete" AFTER INSERT OR DELETE ON "ticket_trackings"
        FOR EACH ROW EXECUTE FUNCTION ticket_rollups_trackings()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "ticket_rollups_update" AFTER UPDATE ON "ticket_trackings"
        FOR EACH ROW WHEN ((${TRACKING_CELL_COLUMNS.map((c) => `OLD.${c}`).join(', ')}) IS DISTINCT FROM
          (${TRACKING_CELL_COLUMNS.map((c) => `NEW.${c}`).join(', ')}))
        EXECUTE FUNCTION ticket_rollups_trackings()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "ticket_rollups_insert_delete" AFTER INSERT OR DELETE ON "sales"
        FOR EACH ROW EXECUTE FUNCTION ticket_rollups_sales()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "ticket_rollups_update" AFTER UPDATE ON "sales"
        FOR EACH ROW WHEN ((OLD.ticket_id, OLD.sold_at, OLD.value) IS DISTINCT FROM (NEW.ticket_id, NEW.sold_at, NEW.value))
        EXECUTE FUNCTION ticket_rollups_sales()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "ticket_rollups_zone_changed" AFTER UPDATE OF "timezone" ON "organizations"
        FOR EACH ROW WHEN (OLD.timezone IS DISTINCT FROM NEW.timezone) EXECUTE FUNCTION ticket_rollups_zone_changed()`,
    );
    await queryRunner.query(`SELECT ticket_rollups_rebuild(o.id) FROM organizations o`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "ticket_rollups_zone_changed" ON "organizations"`);
    for (const table of ['sales', 'ticket_trackings', 'tickets']) {
      await queryRunner.query(`DROP TRIGGER "ticket_rollups_update" ON "${table}"`);
      await queryRunner.query(`DROP TRIGGER "ticket_rollups_insert_delete" ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION "ticket_rollups_zone_changed"()`);
    await queryRunner.query(`DROP FUNCTION "ticket_rollups_compact"(uuid)`);
    await queryRunner.query(`DROP FUNCTION "ticket_rollups_rebuild"(uuid)`);
    await queryRunner.query(`DROP FUNCTION "ticket_rollups_sales"()`);
    await queryRunner.query(`DROP FUNCTION "ticket_rollups_trackings"()`);
    await queryRunner.query(`DROP FUNCTION "ticket_rollups_tickets"()`);
    await queryRunner.query(`DROP FUNCTION "ticket_rollups_add_sale"(integer, uuid, uuid, timestamptz, numeric)`);
    await queryRunner.query(`DROP FUNCTION "ticket_rollups_add_ticket"(integer, tickets, ticket_trackings)`);
    await queryRunner.query(`DROP FUNCTION "ticket_rollups_zone"(uuid)`);
    await queryRunner.query(`DROP FUNCTION "ticket_rollups_lock_key"(uuid)`);
    await queryRunner.query(`DROP TABLE "ticket_rollup_deltas"`);
    await queryRunner.query(`DROP TABLE "ticket_rollups"`);
  }
}
