import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * tickets.sales_count and tickets.sales_total are kept by the database: a row trigger on sales counts and sums every
 * insert and delete (cascades included), every change of a sale's value, and every sale moved to another ticket,
 * so no statement has to remember them. Like the statements it replaces, it also moves the ticket's updated_at.
 * Rows are matched on (organization_id, id), the tenant key of the foreign key. Counters are exact today (the sales
 * service kept them in the sale's transaction), so nothing is backfilled; a bulk load that disables triggers
 * (session_replication_role = replica) sets them itself.
 */
export class SalesCounters1796168700000 implements MigrationInterface {
  name = 'SalesCounters1796168700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION "sales_counters_on_ticket"() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW.organization_id IS NOT DISTINCT FROM OLD.organization_id
           AND NEW.ticket_id IS NOT DISTINCT FROM OLD.ticket_id THEN
          IF NEW.value IS DISTINCT FROM OLD.value THEN
            UPDATE tickets SET sales_total = sales_total - OLD.value + NEW.value, updated_at = now()
            WHERE organization_id = NEW.organization_id AND id = NEW.ticket_id;
          END IF;
          RETURN NULL;
        END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          UPDATE tickets SET sales_count = sales_count - 1, sales_total = sales_total - OLD.value, updated_at = now()
          WHERE organization_id = OLD.organization_id AND id = OLD.ticket_id;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          UPDATE tickets SET sales_count = sales_count + 1, sales_total = sales_total + NEW.value, updated_at = now()
          WHERE organization_id = NEW.organization_id AND id = NEW.ticket_id;
        END IF;
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(
      `CREATE TRIGGER "sales_counters_on_ticket"
       AFTER INSERT OR DELETE OR UPDATE OF "organization_id", "ticket_id", "value" ON "sales"
       FOR EACH ROW EXECUTE FUNCTION "sales_counters_on_ticket"()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "sales_counters_on_ticket" ON "sales"`);
    await queryRunner.query(`DROP FUNCTION "sales_counters_on_ticket"()`);
  }
}
