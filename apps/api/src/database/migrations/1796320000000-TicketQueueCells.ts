import type { MigrationInterface, QueryRunner } from 'typeorm';
import { BULK_SETTING } from './1796310000000-TicketRollups';

/**
 * Queue cells: the organization's tickets counted per (status, assignee, waiting, unread) with their deal values
 * and how many have sales, for the queue's views and the summaries of its filters (waiting, unread: they change
 * with messages, so they are not ticket_rollups dimensions). Everything a queue cell holds is a column of the
 * ticket row itself, so a row trigger on tickets keeps them exact from OLD and NEW alone: each change appends the
 * old cell's -1 and the new cell's +1 to ticket_queue_deltas (inserts only), and ticket_queue_compact() folds
 * committed deltas into ticket_queue_cells in one transaction. Readers sum both tables in one statement.
 */
const CELL = ['status', 'assignee_id', 'waiting', 'unread'];
const MEASURES = ['tickets', 'with_sales', 'deal_value'];
const cell = CELL.join(', ');
const measures = MEASURES.join(', ');

/** The cell and amounts of ticket row `r` (OLD or NEW), in CELL then MEASURES order, times `sign`. */
const partOf = (r: string, sign: string) =>
  `${r}.organization_id, ${r}.status, ${r}.assignee_id, ${r}.waiting_since IS NOT NULL, ${r}.unread_count > 0,
   ${sign}, ${sign} * (${r}.sales_count > 0)::integer, ${sign} * ${r}.deal_value`;

const TRIGGER_FUNCTION = `CREATE FUNCTION "ticket_queue_cells_delta"() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    -- A ticket deleted by its organization's cascade: the organization's cells go with it.
    IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM organizations o WHERE o.id = OLD.organization_id) THEN
      RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' THEN
      INSERT INTO ticket_queue_deltas (organization_id, ${cell}, ${measures}) SELECT ${partOf('OLD', '-1')};
    END IF;
    IF TG_OP <> 'DELETE' THEN
      INSERT INTO ticket_queue_deltas (organization_id, ${cell}, ${measures}) SELECT ${partOf('NEW', '1')};
    END IF;
    RETURN NULL;
  END $$`;

const sums = MEASURES.map((m) => `sum(${m}) AS ${m}`).join(', ');

/** Bulk updates (BULK_SETTING on): -old +new of every changed ticket of the statement, summed per cell. */
const BULK_FUNCTION = `CREATE FUNCTION "ticket_queue_cells_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    INSERT INTO ticket_queue_deltas (organization_id, ${cell}, ${measures})
    SELECT organization_id, ${cell}, ${MEASURES.map((m) => `sum(${m})`).join(', ')}
    FROM (
      SELECT ${partOf('o', '-1')} FROM old_rows o JOIN new_rows n ON n.organization_id = o.organization_id AND n.id = o.id
      UNION ALL
      SELECT ${partOf('n', '1')} FROM old_rows o JOIN new_rows n ON n.organization_id = o.organization_id AND n.id = o.id
    ) d (organization_id, ${cell}, ${measures})
    GROUP BY organization_id, ${cell}
    HAVING ${MEASURES.map((m) => `sum(${m}) <> 0`).join(' OR ')};
    RETURN NULL;
  END $$`;

const bulk = `COALESCE(current_setting('${BULK_SETTING}', true) = 'on', false)`;

/** Folds the organization's committed queue deltas into its cells; cells back to zero are removed. */
const COMPACT = `CREATE FUNCTION "ticket_queue_compact"(org uuid) RETURNS integer LANGUAGE plpgsql AS $$
  DECLARE
    folded integer;
    emptied bigint[];
  BEGIN
    IF NOT pg_try_advisory_xact_lock(hashtextextended('ticket_queue ' || org::text, 0)) THEN RETURN 0; END IF;
    WITH moved AS (DELETE FROM ticket_queue_deltas WHERE organization_id = org RETURNING *),
    cells AS MATERIALIZED (SELECT ${cell}, ${sums}, count(*) AS n FROM moved GROUP BY ${cell}),
    upserted AS (
      INSERT INTO ticket_queue_cells AS q (organization_id, ${cell}, ${measures})
      SELECT org, ${cell}, ${measures} FROM cells
      ON CONFLICT (organization_id, ${cell}) DO UPDATE SET
        ${MEASURES.map((m) => `${m} = q.${m} + EXCLUDED.${m}`).join(', ')}
      RETURNING q.id, (q.tickets = 0 AND q.with_sales = 0 AND q.deal_value = 0) AS empty
    )
    SELECT (SELECT COALESCE(sum(n), 0) FROM cells), array_agg(id) FILTER (WHERE empty)
    INTO folded, emptied FROM upserted;
    IF emptied IS NOT NULL THEN
      DELETE FROM ticket_queue_cells WHERE organization_id = org AND id = ANY(emptied);
    END IF;
    RETURN COALESCE(folded, 0);
  END $$`;

