import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * whatsapp_media: a media message's file and its download job (the media worker's queue), one per message, and where
 * the bytes are in the media store once fetched.
 */
export class WhatsappMedia1796221453899 implements MigrationInterface {
  name = 'WhatsappMedia1796221453899';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "whatsapp_media" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organization_id" uuid NOT NULL, "message_id" uuid NOT NULL, "instance_id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "source_media_id" character varying(128), "webhook_event_id" uuid, "mime_type" character varying(255), "file_name" character varying(255), "sha256" character varying(128), "size_bytes" bigint, "voice" boolean NOT NULL DEFAULT false, "status" character varying(16) NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "lease_until" TIMESTAMP WITH TIME ZONE, "last_error" text, "storage_key" character varying(255), CONSTRAINT "UQ_12ca3f57a76d96de25031ac70f3" UNIQUE ("organization_id", "id"), CONSTRAINT "CHK_whatsapp_media_status" CHECK (status IN ('pending', 'stored', 'failed', 'refused')), CONSTRAINT "PK_44b74a05832bfe41e0d64771afe" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_e02bf7d546a1bfa74a8e59dd31" ON "whatsapp_media" ("organization_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_whatsapp_media_due" ON "whatsapp_media" ("next_attempt_at") WHERE status = 'pending'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_whatsapp_media_org_message" ON "whatsapp_media" ("organization_id", "message_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "whatsapp_media" ADD CONSTRAINT "FK_e02bf7d546a1bfa74a8e59dd313" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "whatsapp_media" ADD CONSTRAINT "FK_0df531392822c872d4cd08210e2" FOREIGN KEY ("organization_id", "message_id") REFERENCES "whatsapp_messages"("organization_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "whatsapp_media" ADD CONSTRAINT "FK_5b95240679559ae58205bf7fcba" FOREIGN KEY ("organization_id", "instance_id") REFERENCES "whatsapp_instances"("organization_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "whatsapp_media" DROP CONSTRAINT "FK_5b95240679559ae58205bf7fcba"`);
    await queryRunner.query(`ALTER TABLE "whatsapp_media" DROP CONSTRAINT "FK_0df531392822c872d4cd08210e2"`);
    await queryRunner.query(`ALTER TABLE "whatsapp_media" DROP CONSTRAINT "FK_e02bf7d546a1bfa74a8e59dd313"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_whatsapp_media_org_message"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_whatsapp_media_due"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e02bf7d546a1bfa74a8e59dd31"`);
    await queryRunner.query(`DROP TABLE "whatsapp_media"`);
  }
}
