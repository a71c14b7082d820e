import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WebhookRejections1796223068160 implements MigrationInterface {
  name = 'WebhookRejections1796223068160';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "webhook_events" ADD "rejections" jsonb NOT NULL DEFAULT '[]'`);
    // 'partial': applied except the messages listed in rejections (retryable by hand).
    await queryRunner.query(`ALTER TABLE "webhook_events" DROP CONSTRAINT "CHK_webhook_events_status"`);
    await queryRunner.query(
      `ALTER TABLE "webhook_events" ADD CONSTRAINT "CHK_webhook_events_status" CHECK (status IN ('pending', 'processing', 'processed', 'partial', 'failed', 'unroutable', 'ignored'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE "webhook_events" SET status = 'processed' WHERE status = 'partial'`);
    await queryRunner.query(`ALTER TABLE "webhook_events" DROP CONSTRAINT "CHK_webhook_events_status"`);
    await queryRunner.query(
      `ALTER TABLE "webhook_events" ADD CONSTRAINT "CHK_webhook_events_status" CHECK (status IN ('pending', 'processing', 'processed', 'failed', 'unroutable', 'ignored'))`,
    );
    await queryRunner.query(`ALTER TABLE "webhook_events" DROP COLUMN "rejections"`);
  }
}
