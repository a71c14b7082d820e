import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Searches of one or two characters match the start of names and e-mails (a btree range) instead of anywhere in
 * them (which trigram indexes cannot serve below three characters); e-mails get the trigram index names have.
 */
export class BoundedSearch1796000000000 implements MigrationInterface {
  name = 'BoundedSearch1796000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_leads_org_name_prefix" ON "leads" ("organization_id", f_unaccent(lower("name")) text_pattern_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_leads_org_email_prefix" ON "leads" ("organization_id", lower("email") text_pattern_ops)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_leads_email_trgm" ON "leads" USING gin (lower("email") gin_trgm_ops)`);
    await queryRunner.query(
      `CREATE INDEX "IDX_tickets_org_assignee_name_prefix" ON "tickets" ("organization_id", f_unaccent(lower("assignee_name")) text_pattern_ops)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_tickets_org_assignee_name_prefix"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_leads_email_trgm"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_leads_org_email_prefix"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_leads_org_name_prefix"`);
  }
}
