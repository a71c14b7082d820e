import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand (not generated, so other work in progress stays out): ad spend for the ROI reports, the Meta
 * Conversions API settings of each organization, and the conversions outbox. Names match what TypeORM derives
 * from the entities, so `npm run migration:check` finds nothing to change.
 */
export class AttributionAndConversions1795950000000 implements MigrationInterface {
  name = 'AttributionAndConversions1795950000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "ad_spend" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organization_id" uuid NOT NULL, "date" date NOT NULL, "ad_platform_id" uuid NOT NULL, "campaign" character varying(255) NOT NULL, "spend" numeric(14,2) NOT NULL, CONSTRAINT "UQ_fa5724732d44a1e9a2fe36dfff5" UNIQUE ("organization_id", "id"), CONSTRAINT "CHK_ad_spend_spend" CHECK (spend >= 0), CONSTRAINT "PK_7166800438768e6edc30571af2a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_4f40888081a22e200049140507" ON "ad_spend" ("organization_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_ad_spend_org_date_platform_campaign" ON "ad_spend" ("organization_id", "date", "ad_platform_id", "campaign") `,
    );
    await queryRunner.query(
      `CREATE TABLE "meta_settings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organization_id" uuid NOT NULL, "enabled" boolean NOT NULL DEFAULT false, "dataset_id" character varying(64), "access_token_encrypted" text, "whatsapp_business_account_id" character varying(64), "graph_api_base_url" character varying(255), "stage_event_stage_id" uuid, "stage_event_name" character varying(64), CONSTRAINT "UQ_1b9a65a502e99bf868a0dbbbeb8" UNIQUE ("organization_id", "id"), CONSTRAINT "PK_671342b020217cc1776b4eeaf30" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_551eb42a08e4d10c4676684835" ON "meta_settings" ("organization_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_meta_settings_org" ON "meta_settings" ("organization_id") `);
    await queryRunner.query(
      `CREATE TABLE "conversions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organization_id" uuid NOT NULL, "ticket_id" uuid NOT NULL, "sale_id" uuid, "kind" character varying(16) NOT NULL, "event_name" character varying(64) NOT NULL, "event_id" character varying(128) NOT NULL, "event_time" TIMESTAMP WITH TIME ZONE NOT NULL, "value" numeric(14,2), "currency" character(3) NOT NULL, "ctwa_clid" character varying(512) NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_error" text, "sent_at" TIMESTAMP WITH TIME ZONE, "payload" jsonb NOT NULL, CONSTRAINT "UQ_d072282d74c2e31c934bfe61616" UNIQUE ("organization_id", "id"), CONSTRAINT "CHK_conversions_status" CHECK (status IN ('pending', 'sent', 'failed', 'skipped')), CONSTRAINT "CHK_conversions_kind" CHECK (kind IN ('purchase', 'stage')), CONSTRAINT "PK_4af8c6388f42a1849ee9b22fa16" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_6975430abb3ac3e051e63a38b9" ON "conversions" ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_conversions_due" ON "conversions" ("status", "next_attempt_at") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_conversions_org_created" ON "conversions" ("organization_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_conversions_org_event_id" ON "conversions" ("organization_id", "event_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "ad_spend" ADD CONSTRAINT "FK_4f40888081a22e200049140507d" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ad_spend" ADD CONSTRAINT "FK_948cf7a77eb599e4081e01d2dda" FOREIGN KEY ("ad_platform_id") REFERENCES "ad_platforms"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meta_settings" ADD CONSTRAINT "FK_551eb42a08e4d10c46766848359" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meta_settings" ADD CONSTRAINT "FK_c95f2bfd33c4bc088ce83a40732" FOREIGN KEY ("stage_event_stage_id") REFERENCES "ticket_stages"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "conversions" ADD CONSTRAINT "FK_6975430abb3ac3e051e63a38b92" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "conversions" ADD CONSTRAINT "FK_cf54b32fc3b0d02463be3571002" FOREIGN KEY ("organization_id", "ticket_id") REFERENCES "tickets"("organization_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "conversions" ADD CONSTRAINT "FK_1b9d3649451e268d22ac9b460a0" FOREIGN KEY ("sale_id") REFERENCES "sales"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "conversions" DROP CONSTRAINT "FK_1b9d3649451e268d22ac9b460a0"`);
    await queryRunner.query(`ALTER TABLE "conversions" DROP CONSTRAINT "FK_cf54b32fc3b0d02463be3571002"`);
    await queryRunner.query(`ALTER TABLE "conversions" DROP CONSTRAINT "FK_6975430abb3ac3e051e63a38b92"`);
    await queryRunner.query(`ALTER TABLE "meta_settings" DROP CONSTRAINT "FK_c95f2bfd33c4bc088ce83a40732"`);
    await queryRunner.query(`ALTER TABLE "meta_settings" DROP CONSTRAINT "FK_551eb42a08e4d10c46766848359"`);
    await queryRunner.query(`ALTER TABLE "ad_spend" DROP CONSTRAINT "FK_948cf7a77eb599e4081e01d2dda"`);
    await queryRunner.query(`ALTER TABLE "ad_spend" DROP CONSTRAINT "FK_4f40888081a22e200049140507d"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_conversions_org_event_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_conversions_org_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_conversions_due"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6975430abb3ac3e051e63a38b9"`);
    await queryRunner.query(`DROP TABLE "conversions"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_meta_settings_org"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_551eb42a08e4d10c4676684835"`);
    await queryRunner.query(`DROP TABLE "meta_settings"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_ad_spend_org_date_platform_campaign"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4f40888081a22e200049140507"`);
    await queryRunner.query(`DROP TABLE "ad_spend"`);
  }
}
