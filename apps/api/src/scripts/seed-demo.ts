import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig } from '../config/app-config';
import { createDataSource } from '../database/create-data-source';
import { PasswordHasher } from '../modules/users/password-hasher';
import { seedDemoOrganization } from './seed/seed-demo-organization';
import { checkCounters } from './seed/sql';

/**
 * `npm run seed:demo`: a NEW demo organization (owner, agents, instances, stages, ~300 leads and their tickets
 * over the last 90 days with tracking, messages, sales and timeline), so it can be run again and again.
 * PostgreSQL when DATABASE_URL is set, else the embedded PGlite (PGLITE_DATA_DIR). Migrations run first; plain
 * SQL, one transaction (seedDemoOrganization, which the e2e test runs too). An embedded database that a running
 * server holds is refused (DatabaseLockedError, exit code 1, nothing written): seeding through the server would
 * need a seeding route in production.
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
    const summary = await dataSource.transaction((m) =>
      seedDemoOrganization(m, { seed, now: new Date(), passwordHash, leadCount }),
    );
    const { counts } = summary;
    const check = await checkCounters(dataSource.manager, summary.organizationId);
    const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
    const lines = [
      '',
      `Demo organization "${summary.organizationName}" created in ${seconds}s (seed ${seed}):`,
      `  ${counts.users} users, ${counts.instances} WhatsApp instances, ${counts.stages} stages`,
      `  ${counts.leads} leads, ${check.tickets} tickets, ${check.messages} messages, ${check.sales} sales ` +
        `(R$ ${check.salesTotal}), ${counts.events} timeline events`,
      `  counters: ${check.mismatched === 0 && check.statusMismatched === 0 ? 'OK' : 'MISMATCH'} ` +
        `(${check.mismatched} tickets with wrong counters, ${check.statusMismatched} with a wrong status)`,
      '',
      `  Open ${config.publicUrl} and sign in:`,
      `    owner  ${summary.ownerEmail}  /  ${password}`,
      ...summary.agentEmails.map((email) => `    agent  ${email}  /  ${password}`),
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
