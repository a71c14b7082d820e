import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ticket rollups: the counts and sums that listings' summaries and the reports read, kept per organization and
 * cell (local day of the organization's time zone, stage, status, has-sales, assignee, paid/organic, ad platform,
 * utm source/medium/campaign), so that a summary costs the cells of its filter, not its tickets. Ad ids are not a
 * dimension: nearly one per Click-to-WhatsApp lead in some accounts, they would make the cells as many as the tickets
 * (grouping by ad id reads the tickets).
 *
 * A cell holds two facts: the tickets CREATED on its day (count, deal values) and the sales SOLD on its day (count,
 * revenue), each under the ticket's current dimensions.
 *
 * - ticket_rollup_parts is the ledger of what the cells hold: one part per ticket and one per sale, with the cell
 *   and the amounts each contributes. Row triggers on tickets, ticket_trackings and sales call
 *   ticket_rollups_reconcile(ticket), which compares the ticket's parts with its current rows and, for every part
 *   that differs, takes the old one out and puts the new one in. Idempotent and order-free: a statement that writes
 *   several of those tables (a sale and its ticket's counters) reconciles to the same parts whatever trigger fires
 *   first. It locks the ticket row, so two transactions never reconcile one ticket at once.
 * - Each change is appended to ticket_rollup_deltas as signed amounts (inserts only: concurrent writers never wait
 *   on one another or deadlock on a hot cell); ticket_rollups_compact() folds committed deltas into ticket_rollups
 *   at day and month grain in one transaction. A reader sums ticket_rollups + ticket_rollup_deltas in one statement,
 *   so every snapshot sees exact totals.
 * - An organization's time-zone change rebuilds its rollups (organizations trigger) under an exclusive advisory
 *   lock that every reconcile takes shared before it reads the zone.
 */
export const DIMENSIONS = [
  'stage_id',
  'status',
  'has_sales',
  'assignee_id',
  'source_type',
  'ad_platform_id',
  'utm_source',
  'utm_medium',
  'utm_campaign',
];
const MEASURES = ['tickets', 'deal_value', 'sales_count', 'revenue'];
const dims = DIMENSIONS.join(', ');
const measures = MEASURES.join(', ');

export const DIMENSION_COLUMNS = `"stage_id" uuid NOT NULL, "status" character varying(8) NOT NULL, "has_sales" boolean NOT NULL,
  "assignee_id" uuid, "source_type" character varying(8) NOT NULL, "ad_platform_id" uuid,
  "utm_source" character varying(255), "utm_medium" character varying(255), "utm_campaign" character varying(255)`;

const PART_COLUMNS = ['part_id', 'day', ...DIMENSIONS, ...MEASURES];
const partColumns = PART_COLUMNS.join(', ');
const partRow = (alias: string) => `(${PART_COLUMNS.map((c) => `${alias}.${c}`).join(', ')})`;

/** The cell of ticket `t` with tracking `tr` (a LEFT JOIN: no tracking, no values), in DIMENSIONS' order. */
export const cellOf = (t: string, tr: string) =>
  `${t}.stage_id, ${t}.status, ${t}.sales_count > 0 AS has_sales, ${t}.assignee_id, ${t}.source_type,
   ${tr}.ad_platform_id, ${tr}.utm_source, ${tr}.utm_medium, ${tr}.utm_campaign`;

/**
 * The parts the current rows give (ticket_id, then PART_COLUMNS' order): each ticket of `tickets` (a condition on
 * `t`) on its creation day, and each of its sales on its sale day, in the zone `zone`.
 */
const currentParts = (org: string, tickets: string, zone: string) => `
      SELECT t.id AS ticket_id, t.id AS part_id, (t.created_at AT TIME ZONE ${zone})::date AS day, ${cellOf('t', 'tr')},
        1 AS tickets, t.deal_value, 0 AS sales_count, 0::numeric AS revenue
      FROM tickets t
      LEFT JOIN ticket_trackings tr ON tr.organization_id = ${org} AND tr.ticket_id = t.id
      WHERE t.organization_id = ${org} AND ${tickets}
      UNION ALL
      SELECT t.id, s.id, (s.sold_at AT TIME ZONE ${zone})::date, ${cellOf('t', 'tr')}, 0, 0, 1, s.value
      FROM sales s
      JOIN tickets t ON t.organization_id = ${org} AND t.id = s.ticket_id
      LEFT JOIN ticket_trackings tr ON tr.organization_id = ${org} AND tr.ticket_id = t.id
      WHERE s.organization_id = ${org} AND ${tickets}`;

const TICKET_CELL_COLUMNS = [
  'stage_id',
  'status',
  'sales_count > 0',
  'assignee_id',
  'source_type',
  'deal_value',
  'created_at',
];
/** Whether row `b` differs from row `a` in any of `columns` (expressions over one row). */
const changedBetween = (a: string, b: string, columns: string[]) =>
  `(${columns.map((c) => `${a}.${c}`).join(', ')}) IS DISTINCT FROM (${columns.map((c) => `${b}.${c}`).join(', ')})`;

const signed = (alias: string, sign: string) =>
  `${alias}.organization_id, ${alias}.day, ${DIMENSIONS.map((d) => `${alias}.${d}`).join(', ')},
   ${MEASURES.map((m) => `${sign}${alias}.${m}`).join(', ')}`;

const LOCK_KEY = `CREATE FUNCTION "ticket_rollups_lock_key"(org uuid) RETURNS bigint
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT hashtextextended('ticket_rollups ' || org::text, 0) $$`;

/** The organization's zone, read after the shared lock (so after any time-zone change it waited for). */
const ZONE = `CREATE FUNCTION "ticket_rollups_zone"(org uuid) RETURNS text LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM pg_advisory_xact_lock_shared(ticket_rollups_lock_key(org));
    RETURN (SELECT o.timezone FROM organizations o WHERE o.id = org);
  END $$`;

/** How a statement picks the reconciled tickets by a ticket-id column (from the `ids` argument). */
export type TicketIds = (column: string) => string;
export const anyOfIds: TicketIds = (column) => `${column} = ANY(ids)`;

/**
 * Brings some tickets' parts (each ticket and its sales) in line with their rows, appending the differences as
 * deltas (set-based: the triggers pass one ticket, a bulk caller may pass many). Tickets that are gone have no
 * current parts: their old ones are taken out. The body of a function of (org uuid, ids uuid[]) declaring `zone`.
 */
export const reconcileCells = (ids: TicketIds) => `
    PERFORM 1 FROM tickets t WHERE t.organization_id = org AND ${ids('t.id')} ORDER BY t.id FOR UPDATE;
    zone := ticket_rollups_zone(org);
    -- The organization itself is being deleted (its cascade reached the ticket): its rollups go with it.
    IF zone IS NULL THEN RETURN; END IF;
    WITH gone AS (
      DELETE FROM ticket_rollup_parts p
      WHERE p.organization_id = org AND ${ids('p.ticket_id')}
        AND NOT EXISTS (SELECT 1 FROM (${currentParts('org', ids('t.id'), 'zone')}) c
          WHERE c.part_id = p.part_id AND ${partRow('c')} IS NOT DISTINCT FROM ${partRow('p')})
      RETURNING p.*
    )
    INSERT INTO ticket_rollup_deltas (organization_id, day, ${dims}, ${measures})
    SELECT ${signed('gone', '-')} FROM gone;
    WITH added AS (
      INSERT INTO ticket_rollup_parts (organization_id, ticket_id, ${partColumns})
      SELECT org, c.* FROM (${currentParts('org', ids('t.id'), 'zone')}) c
      WHERE NOT EXISTS (SELECT 1 FROM ticket_rollup_parts p
        WHERE p.organization_id = org AND p.ticket_id = c.ticket_id AND p.part_id = c.part_id)
      RETURNING *
    )
    INSERT INTO ticket_rollup_deltas (organization_id, day, ${dims}, ${measures})
    SELECT ${signed('added', '')} FROM added;`;

const RECONCILE = `CREATE FUNCTION "ticket_rollups_reconcile"(org uuid, ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
  DECLARE zone text;
  BEGIN${reconcileCells(anyOfIds)}
  END $$`;

const TICKETS_TRIGGER = `CREATE FUNCTION "ticket_rollups_tickets"() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'DELETE' THEN
      PERFORM ticket_rollups_reconcile(OLD.organization_id, ARRAY[OLD.id]);
    ELSE
      PERFORM ticket_rollups_reconcile(NEW.organization_id, ARRAY[NEW.id]);
    END IF;
    RETURN NULL;
  END $$`;

/**
 * Bulk updates of tickets (a stage moved or closed: TicketStageMovesRepository sets whatrack.bulk_rollups) skip the
 * row trigger and come here once per statement: the changed tickets reconciled per organization at once.
 */
const TICKETS_UPDATED = `CREATE FUNCTION "ticket_rollups_tickets_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE moved record;
  BEGIN
    FOR moved IN
      SELECT n.organization_id AS org, array_agg(n.id) AS ids
      FROM new_rows n JOIN old_rows o ON o.organization_id = n.organization_id AND o.id = n.id
      WHERE ${changedBetween('o', 'n', TICKET_CELL_COLUMNS)}
      GROUP BY n.organization_id
    LOOP
      PERFORM ticket_rollups_reconcile(moved.org, moved.ids);
    END LOOP;
    RETURN NULL;
  END $$`;

/** Set (transaction-local) around an UPDATE of many tickets: the statement-level triggers then do the work. */
export const BULK_SETTING = 'whatrack.bulk_rollups';
const bulk = `current_setting('${BULK_SETTING}', true) = 'on'`;

/** For ticket_trackings and sales: the ticket of the old row and of the new one (a row moved between tickets). */
const CHILD_TRIGGER = `CREATE FUNCTION "ticket_rollups_ticket_child"() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP <> 'INSERT' THEN PERFORM ticket_rollups_reconcile(OLD.organization_id, ARRAY[OLD.ticket_id]); END IF;
    IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.ticket_id IS DISTINCT FROM OLD.ticket_id) THEN
      PERFORM ticket_rollups_reconcile(NEW.organization_id, ARRAY[NEW.ticket_id]);
    END IF;
    RETURN NULL;
  END $$`;

/** Cells at day grain and, summed, at week (its Monday) and month grain (its first day). */
const bothGrains = (cells: string) => `SELECT 'day' AS grain, day, ${dims}, ${measures} FROM ${cells}
      ${['week', 'month']
        .map(
          (g) => `UNION ALL
      SELECT '${g}', date_trunc('${g}', day)::date, ${dims}, ${MEASURES.map((m) => `sum(${m})`).join(', ')}
      FROM ${cells} GROUP BY 2, ${dims}`,
        )
        .join('\n      ')}`;

const sums = MEASURES.map((m) => `sum(${m}) AS ${m}`).join(', ');

/** Recomputes an organization's parts and cells from its rows (time-zone change, this migration, bulk loads). */
const REBUILD = `CREATE FUNCTION "ticket_rollups_rebuild"(org uuid) RETURNS void LANGUAGE plpgsql AS $$
  DECLARE zone text;
  BEGIN
    PERFORM pg_advisory_xact_lock(ticket_rollups_lock_key(org));
    SELECT o.timezone INTO zone FROM organizations o WHERE o.id = org;
    DELETE FROM ticket_rollup_deltas WHERE organization_id = org;
    DELETE FROM ticket_rollups WHERE organization_id = org;
    DELETE FROM ticket_rollup_parts WHERE organization_id = org;
    INSERT INTO ticket_rollup_parts (organization_id, ticket_id, ${partColumns})
    SELECT org, c.* FROM (${currentParts('org', 'true', 'zone')}) c;
    INSERT INTO ticket_rollups (organization_id, grain, day, ${dims}, ${measures})
    WITH cells AS MATERIALIZED (
      SELECT day, ${dims}, ${sums} FROM ticket_rollup_parts WHERE organization_id = org GROUP BY day, ${dims}
    )
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

const TRACKING_CELL_COLUMNS = ['ticket_id', 'ad_platform_id', 'utm_source', 'utm_medium', 'utm_campaign'];

export class TicketRollups1796310000000 implements MigrationInterface {
  name = 'TicketRollups1796310000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "ticket_rollups" ("organization_id" uuid NOT NULL, "id" bigint GENERATED ALWAYS AS IDENTITY,
        "grain" character varying(5) NOT NULL, "day" date NOT NULL, ${DIMENSION_COLUMNS},
        "tickets" bigint NOT NULL, "deal_value" numeric NOT NULL, "sales_count" bigint NOT NULL,
        "revenue" numeric NOT NULL,
        CONSTRAINT "CHK_ticket_rollups_grain" CHECK (grain IN ('day', 'week', 'month')),
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
    await queryRunner.query(
      `CREATE TABLE "ticket_rollup_parts" ("organization_id" uuid NOT NULL, "ticket_id" uuid NOT NULL,
        "part_id" uuid NOT NULL, "day" date NOT NULL, ${DIMENSION_COLUMNS}, "tickets" integer NOT NULL,
        "deal_value" numeric NOT NULL, "sales_count" integer NOT NULL, "revenue" numeric NOT NULL,
        CONSTRAINT "PK_ticket_rollup_parts" PRIMARY KEY ("organization_id", "ticket_id", "part_id"),
        CONSTRAINT "FK_ticket_rollup_parts_organization" FOREIGN KEY ("organization_id")
          REFERENCES "organizations"("id") ON DELETE CASCADE)`,
    );
    for (const fn of [LOCK_KEY, ZONE, RECONCILE, TICKETS_TRIGGER, TICKETS_UPDATED, CHILD_TRIGGER]) {
      await queryRunner.query(fn);
    }
    for (const fn of [REBUILD, COMPACT, ORGANIZATIONS_TRIGGER]) await queryRunner.query(fn);
    await queryRunner.query(
      `CREATE TRIGGER "ticket_rollups_insert_delete" AFTER INSERT OR DELETE ON "tickets"
        FOR EACH ROW EXECUTE FUNCTION ticket_rollups_tickets()`,
    );
    // Only a change of a cell's column or of an amount, tested per row before any function runs: a message (counters,
    // previews) costs nothing here. A bulk update (BULK_SETTING on) is reconciled per statement instead.
    await queryRunner.query(
      `CREATE TRIGGER "ticket_rollups_update" AFTER UPDATE ON "tickets"
        FOR EACH ROW WHEN (${changedBetween('OLD', 'NEW', TICKET_CELL_COLUMNS)} AND NOT COALESCE(${bulk}, false))
        EXECUTE FUNCTION ticket_rollups_tickets()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "ticket_rollups_bulk_update" AFTER UPDATE ON "tickets"
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT WHEN (COALESCE(${bulk}, false)) EXECUTE FUNCTION ticket_rollups_tickets_updated()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "ticket_rollups_insert_delete" AFTER INSERT OR DELETE ON "ticket_trackings"
        FOR EACH ROW EXECUTE FUNCTION ticket_rollups_ticket_child()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "ticket_rollups_update" AFTER UPDATE ON "ticket_trackings"
        FOR EACH ROW WHEN ((${TRACKING_CELL_COLUMNS.map((c) => `OLD.${c}`).join(', ')}) IS DISTINCT FROM
          (${TRACKING_CELL_COLUMNS.map((c) => `NEW.${c}`).join(', ')}))
        EXECUTE FUNCTION ticket_rollups_ticket_child()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "ticket_rollups_insert_delete" AFTER INSERT OR DELETE ON "sales"
        FOR EACH ROW EXECUTE FUNCTION ticket_rollups_ticket_child()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "ticket_rollups_update" AFTER UPDATE ON "sales"
        FOR EACH ROW WHEN ((OLD.ticket_id, OLD.sold_at, OLD.value) IS DISTINCT FROM (NEW.ticket_id, NEW.sold_at, NEW.value))
        EXECUTE FUNCTION ticket_rollups_ticket_child()`,
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
    await queryRunner.query(`DROP FUNCTION "ticket_rollups_ticket_child"()`);
    await queryRunner.query(`DROP TRIGGER "ticket_rollups_bulk_update" ON "tickets"`);
    await queryRunner.query(`DROP FUNCTION "ticket_rollups_tickets_updated"()`);
    await queryRunner.query(`DROP FUNCTION "ticket_rollups_tickets"()`);
    await queryRunner.query(`DROP FUNCTION "ticket_rollups_reconcile"(uuid, uuid[])`);
    await queryRunner.query(`DROP FUNCTION "ticket_rollups_zone"(uuid)`);
    await queryRunner.query(`DROP FUNCTION "ticket_rollups_lock_key"(uuid)`);
    await queryRunner.query(`DROP TABLE "ticket_rollup_parts"`);
    await queryRunner.query(`DROP TABLE "ticket_rollup_deltas"`);
    await queryRunner.query(`DROP TABLE "ticket_rollups"`);
  }
}
