import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An Evolution instance's credentials for sending: the base URL of its server and its API key (TokenCipher
 * output, like the Cloud API access token). Only Evolution instances hold them (Cloud API ones send with their
 * access token to the server's Graph API).
 */
export class EvolutionCredentials1796183540858 implements MigrationInterface {
  name = 'EvolutionCredentials1796183540858';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "whatsapp_instances" ADD "api_url" character varying(2048)`);
    await queryRunner.query(`ALTER TABLE "whatsapp_instances" ADD "api_key_encrypted" text`);
    await queryRunner.query(
      `ALTER TABLE "whatsapp_instances" ADD CONSTRAINT "CHK_whatsapp_instances_evolution_credentials" CHECK (provider = 'evolution' OR (api_url IS NULL AND api_key_encrypted IS NULL))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "whatsapp_instances" DROP CONSTRAINT "CHK_whatsapp_instances_evolution_credentials"`,
    );
    await queryRunner.query(`ALTER TABLE "whatsapp_instances" DROP COLUMN "api_key_encrypted"`);
    await queryRunner.query(`ALTER TABLE "whatsapp_instances" DROP COLUMN "api_url"`);
  }
}
