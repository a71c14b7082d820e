import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LeadTouches1796223672333 implements MigrationInterface {
  name = 'LeadTouches1796223672333';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "lead_touches" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organization_id" uuid NOT NULL, "lead_id" uuid NOT NULL, "ticket_id" uuid, "kind" character varying(16) NOT NULL, "platform_key" character varying(32), "source_type" character varying(16), "click_ids" jsonb NOT NULL DEFAULT '{}', "ad_id" character varying(255), "source_url" text, "headline" character varying(255), "utm_source" character varying(255), "utm_medium" character varying(255), "utm_campaign" character varying(255), "utm_term" character varying(255), "utm_content" character varying(255), "touched_at" TIMESTAMP WITH TIME ZONE NOT NULL, "provider_message_id" character varying(128), CONSTRAINT "UQ_2f79d3b669986458cd9fee78890" UNIQUE ("organization_id", "id"), CONSTRAINT "CHK_lead_touches_kind" CHECK (kind IN ('ctwa_referral', 'tracking_link')), CONSTRAINT "PK_78f12b7f8d9d336bc1f7afb34f8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_a82c5be67ebe40012319a26001" ON "lead_touches" ("organization_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_lead_touches_org_ticket_touched" ON "lead_touches" ("organization_id", "ticket_id", "touched_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_lead_touches_org_lead_touched" ON "lead_touches" ("organization_id", "lead_id", "touched_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "lead_touches" ADD CONSTRAINT "FK_a82c5be67ebe40012319a260019" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lead_touches" ADD CONSTRAINT "FK_6c1dbdfa3cc4d4b0f57f6b40dc6" FOREIGN KEY ("organization_id", "lead_id") REFERENCES "leads"("organization_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lead_touches" ADD CONSTRAINT "FK_ab832dda04bdd5674d8d84285f8" FOREIGN KEY ("organization_id", "ticket_id") REFERENCES "tickets"("organization_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "lead_touches" DROP CONSTRAINT "FK_ab832dda04bdd5674d8d84285f8"`);
    await queryRunner.query(`ALTER TABLE "lead_touches" DROP CONSTRAINT "FK_6c1dbdfa3cc4d4b0f57f6b40dc6"`);
    await queryRunner.query(`ALTER TABLE "lead_touches" DROP CONSTRAINT "FK_a82c5be67ebe40012319a260019"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_lead_touches_org_lead_touched"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_lead_touches_org_ticket_touched"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a82c5be67ebe40012319a26001"`);
    await queryRunner.query(`DROP TABLE "lead_touches"`);
  }
}
