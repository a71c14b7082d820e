import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every tenant table had an index on organization_id alone besides its unique (organization_id, id): the unique one
 * serves every scan by organization and the organizations' ON DELETE CASCADE, so the other was only one more index
 * written on every insert and non-HOT update (each message updates its ticket; each ticket write adds parts and
 * deltas).
 */
export class DropOrganizationOnlyIndexes1796370000000 implements MigrationInterface {
  name = 'DropOrganizationOnlyIndexes1796370000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_4f40888081a22e200049140507"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a283bdef18876e525aefaec042"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3e1b3f24e7d9a8d07c586ace1b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b1f336df385f00742642577b81"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2282cc2af20272d6e5d3b4699d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8837705efea9042bd648c31690"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_21a659804ed7bf61eb91688dea"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_613ef43a793c628ad7b22981f3"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9a408600b4d9cee04c2f831fa3"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6975430abb3ac3e051e63a38b9"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_551eb42a08e4d10c4676684835"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_37860569c4fa2f208f0f4cc530"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_26746352477075c4f6203e3255"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a82c5be67ebe40012319a26001"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9f8598b826f7f708813c45ac4d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2d9947b03b0a0a2dc5a8b823c9"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1f04e330cb546c7b5ed3bdb4d5"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ebfa88a457fec30385340af90c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ab99546f5ff371ece22b6f4ffd"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cac442f69a50332d9480c1e36d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_51a7a453b7e1e4847e975fe0ce"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e02bf7d546a1bfa74a8e59dd31"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_e02bf7d546a1bfa74a8e59dd31" ON "whatsapp_media" ("organization_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_51a7a453b7e1e4847e975fe0ce" ON "whatsapp_status_orphans" ("organization_id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_cac442f69a50332d9480c1e36d" ON "whatsapp_outbox" ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_ab99546f5ff371ece22b6f4ffd" ON "tracking_clicks" ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_ebfa88a457fec30385340af90c" ON "tracking_links" ("organization_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_1f04e330cb546c7b5ed3bdb4d5" ON "ticket_tracking_identifiers" ("organization_id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_2d9947b03b0a0a2dc5a8b823c9" ON "ticket_trackings" ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_9f8598b826f7f708813c45ac4d" ON "ticket_events" ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_a82c5be67ebe40012319a26001" ON "lead_touches" ("organization_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_26746352477075c4f6203e3255" ON "whatsapp_message_reactions" ("organization_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_37860569c4fa2f208f0f4cc530" ON "whatsapp_messages" ("organization_id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_551eb42a08e4d10c4676684835" ON "meta_settings" ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_6975430abb3ac3e051e63a38b9" ON "conversions" ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_9a408600b4d9cee04c2f831fa3" ON "sales" ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_613ef43a793c628ad7b22981f3" ON "tickets" ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_21a659804ed7bf61eb91688dea" ON "users" ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_8837705efea9042bd648c31690" ON "ticket_stages" ("organization_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_2282cc2af20272d6e5d3b4699d" ON "whatsapp_conversations" ("organization_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b1f336df385f00742642577b81" ON "whatsapp_instances" ("organization_id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_3e1b3f24e7d9a8d07c586ace1b" ON "leads" ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_a283bdef18876e525aefaec042" ON "api_keys" ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_4f40888081a22e200049140507" ON "ad_spend" ("organization_id") `);
  }
}
