import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CloudPhoneNumberClaims1796155586069 implements MigrationInterface {
  name = 'CloudPhoneNumberClaims1796155586069';

  /**
   * A Cloud API phone_number_id is no longer unique across organizations: unique per organization, plus at most one
   * claim verified with an access token (which then receives the webhooks).
   */
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."UQ_whatsapp_instances_cloud_phone_number_id"`);
    await queryRunner.query(`ALTER TABLE "whatsapp_instances" ADD "access_token_encrypted" text`);
    await queryRunner.query(`ALTER TABLE "whatsapp_instances" ADD "verified_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_whatsapp_instances_verified_cloud_phone_number_id" ON "whatsapp_instances" ("provider_phone_number_id") WHERE provider = 'cloud_api' AND verified_at IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_whatsapp_instances_org_cloud_phone_number_id" ON "whatsapp_instances" ("provider_phone_number_id", "organization_id") WHERE provider = 'cloud_api'`,
    );
  }

  /** Fails while two organizations claim the same phone_number_id: remove one claim first. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."UQ_whatsapp_instances_org_cloud_phone_number_id"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_whatsapp_instances_verified_cloud_phone_number_id"`);
    await queryRunner.query(`ALTER TABLE "whatsapp_instances" DROP COLUMN "verified_at"`);
    await queryRunner.query(`ALTER TABLE "whatsapp_instances" DROP COLUMN "access_token_encrypted"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_whatsapp_instances_cloud_phone_number_id" ON "whatsapp_instances" ("provider_phone_number_id") WHERE ((provider)::text = 'cloud_api'::text)`,
    );
  }
}
