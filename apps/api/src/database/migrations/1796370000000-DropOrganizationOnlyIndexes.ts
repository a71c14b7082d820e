import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each table's TypeORM-named index on organization_id alone. */
const INDEXES: [table: string, index: string][] = [
  ['ad_spend', 'IDX_4f40888081a22e200049140507'],
  ['api_keys', 'IDX_a283bdef18876e525aefaec042'],
  ['conversions', 'IDX_6975430abb3ac3e051e63a38b9'],
  ['lead_touches', 'IDX_a82c5be67ebe40012319a26001'],
  ['leads', 'IDX_3e1b3f24e7d9a8d07c586ace1b'],
  ['meta_settings', 'IDX_551eb42a08e4d10c4676684835'],
  ['sales', 'IDX_9a408600b4d9cee04c2f831fa3'],
  ['ticket_events', 'IDX_9f8598b826f7f708813c45ac4d'],
  ['ticket_stages', 'IDX_8837705efea9042bd648c31690'],
  ['ticket_tracking_identifiers', 'IDX_1f04e330cb546c7b5ed3bdb4d5'],
  ['ticket_trackings', 'IDX_2d9947b03b0a0a2dc5a8b823c9'],
  ['tickets', 'IDX_613ef43a793c628ad7b22981f3'],
  ['tracking_clicks', 'IDX_ab99546f5ff371ece22b6f4ffd'],
  ['tracking_links', 'IDX_ebfa88a457fec30385340af90c'],
  ['users', 'IDX_21a659804ed7bf61eb91688dea'],
  ['whatsapp_conversations', 'IDX_2282cc2af20272d6e5d3b4699d'],
  ['whatsapp_instances', 'IDX_b1f336df385f00742642577b81'],
  ['whatsapp_media', 'IDX_e02bf7d546a1bfa74a8e59dd31'],
  ['whatsapp_message_reactions', 'IDX_26746352477075c4f6203e3255'],
  ['whatsapp_messages', 'IDX_37860569c4fa2f208f0f4cc530'],
  ['whatsapp_outbox', 'IDX_cac442f69a50332d9480c1e36d'],
  ['whatsapp_status_orphans', 'IDX_51a7a453b7e1e4847e975fe0ce'],
];

/**
 * Every tenant table had an index on organization_id alone besides its unique (organization_id, id): the unique one
 * serves every scan by organization and the organizations' ON DELETE CASCADE, so the other was only one more index
 * written on every insert and non-HOT update (each message updates its ticket; each ticket write adds parts and
 * deltas).
 */
export class DropOrganizationOnlyIndexes1796370000000 implements MigrationInterface {
  name = 'DropOrganizationOnlyIndexes1796370000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [, index] of INDEXES) await queryRunner.query(`DROP INDEX "public"."${index}"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, index] of INDEXES) {
      await queryRunner.query(`CREATE INDEX "${index}" ON "${table}" ("organization_id")`);
    }
  }
}
