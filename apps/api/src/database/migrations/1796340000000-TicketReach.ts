import type { MigrationInterface, QueryRunner } from 'typeorm';
import { anyOfIds, cellOf, DIMENSION_COLUMNS, DIMENSIONS, type TicketIds } from './1796310000000-TicketRollups';

/**
 * Funnel reach: per rollup cell (the ticket's local creation day and current dimensions, as in TicketRollups) and
 * stage, how many tickets ever reached that stage (created in it, moved to it by a stage_changed event, or in it
 * now), so that the funnel costs its cells instead of its tickets' timelines.
 *
 * The ticket rollups' ledger pattern: ticket_reach_parts holds one part per ticket and reached stage, with the
 * ticket's cell. ticket_rollups_reconcile, which every rollup trigger calls, now reconciles the reach parts too (the
 * former function is kept as ticket_rollups_reconcile_cells); an event that names a stage the ticket's parts lack
 * reconciles the ticket (a timeline written apart from its ticket). Changes go to ticket_reach_deltas as +1/-1,
 * folded into day and month cells by ticket_rollups_compact; rebuilds (time-zone change, bulk loads) rebuild both.
 */
const dims = DIMENSIONS.join(', ');
const REACH_COLUMNS = ['reached_stage_id', 'day', ...DIMENSIONS];
const reachColumns = REACH_COLUMNS.join(', ');
const reachRow = (alias: string) => `(${REACH_COLUMNS.map((c) => `${alias}.${c}`).join(', ')})`;

/** A stage id in an event's `after` (written by the API as a uuid; anything else names no stage). */
const UUID_PATTERN = `'^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'`;
const eventStage = (e: string) => `(${e}.after->>'stageId')`;
const namesStage = (e: string) => `${e}.type IN ('created', 'stage_changed') AND ${eventStage(e)} ~ ${UUID_PATTERN}`;

/**
 * The reach parts the current rows give (ticket_id, then REACH_COLUMNS' order) for the tickets and events that
 * `tickets` and `events` select (conditions on `t0` and `e`), in the zone `zone`.
 */
const currentReach = (org: string, { tickets, events }: { tickets: string; events: string }, zone: string) => `
      SELECT t.id AS ticket_id, v.stage_id AS reached_stage_id, (t.created_at AT TIME ZONE ${zone})::date AS day,
        ${cellOf('t', 'tr')}
      FROM (
        SELECT t0.id AS ticket_id, t0.stage_id FROM tickets t0 WHERE t0.organization_id = ${org} AND ${tickets}
        UNION
        SELECT e.ticket_id, ${eventStage('e')}::uuid FROM ticket_events e
        WHERE e.organization_id = ${org} AND ${events} AND ${namesStage('e')}
      ) v
      JOIN tickets t ON t.organization_id = ${org} AND t.id = v.ticket_id
      LEFT JOIN ticket_trackings tr ON tr.organization_id = ${org} AND tr.ticket_id = t.id`;

/** The reach statements for the tickets `ids` picks: the body of a function of (org, ids, zone). */
export const reconcileReach = (ids: TicketIds) => {
  const some = { tickets: ids('t0.id'), events: ids('e.ticket_id') };
  return `
    WITH gone AS (
      DELETE FROM ticket_reach_parts p
      WHERE p.organization_id = org AND ${ids('p.ticket_id')}
        AND NOT EXISTS (SELECT 1 FROM (${currentReach('org', some, 'zone')}) c
          WHERE c.ticket_id = p.ticket_id AND ${reachRow('c')} IS NOT DISTINCT FROM ${reachRow('p')})
      RETURNING p.*
    )
    INSERT INTO ticket_reach_deltas (organization_id, ${reachColumns}, tickets)
    SELECT org, ${REACH_COLUMNS.map((c) => `gone.${c}`).join(', ')}, -1 FROM gone;
    WITH added AS (
      INSERT INTO ticket_reach_parts (organization_id, ticket_id, ${reachColumns})
      SELECT org, c.* FROM (${currentReach('org', some, 'zone')}) c
      WHERE NOT EXISTS (SELECT 1 FROM ticket_reach_parts p
        WHERE p.organization_id = org AND p.ticket_id = c.ticket_id AND p.reached_stage_id = c.reached_stage_id)
      RETURNING *
    )
    INSERT INTO ticket_reach_deltas (organization_id, ${reachColumns}, tickets)
    SELECT org, ${REACH_COLUMNS.map((c) => `added.${c}`).join(', ')}, 1 FROM added;`;
};

/** Brings the tickets' reach parts in line with their rows and timelines (after the caller locked the tickets). */
const REACH_RECONCILE = `CREATE FUNCTION "ticket_reach_reconcile"(org uuid, ids uuid[], zone text) RETURNS void
  LANGUAGE plpgsql AS $$
  BEGIN${reconcileReach(anyOfIds)}
  END $$`;

