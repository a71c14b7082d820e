import type { EntityManager } from 'typeorm';
import { buildDemoData, type DemoData } from './demo-data';
import { Random } from './random';
import { insertRows, recomputeTicketCounters, TABLES } from './sql';

export interface SeedDemoOptions {
  /** PRNG seed: the same seed gives the same names, traffic, timeline and messages (not the same ids). */
  seed: number;
  now: Date;
  /** Makes user emails and instance ids unique per run; defaults to `now` in base 36. */
  runTag?: string;
  /** Password hash of every demo user. */
  passwordHash: string;
  leadCount: number;
}

export interface DemoSeedSummary {
  organizationId: string;
  organizationName: string;
  ownerEmail: string;
  agentEmails: string[];
  counts: {
    users: number;
    instances: number;
    stages: number;
    leads: number;
    tickets: number;
    trackings: number;
    identifiers: number;
    messages: number;
    sales: number;
    events: number;
  };
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

async function insertAll(m: EntityManager, data: DemoData): Promise<void> {
  await insertRows(m, TABLES.organizations, [data.organization]);
  await insertRows(m, TABLES.users, data.users);
  await insertRows(m, TABLES.instances, data.instances);
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

/**
 * Builds one NEW demo organization and inserts it with `m` (the caller's transaction, on a migrated database),
 * ticket counters included. Returns what was created.
 */
export async function seedDemoOrganization(m: EntityManager, options: SeedDemoOptions): Promise<DemoSeedSummary> {
  const data = buildDemoData({
    random: new Random(options.seed),
    now: options.now,
    runTag: options.runTag ?? options.now.getTime().toString(36),
    passwordHash: options.passwordHash,
    leadCount: options.leadCount,
    ...(await referenceData(m)),
  });
  await insertAll(m, data);
  const owner = data.users.find((u) => u.role === 'owner');
  if (!owner) throw new Error('The demo organization has no owner');
  return {
    organizationId: data.organization.id,
    organizationName: data.organization.name,
    ownerEmail: owner.email,
    agentEmails: data.users.filter((u) => u !== owner).map((u) => u.email),
    counts: {
      users: data.users.length,
      instances: data.instances.length,
      stages: data.stages.length,
      leads: data.leads.length,
      tickets: data.tickets.length,
      trackings: data.trackings.length,
      identifiers: data.identifiers.length,
      messages: data.messages.length,
      sales: data.sales.length,
      events: data.events.length,
    },
  };
}
