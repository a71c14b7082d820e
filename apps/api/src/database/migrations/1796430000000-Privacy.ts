import type { MigrationInterface, QueryRunner } from 'typeorm';

/** LGPD: a lead's erasure timestamp, and the audit log of exports and erasures. */
export class Privacy1796430000000 implements MigrationInterface {
  name = 'Privacy1796430000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "leads" ADD "erased_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" uuid NOT NULL DEFAULT uuid_v7(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organization_id" uuid NOT NULL, "actor_type" character varying(8) NOT NULL, "actor_id" uuid, "actor_name" character varying(120), "action" character varying(32) NOT NULL, "subject_type" character varying(32) NOT NULL, "subject_id" uuid NOT NULL, "details" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "CHK_audit_log_action" CHECK (action IN ('lead.exported', 'lead.erased')), CONSTRAINT "CHK_audit_log_actor_type" CHECK (actor_type IN ('user', 'api_key', 'system')), CONSTRAINT "PK_audit_log_id" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_log_org_created" ON "audit_log" ("organization_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "audit_log" ADD CONSTRAINT "UQ_9ef6bb5cf9616ce08fa7f35b7f3" UNIQUE ("organization_id", "id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "audit_log" ADD CONSTRAINT "FK_b75d568c6c9a9a8b44be80223dc" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "audit_log"`);
    await queryRunner.query(`ALTER TABLE "leads" DROP COLUMN "erased_at"`);
  }
}
