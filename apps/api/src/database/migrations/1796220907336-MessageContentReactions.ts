import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MessageContentReactions1796220907336 implements MigrationInterface {
  name = 'MessageContentReactions1796220907336';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "whatsapp_message_reactions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organization_id" uuid NOT NULL, "instance_id" uuid NOT NULL, "target_provider_message_id" character varying(128) NOT NULL, "direction" character varying(3) NOT NULL, "emoji" character varying(64), "reacted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "provider_message_id" character varying(128), CONSTRAINT "UQ_fae20463ec77fc8ed364ddcbbec" UNIQUE ("organization_id", "id"), CONSTRAINT "CHK_whatsapp_message_reactions_direction" CHECK (direction IN ('in', 'out')), CONSTRAINT "PK_de22195df2b8bb77782214fe634" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_26746352477075c4f6203e3255" ON "whatsapp_message_reactions" ("organization_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_whatsapp_message_reactions_target" ON "whatsapp_message_reactions" ("organization_id", "instance_id", "target_provider_message_id", "direction") `,
    );
    await queryRunner.query(`ALTER TABLE "whatsapp_messages" ADD "content" jsonb`);
    await queryRunner.query(`ALTER TABLE "whatsapp_messages" ADD "context" jsonb`);
    await queryRunner.query(`ALTER TABLE "whatsapp_messages" ADD "deleted_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "whatsapp_message_reactions" ADD CONSTRAINT "FK_26746352477075c4f6203e3255b" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "whatsapp_message_reactions" ADD CONSTRAINT "FK_466ae39ed714615554f14495079" FOREIGN KEY ("organization_id", "instance_id") REFERENCES "whatsapp_instances"("organization_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "whatsapp_message_reactions" DROP CONSTRAINT "FK_466ae39ed714615554f14495079"`,
    );
    await queryRunner.query(
      `ALTER TABLE "whatsapp_message_reactions" DROP CONSTRAINT "FK_26746352477075c4f6203e3255b"`,
    );
    await queryRunner.query(`ALTER TABLE "whatsapp_messages" DROP COLUMN "deleted_at"`);
    await queryRunner.query(`ALTER TABLE "whatsapp_messages" DROP COLUMN "context"`);
    await queryRunner.query(`ALTER TABLE "whatsapp_messages" DROP COLUMN "content"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_whatsapp_message_reactions_target"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_26746352477075c4f6203e3255"`);
    await queryRunner.query(`DROP TABLE "whatsapp_message_reactions"`);
  }
}
