import type { MigrationInterface, QueryRunner } from 'typeorm';

export class UniqueCloudPhoneNumberId1795928770297 implements MigrationInterface {
  name = 'UniqueCloudPhoneNumberId1795928770297';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_whatsapp_instances_cloud_phone_number_id" ON "whatsapp_instances" ("provider_phone_number_id") WHERE provider = 'cloud_api'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."UQ_whatsapp_instances_cloud_phone_number_id"`);
  }
}