/** Recounts an organization's queue cells from its tickets (this migration, bulk loads with triggers off). */
const REBUILD = `CREATE FUNCTION "ticket_queue_rebuild"(org uuid) RETURNS void LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM 1 FROM organizations o WHERE o.id = org FOR UPDATE;
    DELETE FROM ticket_queue_deltas WHERE organization_id = org;
    DELETE FROM ticket_queue_cells WHERE organization_id = org;
    INSERT INTO ticket_queue_cells (organization_id, ${cell}, ${measures})
    SELECT org, status, assignee_id, waiting_since IS NOT NULL, unread_count > 0, count(*),
      count(*) FILTER (WHERE sales_count > 0), sum(deal_value)
    FROM tickets WHERE organization_id = org
    GROUP BY 2, 3, 4, 5;
  END $$`;

const QUEUE_COLUMNS = [
  'status',
  'assignee_id',
  'waiting_since IS NULL',
  'unread_count > 0',
  'sales_count > 0',
  'deal_value',
];
const changed = (a: string, b: string) =>
  `(${QUEUE_COLUMNS.map((c) => `${a}.${c}`).join(', ')}) IS DISTINCT FROM (${QUEUE_COLUMNS.map((c) => `${b}.${c}`).join(', ')})`;

const CELL_COLUMNS = `"status" character varying(8) NOT NULL, "assignee_id" uuid, "waiting" boolean NOT NULL,
  "unread" boolean NOT NULL`;

export class TicketQueueCells1796320000000 implements MigrationInterface {
  name = 'TicketQueueCells1796320000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "ticket_queue_cells" ("organization_id" uuid NOT NULL, "id" bigint GENERATED ALWAYS AS IDENTITY,
        ${CELL_COLUMNS}, "tickets" bigint NOT NULL, "with_sales" bigint NOT NULL, "deal_value" numeric NOT NULL,
        CONSTRAINT "PK_ticket_queue_cells" PRIMARY KEY ("organization_id", "id"),
        CONSTRAINT "FK_ticket_queue_cells_organization" FOREIGN KEY ("organization_id")
          REFERENCES "organizations"("id") ON DELETE CASCADE)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_ticket_queue_cells_cell" ON "ticket_queue_cells" ("organization_id", ${cell})
        NULLS NOT DISTINCT`,
    );
    await queryRunner.query(
      `CREATE TABLE "ticket_queue_deltas" ("organization_id" uuid NOT NULL, "id" bigint GENERATED ALWAYS AS IDENTITY,
        ${CELL_COLUMNS}, "tickets" integer NOT NULL, "with_sales" integer NOT NULL, "deal_value" numeric NOT NULL,
        CONSTRAINT "PK_ticket_queue_deltas" PRIMARY KEY ("organization_id", "id"),
        CONSTRAINT "FK_ticket_queue_deltas_organization" FOREIGN KEY ("organization_id")
          REFERENCES "organizations"("id") ON DELETE CASCADE)`,
    );
    for (const fn of [TRIGGER_FUNCTION, BULK_FUNCTION, COMPACT, REBUILD]) await queryRunner.query(fn);
    await queryRunner.query(
      `CREATE TRIGGER "ticket_queue_cells_insert_delete" AFTER INSERT OR DELETE ON "tickets"
        FOR EACH ROW EXECUTE FUNCTION ticket_queue_cells_delta()`,
    );
    // Only a change of a queue cell or of its amounts, tested per row: a second unread message costs nothing.
    await queryRunner.query(
      `CREATE TRIGGER "ticket_queue_cells_update" AFTER UPDATE ON "tickets"
        FOR EACH ROW WHEN (${changed('OLD', 'NEW')} AND NOT ${bulk}) EXECUTE FUNCTION ticket_queue_cells_delta()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "ticket_queue_cells_bulk_update" AFTER UPDATE ON "tickets"
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT WHEN (${bulk}) EXECUTE FUNCTION ticket_queue_cells_updated()`,
    );
    await queryRunner.query(`SELECT ticket_queue_rebuild(o.id) FROM organizations o`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "ticket_queue_cells_update" ON "tickets"`);
    await queryRunner.query(`DROP TRIGGER "ticket_queue_cells_insert_delete" ON "tickets"`);
    await queryRunner.query(`DROP FUNCTION "ticket_queue_rebuild"(uuid)`);
    await queryRunner.query(`DROP FUNCTION "ticket_queue_compact"(uuid)`);
    await queryRunner.query(`DROP TRIGGER "ticket_queue_cells_bulk_update" ON "tickets"`);
    await queryRunner.query(`DROP FUNCTION "ticket_queue_cells_updated"()`);
    await queryRunner.query(`DROP FUNCTION "ticket_queue_cells_delta"()`);
    await queryRunner.query(`DROP TABLE "ticket_queue_deltas"`);
    await queryRunner.query(`DROP TABLE "ticket_queue_cells"`);
  }
}
