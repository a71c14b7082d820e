import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { pgliteOptions, postgresOptions } from '../../src/database/data-source-options';
import { runMigrations } from '../../src/database/migrate';
import { MIGRATIONS } from '../../src/database/migrations';
import { openPglite } from '../../src/database/pglite';
import { adminQuery, adminUrl, withDatabase } from '../setup/test-database';

const EXPECTED_TABLES = [
  'ad_platforms',
  'ad_spend',
  'api_keys',
  'audit_log',
  'conversions',
  'lead_touches',
  'leads',
  'login_attempts',
  'meta_settings',
  'organizations',
  'password_reset_tokens',
  'quick_replies',
  'sales',
  'ticket_events',
  'ticket_notes',
  'ticket_queue_cells',
  'ticket_queue_deltas',
  'ticket_reach_deltas',
  'ticket_reach_parts',
  'ticket_reach_rollups',
  'ticket_rollup_deltas',
  'ticket_rollup_parts',
  'ticket_rollups',
  'ticket_stages',
  'ticket_tracking_identifiers',
  'ticket_trackings',
  'tickets',
  'tracking_clicks',
  'tracking_identifier_types',
  'tracking_links',
  'typeorm_migrations',
  'users',
  'webhook_deliveries',
  'webhook_events',
  'webhook_subscriptions',
  'whatsapp_conversations',
  'whatsapp_instances',
  'whatsapp_media',
  'whatsapp_message_reactions',
  'whatsapp_messages',
  'whatsapp_outbox',
  'whatsapp_status_orphans',
];

describe('migrations', () => {
  const cleanups: (() => Promise<void>)[] = [];

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  /** Fresh, empty databases on the configured engine (new PostgreSQL database, or a new in-memory PGlite). */
  async function emptyDataSources(count: number): Promise<DataSource[]> {
    const url = adminUrl();
    if (url) {
      const name = `whatrack_empty_${randomBytes(5).toString('hex')}`;
      await adminQuery(`CREATE DATABASE ${name}`);
      const sources = Array.from({ length: count }, () => new DataSource(postgresOptions(withDatabase(url, name), 2)));
      await Promise.all(sources.map((s) => s.initialize()));
      cleanups.push(async () => {
        await Promise.all(sources.map((s) => s.destroy()));
        await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      });
      return sources;
    }
    const pglite = await openPglite('memory://');
    const source = new DataSource(pgliteOptions(pglite));
    await source.initialize();
    cleanups.push(async () => {
      await source.destroy();
      await pglite.close();
    });
    // PGlite is one in-process session: "several replicas" means several runs on the same database.
    return Array.from({ length: count }, () => source);
  }

  it('migrates an empty database to every table and seeds the reference data', async () => {
    const [ds] = await emptyDataSources(1);
    const applied = await runMigrations(ds);
    expect(applied).toHaveLength(MIGRATIONS.length);
    const tables = await ds.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    expect(tables.map((r: { table_name: string }) => r.table_name)).toEqual(EXPECTED_TABLES);
    const types = await ds.query(
      `SELECT t.key, p.key AS platform FROM tracking_identifier_types t JOIN ad_platforms p ON p.id = t.ad_platform_id ORDER BY t.key`,
    );
    expect(types).toEqual([
      { key: 'ctwaclid', platform: 'meta_ads' },
      { key: 'fbclid', platform: 'meta_ads' },
      { key: 'gbraid', platform: 'google_ads' },
      { key: 'gclid', platform: 'google_ads' },
      { key: 'ttclid', platform: 'tiktok_ads' },
      { key: 'wbraid', platform: 'google_ads' },
    ]);
    expect(await runMigrations(ds)).toEqual([]);
  });

  it('gives new rows time-ordered UUID v7 ids (version 7, RFC 9562 variant, the current millisecond first)', async () => {
    const [ds] = await emptyDataSources(1);
    await runMigrations(ds);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push(((await ds.query('SELECT uuid_v7() AS id')) as { id: string }[])[0].id);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const millis = parseInt(id.replace(/-/g, '').slice(0, 12), 16);
      expect(Math.abs(millis - Date.now())).toBeLessThan(60_000);
    }
    const defaults: { table_name: string; column_default: string }[] = await ds.query(
      `SELECT table_name, column_default FROM information_schema.columns
       WHERE table_schema = 'public' AND column_name = 'id' AND data_type = 'uuid' ORDER BY table_name`,
    );
    expect(defaults.filter((d) => d.column_default !== 'uuid_v7()')).toEqual([]);
  });

  it('lets several replicas migrate at once: exactly one applies each migration', async () => {
    const sources = await emptyDataSources(3);
    const results = await Promise.all(sources.map((s) => runMigrations(s)));
    expect(results.flat()).toHaveLength(MIGRATIONS.length);
    const [{ count }] = await sources[0].query('SELECT count(*)::int AS count FROM typeorm_migrations');
    expect(count).toBe(MIGRATIONS.length);
  });

  it('leaves nothing for the schema builder to change (entities and migrations agree)', async () => {
    const [ds] = await emptyDataSources(1);
    await runMigrations(ds);
    const log = await ds.driver.createSchemaBuilder().log();
    expect(log.upQueries.map((q) => q.query)).toEqual([]);
  });
});
