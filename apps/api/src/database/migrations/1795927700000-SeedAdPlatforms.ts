import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reference data: ad platforms and the click-id types they issue. New types are added as rows like these. */
export class SeedAdPlatforms1795927700000 implements MigrationInterface {
  name = 'SeedAdPlatforms1795927700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      INSERT INTO ad_platforms (key, name) VALUES
        ('google_ads', 'Google Ads'),
        ('meta_ads', 'Meta Ads'),
        ('tiktok_ads', 'TikTok Ads')
      ON CONFLICT (key) DO NOTHING`);
    await queryRunner.query(`
      INSERT INTO tracking_identifier_types (key, name, ad_platform_id)
      SELECT t.key, t.name, p.id
      FROM (VALUES
        ('gclid', 'Google Click ID', 'google_ads'),
        ('gbraid', 'Google app-to-web click ID (iOS)', 'google_ads'),
        ('wbraid', 'Google web-to-app click ID (iOS)', 'google_ads'),
        ('fbclid', 'Facebook Click ID', 'meta_ads'),
        ('ctwaclid', 'Click-to-WhatsApp Ad Click ID', 'meta_ads'),
        ('ttclid', 'TikTok Click ID', 'tiktok_ads')
      ) AS t(key, name, platform)
      JOIN ad_platforms p ON p.key = t.platform
      ON CONFLICT (key) DO NOTHING`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM tracking_identifier_types WHERE key IN ('gclid', 'gbraid', 'wbraid', 'fbclid', 'ctwaclid', 'ttclid')`,
    );
    await queryRunner.query(`DELETE FROM ad_platforms WHERE key IN ('google_ads', 'meta_ads', 'tiktok_ads')`);
  }
}
