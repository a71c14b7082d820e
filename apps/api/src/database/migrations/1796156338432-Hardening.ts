import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Sign-in attempts per address, API key scopes, and leases on claimed webhook events. */
export class Hardening1796156338432 implements MigrationInterface {
  name = 'Hardening1796156338432';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "login_attempts" ("email_key" character(64) NOT NULL, "failures" integer NOT NULL, "last_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL, "locked_until" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_e9f99f44c521f763db4fa82f2c1" PRIMARY KEY ("email_key"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "api_keys" ADD "scopes" character varying(16) array NOT NULL DEFAULT '{tickets}'`,
    );
    await queryRunner.query(`ALTER TABLE "webhook_events" ADD "lease_until" TIMESTAMP WITH TIME ZONE`);
    // Claims taken before leases existed keep the old rule: taken over five minutes after they were made.
    await queryRunner.query(
      `UPDATE "webhook_events" SET "lease_until" = COALESCE("locked_at", now()) + interval '5 minutes' WHERE "status" = 'processing'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "webhook_events" DROP COLUMN "lease_until"`);
    await queryRunner.query(`ALTER TABLE "api_keys" DROP COLUMN "scopes"`);
    await queryRunner.query(`DROP TABLE "login_attempts"`);
  }
}
