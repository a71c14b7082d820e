import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ConversionLeases1796168701387 implements MigrationInterface {
  name = 'ConversionLeases1796168701387';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "conversions" ADD "lease_until" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "conversions" DROP COLUMN "lease_until"`);
  }
}
