import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TicketEventOrder1795929174597 implements MigrationInterface {
  name = 'TicketEventOrder1795929174597';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_ticket_events_org_ticket_created"`);
    await queryRunner.query(`ALTER TABLE "ticket_events" ADD "seq" BIGSERIAL NOT NULL`);
    await queryRunner.query(
      `CREATE INDEX "IDX_ticket_events_org_ticket_seq" ON "ticket_events" ("organization_id", "ticket_id", "seq") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_ticket_events_org_ticket_seq"`);
    await queryRunner.query(`ALTER TABLE "ticket_events" DROP COLUMN "seq"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_ticket_events_org_ticket_created" ON "ticket_events" ("organization_id", "ticket_id", "created_at") `,
    );
  }
}
