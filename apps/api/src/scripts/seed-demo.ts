import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { createDataSource } from '../database/create-data-source';
import { PasswordHasher } from '../modules/users/password-hasher';
import { buildDemoData, type DemoData } from './seed/demo-data';
import { Random } from './seed/random';
import { checkCounters, insertRows, recomputeTicketCounters, TABLES } from './seed/sql';

/**
 * `npm run seed:demo`: a NEW demo organization (owner, agents, instances, stages, ~300 leads and their tickets
 * over the last 90 days with tracking, messages, sales and timeline), so it can be run again and again.
 * PostgreSQL when DATABASE_URL is set, else the embedded PGlite (PGLITE_DATA_DIR). Plain SQL, one transaction.
 *
 * Optional: SEED_DEMO_SEED (PRNG seed, default 20250101), SEED_DEMO_LEADS (default 300),
 * SEED_DEMO_PASSWORD (default demo12345).
 */

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer (got "${raw}")`);
  return value;
}

async function referenceData(m: EntityManager) {
  const platforms = await m.query<{ id: string; key: string }[]>('SELECT id, key FROM ad_platforms');
  const types = await m.query<{ id: string; key: string; platform_key: string }[]>(
    `SELECT t.id, t.key, p.key AS platform_key FROM tracking_identifier_types t JOIN ad_platforms p ON p.id = t.ad_platform_id`,
  );
  return {
    platformIds: new Map(platforms.map((p) => [p.key, p.id])),
    identifierTypes: new Map(types.map((t) => [t.key, { id: t.id, platformKey: t.platform_key }])),
  };
}

/** Evolution webhooks authenticate with the instance's token (a column added with WhatsApp ingestion). */
async function giveWebhookTokens(m: EntityManager, data: DemoData): Promise<void> {
  const [column] = await m.query<unknown[]>(
    `SELECT 1 FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = 'whatsapp_instances' AND column_name = 'webhook_token'`,
  );
  if (!column) return;
  for (const instance of data.instances) {
    await m.query('UPDATE whatsapp_instances SET webhook_token = $2 WHERE organization_id = $1 AND id = $3', [
      data.organization.id,
      randomBytes(24).toString('hex'),
      instance.id,
    ]);
  }
}

async function insertAll(m: EntityManager, data: DemoData): Promise<void> {
  await insertRows(m, TABLES.organizations, [data.organization]);
  await insertRows(m, TABLES.users, data.users);
  await insertRows(m, TABLES.instances, data.instances);
  await giveWebhookTokens(m, data);
  await insertRows(m, TABLES.stages, data.stages);
  await insertRows(m, TABLES.leads, data.leads);
  await insertRows(m, TABLES.conversations, data.conversations);
  await insertRows(m, TABLES.tickets, data.tickets);
  await insertRows(m, TABLES.trackings, data.trackings);
  await insertRows(m, TABLES.identifiers, data.identifiers);
  await insertRows(m, TABLES.messages, data.messages);
  await insertRows(m, TABLES.sales, data.sales);
  await insertRows(m, TABLES.events, data.events);
  await recomputeTicketCounters(m, data.organization.id);
}

async function main(): Promise<void> {
  const seed = positiveInt('SEED_DEMO_SEED', 20250101);
  const leadCount = positiveInt('SEED_DEMO_LEADS', 300);
  const password = process.env.SEED_DEMO_PASSWORD || 'demo12345';
  const config = loadConfig();
  const logger = new Logger('SeedDemo');
  const startedAt = Date.now();
  const dataSource = await createDataSource(config, logger, { runMigrations: true });
  try {
    const passwordHash = await new PasswordHasher().hash(password);
    const now = new Date();
    const runTag = now.getTime().toString(36);
    const data = await dataSource.transaction(async (m) => {
      const data = buildDemoData({
        random: new Random(seed),
        now,
        runTag,
        passwordHash,
        leadCount,
        ...(await referenceData(m)),
      });
      await insertAll(m, data);
      return data;
    });
    const check = await checkCounters(dataSource.manager, data.organization.id);
    const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
    const owner = data.users.find((u) => u.role === 'owner')!;
    const lines = [
      '',
      `Demo organization "${data.organization.name}" created in ${seconds}s (seed ${seed}):`,
      `  ${data.users.length} users, ${data.instances.length} WhatsApp instances, ${data.stages.length} stages`,
      `  ${data.leads.length} leads, ${check.tickets} tickets, ${check.messages} messages, ${check.sales} sales ` +
        `(R$ ${check.salesTotal}), ${data.events.length} timeline events`,
      `  counters: ${check.mismatched === 0 && check.statusMismatched === 0 ? 'OK' : 'MISMATCH'} ` +
        `(${check.mismatched} tickets with wrong counters, ${check.statusMismatched} with a wrong status)`,
      '',
      `  Open ${config.publicUrl} and sign in:`,
      `    owner  ${owner.email}  /  ${password}`,
      ...data.users.filter((u) => u !== owner).map((u) => `    agent  ${u.email}  /  ${password}`),
      '',
    ];
    console.log(lines.join('\n'));
    if (check.mismatched !== 0 || check.statusMismatched !== 0) process.exitCode = 1;
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