/** What every rollup trigger calls: the cells' reconcile (which locks the tickets), then the reach's. */
const RECONCILE = `CREATE FUNCTION "ticket_rollups_reconcile"(org uuid, ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
  DECLARE zone text;
  BEGIN
    PERFORM ticket_rollups_reconcile_cells(org, ids);
    zone := ticket_rollups_zone(org);
    IF zone IS NULL THEN RETURN; END IF;
    PERFORM ticket_reach_reconcile(org, ids, zone);
  END $$`;

/**
 * A created or stage_changed event whose stage the ticket's parts lack (checked under the ticket's lock, so a
 * concurrent reconcile of the ticket is either finished or not begun). The API's own events name the ticket's
 * current stage, which its ticket's trigger already put in the parts: for them this is one index probe.
 */
const EVENT_TRIGGER = `CREATE FUNCTION "ticket_reach_event"() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM 1 FROM tickets t WHERE t.organization_id = NEW.organization_id AND t.id = NEW.ticket_id FOR UPDATE;
    IF NOT EXISTS (SELECT 1 FROM ticket_reach_parts p WHERE p.organization_id = NEW.organization_id
        AND p.ticket_id = NEW.ticket_id AND p.reached_stage_id = ${eventStage('NEW')}::uuid) THEN
      PERFORM ticket_rollups_reconcile(NEW.organization_id, ARRAY[NEW.ticket_id]);
    END IF;
    RETURN NULL;
  END $$`;

/** Day cells and, summed, month cells (the funnel sums whole months and the days around them). */
const bothGrains = (cells: string) => `SELECT 'day' AS grain, day, reached_stage_id, ${dims}, tickets FROM ${cells}
      UNION ALL
      SELECT 'month', date_trunc('month', day)::date, reached_stage_id, ${dims}, sum(tickets)
      FROM ${cells} GROUP BY 2, reached_stage_id, ${dims}`;

/**
 * Set-based over the whole organization, hence hash joins only: right after a bulk load (no statistics yet) the
 * planner would otherwise estimate a few hundred tickets and join the trackings by nested loop, for minutes.
 */
const REACH_REBUILD = `CREATE FUNCTION "ticket_reach_rebuild"(org uuid) RETURNS void LANGUAGE plpgsql
  SET enable_nestloop = off AS $$
  DECLARE zone text;
  BEGIN
    PERFORM pg_advisory_xact_lock(ticket_rollups_lock_key(org));
    SELECT o.timezone INTO zone FROM organizations o WHERE o.id = org;
    DELETE FROM ticket_reach_deltas WHERE organization_id = org;
    DELETE FROM ticket_reach_rollups WHERE organization_id = org;
    DELETE FROM ticket_reach_parts WHERE organization_id = org;
    INSERT INTO ticket_reach_parts (organization_id, ticket_id, ${reachColumns})
    SELECT org, c.* FROM (${currentReach('org', { tickets: 'true', events: 'true' }, 'zone')}) c;
    INSERT INTO ticket_reach_rollups (organization_id, grain, day, reached_stage_id, ${dims}, tickets)
    WITH cells AS MATERIALIZED (
      SELECT ${reachColumns}, count(*) AS tickets FROM ticket_reach_parts WHERE organization_id = org
      GROUP BY ${reachColumns}
    )
    SELECT org, g.* FROM (${bothGrains('cells')}) g;
  END $$`;

const REBUILD = `CREATE FUNCTION "ticket_rollups_rebuild"(org uuid) RETURNS void LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM ticket_rollups_rebuild_cells(org);
    PERFORM ticket_reach_rebuild(org);
  END $$`;

/** Folds the organization's reach deltas (the caller holds the compaction lock); how many it folded. */
const REACH_COMPACT = `CREATE FUNCTION "ticket_reach_compact"(org uuid) RETURNS integer LANGUAGE plpgsql AS $$
  DECLARE
    folded integer;
    touched bigint[];
  BEGIN
    PERFORM pg_advisory_xact_lock_shared(ticket_rollups_lock_key(org));
    WITH moved AS (DELETE FROM ticket_reach_deltas WHERE organization_id = org RETURNING *),
    cells AS MATERIALIZED (
      SELECT ${reachColumns}, sum(tickets) AS tickets, count(*) AS n FROM moved GROUP BY ${reachColumns}
    ),
    upserted AS (
      INSERT INTO ticket_reach_rollups AS r (organization_id, grain, day, reached_stage_id, ${dims}, tickets)
      SELECT org, g.* FROM (${bothGrains('cells')}) g
      ON CONFLICT (organization_id, grain, day, reached_stage_id, ${dims}) DO UPDATE SET tickets = r.tickets + EXCLUDED.tickets
      RETURNING r.id, r.tickets = 0 AS empty
    )
    SELECT (SELECT COALESCE(sum(n), 0) FROM cells), array_agg(id) FILTER (WHERE empty)
    INTO folded, touched FROM upserted;
    IF touched IS NOT NULL THEN
      DELETE FROM ticket_reach_rollups WHERE organization_id = org AND id = ANY(touched);
    END IF;
    RETURN COALESCE(folded, 0);
  END $$`;

