import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WhatsappIngestion1795929418873 implements MigrationInterface {
  name = 'WhatsappIngestion1795929418873';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "tracking_links" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organization_id" uuid NOT NULL, "instance_id" uuid NOT NULL, "name" character varying(120) NOT NULL, "message" character varying(500) NOT NULL, "slug" character varying(32) NOT NULL, CONSTRAINT "UQ_dad3b5e9f58552c8c7edef298e6" UNIQUE ("organization_id", "id"), CONSTRAINT "PK_b0d001413b771cc1e6d786c44ce" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ebfa88a457fec30385340af90c" ON "tracking_links" ("organization_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_tracking_links_slug" ON "tracking_links" ("slug") `);
    await queryRunner.query(
      `CREATE TABLE "tracking_clicks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organization_id" uuid NOT NULL, "link_id" uuid NOT NULL, "code" character varying(16) NOT NULL, "utm_source" character varying(255), "utm_medium" character varying(255), "utm_campaign" character varying(255), "utm_term" character varying(255), "utm_content" character varying(255), "click_ids" jsonb NOT NULL, "referrer" text, "user_agent" text, "ticket_id" uuid, CONSTRAINT "UQ_d40c91889f57fc34ef170443d3c" UNIQUE ("organization_id", "id"), CONSTRAINT "PK_7fa9e40cc2cb87e75be32d93acd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ab99546f5ff371ece22b6f4ffd" ON "tracking_clicks" ("organization_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_tracking_clicks_org_link" ON "tracking_clicks" ("organization_id", "link_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_tracking_clicks_org_code" ON "tracking_clicks" ("organization_id", "code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "webhook_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organization_id" uuid, "provider" character varying(16) NOT NULL, "instance_id" uuid, "headers" jsonb NOT NULL, "body" jsonb NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "status" character varying(16) NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "locked_at" TIMESTAMP WITH TIME ZONE, "processed_at" TIMESTAMP WITH TIME ZONE, "last_error" text, CONSTRAINT "CHK_webhook_events_status" CHECK (status IN ('pending', 'processing', 'processed', 'failed', 'unroutable', 'ignored')), CONSTRAINT "CHK_webhook_events_provider" CHECK (provider IN ('cloud_api', 'evolution')), CONSTRAINT "PK_4cba37e6a0acb5e1fc49c34ebfd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_webhook_events_org_received" ON "webhook_events" ("organization_id", "received_at") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_webhook_events_due" ON "webhook_events" ("status", "next_attempt_at") `);
    await queryRunner.query(`ALTER TABLE "leads" ADD "wa_user_id" character varying(128)`);
    await queryRunner.query(`ALTER TABLE "whatsapp_instances" ADD "webhook_token" character varying(64)`);
    // Instances created before webhooks existed get a random token (64 hex characters).
    await queryRunner.query(
      `UPDATE "whatsapp_instances" SET "webhook_token" = md5(random()::text || "id"::text) || md5(clock_timestamp()::text || "id"::text) WHERE "webhook_token" IS NULL`,
    );
    await queryRunner.query(`ALTER TABLE "ticket_trackings" ADD "ad_headline" text`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_leads_org_wa_user_id" ON "leads" ("organization_id", "wa_user_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "tracking_links" ADD CONSTRAINT "FK_ebfa88a457fec30385340af90c7" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tracking_links" ADD CONSTRAINT "FK_7a12c30e4b07e3fd03410c0ce58" FOREIGN KEY ("organization_id", "instance_id") REFERENCES "whatsapp_instances"("organization_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tracking_clicks" ADD CONSTRAINT "FK_ab99546f5ff371ece22b6f4ffd9" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tracking_clicks" ADD CONSTRAINT "FK_87239b0a24d50096730b30e94d0" FOREIGN KEY ("organization_id", "link_id") REFERENCES "tracking_links"("organization_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "tracking_clicks" DROP CONSTRAINT "FK_87239b0a24d50096730b30e94d0"`);
    await queryRunner.query(`ALTER TABLE "tracking_clicks" DROP CONSTRAINT "FK_ab99546f5ff371ece22b6f4ffd9"`);
    await queryRunner.query(`ALTER TABLE "tracking_links" DROP CONSTRAINT "FK_7a12c30e4b07e3fd03410c0ce58"`);
    await queryRunner.query(`ALTER TABLE "tracking_links" DROP CONSTRAINT "FK_ebfa88a457fec30385340af90c7"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_leads_org_wa_user_id"`);
    await queryRunner.query(`ALTER TABLE "ticket_trackings" DROP COLUMN "ad_headline"`);
    await queryRunner.query(`ALTER TABLE "whatsapp_instances" DROP COLUMN "webhook_token"`);
    await queryRunner.query(`ALTER TABLE "leads" DROP COLUMN "wa_user_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_webhook_events_due"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_webhook_events_org_received"`);
    await queryRunner.query(`DROP TABLE "webhook_events"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_tracking_clicks_org_code"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_tracking_clicks_org_link"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ab99546f5ff371ece22b6f4ffd"`);
    await queryRunner.query(`DROP TABLE "tracking_clicks"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_tracking_links_slug"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ebfa88a457fec30385340af90c"`);
    await queryRunner.query(`DROP TABLE "tracking_links"`);
  }
}
