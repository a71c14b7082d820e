import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A search's summary counts the tickets of the leads it matches (tens of thousands in a large organization): with
 * status, sales count and deal value in the (organization, lead) index, that count is an index-only scan instead of
 * a heap visit per ticket. Those columns change rarely (a message changes none of them), so writes barely pay.
 */
export class TicketsLeadCovering1796330000000 implements MigrationInterface {
  name = 'TicketsLeadCovering1796330000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_tickets_org_lead"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_tickets_org_lead" ON "tickets" ("organization_id", "lead_id") INCLUDE ("status", "sales_count", "deal_value")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_tickets_org_lead"`);
    await queryRunner.query(`CREATE INDEX "IDX_tickets_org_lead" ON "tickets" ("organization_id", "lead_id")`);
  }
}