/** Takes the compaction lock the cells' compaction takes (re-entrant in this transaction), then folds both. */
const COMPACT = `CREATE FUNCTION "ticket_rollups_compact"(org uuid) RETURNS integer LANGUAGE plpgsql AS $$
  BEGIN
    IF NOT pg_try_advisory_xact_lock(ticket_rollups_lock_key(org) # 1) THEN RETURN 0; END IF;
    RETURN ticket_rollups_compact_cells(org) + ticket_reach_compact(org);
  END $$`;

const FUNCTIONS = ['reconcile(uuid, uuid[])', 'rebuild(uuid)', 'compact(uuid)'];

const tenantTable = (name: string, columns: string) =>
  `CREATE TABLE "${name}" ("organization_id" uuid NOT NULL, ${columns},
    CONSTRAINT "FK_${name}_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id")
      ON DELETE CASCADE)`;

export class TicketReach1796340000000 implements MigrationInterface {
  name = 'TicketReach1796340000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      tenantTable(
        'ticket_reach_parts',
        `"ticket_id" uuid NOT NULL, "reached_stage_id" uuid NOT NULL, "day" date NOT NULL, ${DIMENSION_COLUMNS},
        CONSTRAINT "PK_ticket_reach_parts" PRIMARY KEY ("organization_id", "ticket_id", "reached_stage_id")`,
      ),
    );
    await queryRunner.query(
      tenantTable(
        'ticket_reach_rollups',
        `"id" bigint GENERATED ALWAYS AS IDENTITY, "grain" character varying(5) NOT NULL, "day" date NOT NULL,
        "reached_stage_id" uuid NOT NULL, ${DIMENSION_COLUMNS}, "tickets" bigint NOT NULL,
        CONSTRAINT "CHK_ticket_reach_rollups_grain" CHECK (grain IN ('day', 'month')),
        CONSTRAINT "PK_ticket_reach_rollups" PRIMARY KEY ("organization_id", "id")`,
      ),
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_ticket_reach_rollups_cell" ON "ticket_reach_rollups"
        ("organization_id", "grain", "day", "reached_stage_id", ${dims}) NULLS NOT DISTINCT`,
    );
    await queryRunner.query(
      tenantTable(
        'ticket_reach_deltas',
        `"id" bigint GENERATED ALWAYS AS IDENTITY, "day" date NOT NULL, "reached_stage_id" uuid NOT NULL,
        ${DIMENSION_COLUMNS}, "tickets" integer NOT NULL,
        CONSTRAINT "PK_ticket_reach_deltas" PRIMARY KEY ("organization_id", "id")`,
      ),
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_ticket_reach_deltas_day" ON "ticket_reach_deltas" ("organization_id", "day")`,
    );
    for (const fn of FUNCTIONS) {
      const [name, args] = fn.split('(');
      await queryRunner.query(
        `ALTER FUNCTION "ticket_rollups_${name}"(${args} RENAME TO "ticket_rollups_${name}_cells"`,
      );
    }
    for (const fn of [REACH_RECONCILE, RECONCILE, EVENT_TRIGGER, REACH_REBUILD, REBUILD, REACH_COMPACT, COMPACT]) {
      await queryRunner.query(fn);
    }
    await queryRunner.query(
      `CREATE TRIGGER "ticket_reach_event" AFTER INSERT ON "ticket_events"
        FOR EACH ROW WHEN (${namesStage('NEW')}) EXECUTE FUNCTION ticket_reach_event()`,
    );
    await queryRunner.query(`SELECT ticket_reach_rebuild(o.id) FROM organizations o`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "ticket_reach_event" ON "ticket_events"`);
    await queryRunner.query(`DROP FUNCTION "ticket_reach_event"()`);
    for (const fn of FUNCTIONS) {
      const [name, args] = fn.split('(');
      await queryRunner.query(`DROP FUNCTION "ticket_rollups_${name}"(${args}`);
      await queryRunner.query(
        `ALTER FUNCTION "ticket_rollups_${name}_cells"(${args} RENAME TO "ticket_rollups_${name}"`,
      );
    }
    await queryRunner.query(`DROP FUNCTION "ticket_reach_compact"(uuid)`);
    await queryRunner.query(`DROP FUNCTION "ticket_reach_rebuild"(uuid)`);
    await queryRunner.query(`DROP FUNCTION "ticket_reach_reconcile"(uuid, uuid[], text)`);
    for (const table of ['ticket_reach_deltas', 'ticket_reach_rollups', 'ticket_reach_parts']) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}
