import type { MigrationInterface, QueryRunner } from 'typeorm';

const TRACKED = ['ad_platform_id', 'utm_source', 'utm_medium', 'utm_campaign'];
const CHANGED = ['ticket_id', ...TRACKED];

/**
 * A ticket's tracking reconciles the ticket only when the ticket's rollup part does not already hold the tracking's
 * values. A ticket and its tracking are written in one statement (POST /tickets, a WhatsApp lead's first message, a
 * re-attribution): the ticket's trigger has reconciled with the tracking in view, and the tracking's own reconcile,
 * which found nothing to change, was a third of the write's time in PostgreSQL.
 *
 * The check runs under what a reconcile takes (the shared zone lock, then the ticket's row lock), so a concurrent
 * reconcile of the ticket has either finished, its parts read here, or not begun, and will see this row. Every part
 * of a ticket (its sales', its reach) is written by the same reconcile as the ticket's own, from the same rows.
 */
const TRACKING_TRIGGER = `CREATE FUNCTION "ticket_rollups_tracking"() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND NEW.ticket_id IS DISTINCT FROM OLD.ticket_id) THEN
      PERFORM ticket_rollups_reconcile(OLD.organization_id, ARRAY[OLD.ticket_id]);
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN NULL; END IF;
    PERFORM pg_advisory_xact_lock_shared(ticket_rollups_lock_key(NEW.organization_id));
    PERFORM 1 FROM tickets t WHERE t.organization_id = NEW.organization_id AND t.id = NEW.ticket_id FOR UPDATE;
    IF NOT EXISTS (SELECT 1 FROM ticket_rollup_parts p
        WHERE p.organization_id = NEW.organization_id AND p.ticket_id = NEW.ticket_id AND p.part_id = NEW.ticket_id
          AND (${TRACKED.map((c) => `p.${c}`).join(', ')}) IS NOT DISTINCT FROM (${TRACKED.map((c) => `NEW.${c}`).join(', ')})) THEN
      PERFORM ticket_rollups_reconcile(NEW.organization_id, ARRAY[NEW.ticket_id]);
    END IF;
    RETURN NULL;
  END $$`;

const triggers = (fn: string) => [
  `CREATE TRIGGER "ticket_rollups_insert_delete" AFTER INSERT OR DELETE ON "ticket_trackings"
    FOR EACH ROW EXECUTE FUNCTION ${fn}()`,
  `CREATE TRIGGER "ticket_rollups_update" AFTER UPDATE ON "ticket_trackings"
    FOR EACH ROW WHEN ((${CHANGED.map((c) => `OLD.${c}`).join(', ')}) IS DISTINCT FROM
      (${CHANGED.map((c) => `NEW.${c}`).join(', ')}))
    EXECUTE FUNCTION ${fn}()`,
];

const dropTriggers = ['ticket_rollups_insert_delete', 'ticket_rollups_update'].map(
  (name) => `DROP TRIGGER "${name}" ON "ticket_trackings"`,
);

export class TrackingRollupsCheck1796360000000 implements MigrationInterface {
  name = 'TrackingRollupsCheck1796360000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(TRACKING_TRIGGER);
    for (const q of [...dropTriggers, ...triggers('ticket_rollups_tracking')]) await queryRunner.query(q);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const q of [...dropTriggers, ...triggers('ticket_rollups_ticket_child')]) await queryRunner.query(q);
    await queryRunner.query(`DROP FUNCTION "ticket_rollups_tracking"()`);
  }
}
