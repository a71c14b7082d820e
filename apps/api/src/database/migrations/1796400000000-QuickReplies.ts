import type { MigrationInterface, QueryRunner } from 'typeorm';

export class QuickReplies1796400000000 implements MigrationInterface {
  name = 'QuickReplies1796400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "quick_replies" ("id" uuid NOT NULL DEFAULT uuid_v7(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organization_id" uuid NOT NULL, "shortcut" character varying(32) NOT NULL, "title" character varying(80) NOT NULL, "text" character varying(4096) NOT NULL, CONSTRAINT "UQ_036da9ed7e99b7196bed2d53f9b" UNIQUE ("organization_id", "id"), CONSTRAINT "UQ_quick_replies_org_shortcut" UNIQUE ("organization_id", "shortcut"), CONSTRAINT "PK_38e5f76733adc50f328c8c0f043" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "quick_replies" ADD CONSTRAINT "FK_b202107315c344ab148d513dcb0" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "quick_replies" DROP CONSTRAINT "FK_b202107315c344ab148d513dcb0"`);
    await queryRunner.query(`DROP TABLE "quick_replies"`);
  }
}
