import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TicketListing1795928442716 implements MigrationInterface {
  name = 'TicketListing1795928442716';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Search: partial, case- and accent-insensitive matching through trigram indexes.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    // unaccent() is only STABLE (its dictionary could change); an IMMUTABLE wrapper can be indexed.
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
       AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_leads_name_trgm" ON "leads" USING gin (f_unaccent(lower("name")) gin_trgm_ops)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_leads_phone_trgm" ON "leads" USING gin ("phone" gin_trgm_ops)`);
    await queryRunner.query(
      `CREATE INDEX "IDX_tickets_assignee_name_trgm" ON "tickets" USING gin (f_unaccent(lower("assignee_name")) gin_trgm_ops)`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_tickets_org_created"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_tickets_org_deal_value" ON "tickets" ("organization_id", "deal_value", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_tickets_org_updated" ON "tickets" ("organization_id", "updated_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_tickets_org_created" ON "tickets" ("organization_id", "created_at", "id") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_tickets_org_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_tickets_org_updated"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_tickets_org_deal_value"`);
    await queryRunner.query(`CREATE INDEX "IDX_tickets_org_created" ON "tickets" ("organization_id", "created_at") `);
    await queryRunner.query(`DROP INDEX "public"."IDX_tickets_assignee_name_trgm"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_leads_phone_trgm"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_leads_name_trgm"`);
    await queryRunner.query(`DROP FUNCTION f_unaccent(text)`);
  }
}
