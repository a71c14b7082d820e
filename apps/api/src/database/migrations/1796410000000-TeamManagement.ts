import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Team management: users can be deactivated (sign-in, their tokens and the API keys they created refused) and carry
 * a session version that a password change bumps (older tokens stop working); one-time password-reset links, stored
 * as hashes.
 */
export class TeamManagement1796410000000 implements MigrationInterface {
  name = 'TeamManagement1796410000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "password_reset_tokens" ("id" uuid NOT NULL DEFAULT uuid_v7(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organization_id" uuid NOT NULL, "user_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_by_user_id" uuid NOT NULL, CONSTRAINT "UQ_1ced825399eaeb2a6b8603ee8be" UNIQUE ("organization_id", "id"), CONSTRAINT "PK_d16bebd73e844c48bca50ff8d3d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_password_reset_tokens_token_hash" ON "password_reset_tokens" ("token_hash") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_password_reset_tokens_user" ON "password_reset_tokens" ("organization_id", "user_id") `,
    );
    await queryRunner.query(`ALTER TABLE "users" ADD "active" boolean NOT NULL DEFAULT true`);
    await queryRunner.query(`ALTER TABLE "users" ADD "session_version" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(
      `ALTER TABLE "password_reset_tokens" ADD CONSTRAINT "FK_c737e142a0197f0d12cead1d1f9" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "password_reset_tokens" ADD CONSTRAINT "FK_2fa8788f67d9720e60349d0364f" FOREIGN KEY ("organization_id", "user_id") REFERENCES "users"("organization_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "password_reset_tokens" DROP CONSTRAINT "FK_2fa8788f67d9720e60349d0364f"`);
    await queryRunner.query(`ALTER TABLE "password_reset_tokens" DROP CONSTRAINT "FK_c737e142a0197f0d12cead1d1f9"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "session_version"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "active"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_password_reset_tokens_user"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_password_reset_tokens_token_hash"`);
    await queryRunner.query(`DROP TABLE "password_reset_tokens"`);
  }
}
