// Bulk seed of one organization with INSERT ... SELECT generate_series: every value is a function of the
// ticket ordinal i (hashint4), computed once in the UNLOGGED staging table bench_t.
import pg from 'pg';
import { cpuBetween, cpuSnapshot } from './cpu.mjs';
import { createRequire } from 'node:module';
import { DIST_DIR } from './server.mjs';

// Names and area codes come from the demo seed's catalog, and platform and paid/organic from the API's own
// attribution rules (both compiled into dist), so the bench data is classified as the API would classify it.
const requireDist = createRequire(import.meta.url);
const { FEMALE_NAMES, MALE_NAMES, SURNAMES, DDDS } = requireDist(`${DIST_DIR}/scripts/seed/catalog.js`);
const { derivePlatformKey, deriveSourceType } = requireDist(`${DIST_DIR}/modules/tracking/attribution.js`);

const FIRST_NAMES = [...FEMALE_NAMES, ...MALE_NAMES];
const MESSAGES_IN = [
  'Olá! Vi o anúncio e gostaria de um orçamento.',
  'Qual o valor e o prazo de entrega?',
  'Vocês parcelam no cartão?',
  'Pode me mandar mais fotos?',
  'Fechado, pode mandar o contrato.',
];
const MESSAGES_OUT = [
  'Oi! Tudo bem? Vou te ajudar com o orçamento.',
  'Segue a proposta: em até 10x sem juros.',
  'Consigo agendar uma visita técnica sem custo.',
  'Obrigado pelo contato! Qualquer dúvida é só chamar.',
];

/**
 * Traffic mix, 20 slots (a slot's share is 5% of the tickets):
 * google cpc 25%, facebook 15%, instagram 10%, click-to-WhatsApp 10%, tiktok 5% (all paid, with click ids);
 * google organic 10%, instagram bio 5%, newsletter 5%, direct 15% (organic).
 * Each: [utm_source, utm_medium, campaigns, platform of the click id, click id key, with an ad id]; the ticket's
 * platform and paid/organic then come from the API's rules.
 */
const PROFILES = [
  ...Array(5).fill(['google', 'cpc', ['search_marca', 'search_generica', 'pmax_vendas'], 'google_ads', 'gclid', false]),
  ...Array(3).fill([
    'facebook',
    'paid_social',
    ['lancamento', 'remarketing_30d', 'black_friday'],
    'meta_ads',
    'fbclid',
    false,
  ]),
  ...Array(2).fill(['instagram', 'paid_social', ['stories_closet', 'reels_home_office'], 'meta_ads', 'fbclid', false]),
  ...Array(2).fill(['meta', 'click_to_whatsapp', ['ctwa_orcamento', 'ctwa_promo'], 'meta_ads', 'ctwaclid', true]),
  ['tiktok', 'paid_social', ['tiktok_antes_depois'], 'tiktok_ads', 'ttclid', false],
  ...Array(2).fill(['google', 'organic', [null], null, null, false]),
  ['instagram', 'social', ['link_na_bio'], null, null, false],
  ['newsletter', 'email', ['newsletter_semanal'], null, null, false],
  ...Array(3).fill([null, null, [null], null, null, false]),
];

const CLICK_PREFIX = { gclid: 'Cj0KCQjw', fbclid: 'IwAR', ctwaclid: 'ARA', ttclid: 'E.C.P.' };

const lit = (value) => (value === null ? 'NULL' : `'${String(value).replace(/'/g, "''")}'`);
const textArray = (values) => `ARRAY[${values.map(lit).join(', ')}]::text[]`;
const uuidOf = (prefix, expr) => `('${prefix}-0000-4000-8000-' || lpad(to_hex(${expr}), 12, '0'))::uuid`;

export function stagingSql({ tickets, leads, now, stages }) {
  const closed = `ARRAY[${stages.map((s) => (s.isClosed ? 'true' : 'false')).join(', ')}]::boolean[]`;
  const profiles = PROFILES.map(([source, medium, campaigns, clickPlatform, click, ad], p) => {
    const platform = derivePlatformKey(click ? [clickPlatform] : [], source, medium);
    const paid = deriveSourceType(click !== null, medium) === 'paid';
    return `(${p}, ${lit(source)}, ${lit(medium)}, ${textArray(campaigns)}, ${lit(platform)}, ${lit(click)}, ${paid}, ${ad})`;
  }).join(',\n      ');
  const h = (salt) => `(hashint4(i + ${salt})::bigint + 2147483648)`;
  // Open stages get the share 30/40/... and the closed stage(s) the rest; with the 3 default stages:
  // Novo 30%, Em Andamento 40%, Fechado 30%.
  return [
    `DROP TABLE IF EXISTS bench_t, bench_profiles`,
    `CREATE UNLOGGED TABLE bench_profiles AS
     SELECT v.*, p.id AS platform_id, it.id AS identifier_type_id
     FROM (VALUES
      ${profiles}
     ) AS v(profile, utm_source, utm_medium, campaigns, platform_key, click_key, paid, with_ad)
     LEFT JOIN ad_platforms p ON p.key = v.platform_key
     LEFT JOIN tracking_identifier_types it ON it.key = v.click_key`,
    `CREATE UNLOGGED TABLE bench_t AS
     SELECT b.*,
       ${uuidOf('b1000000', 'b.i')} AS id,
       ${uuidOf('a1000000', 'b.lead_i')} AS lead_id,
       ${uuidOf('c1000000', 'b.lead_i')} AS conversation_id,
       ${uuidOf('d1000000', 'b.i')} AS tracking_id,
       (${closed})[b.stage_pos + 1] AS is_closed,
       CASE WHEN (${closed})[b.stage_pos + 1] AND b.h3 % 3 <> 0 THEN (CASE WHEN b.h4 % 4 = 0 THEN 2 ELSE 1 END) ELSE 0 END
         AS sale_count,
       round(100 + (b.h4 % 500000) / 100.0, 2) AS v1,
       round(50 + (b.h5 % 200000) / 100.0, 2) AS v2,
       LEAST(b.created_at + interval '30 minutes', '${now}'::timestamptz) AS stage_at,
       LEAST(b.created_at + interval '2 hours', '${now}'::timestamptz) AS sold1_at,
       LEAST(b.created_at + interval '3 days', '${now}'::timestamptz) AS sold2_at
     FROM (
       SELECT i, h1, h2, h3, h4, h5,
         ((i - 1) % ${leads}) + 1 AS lead_i,
         '${now}'::timestamptz - (${tickets} - i) * (interval '180 days' / ${tickets}) - (h1 % 3600) * interval '1 second'
           - interval '1 minute' AS created_at,
         CASE WHEN h2 % 10 < 3 THEN 0 WHEN h2 % 10 < 7 THEN 1 ELSE 2 END AS stage_pos,
         h3 % 5 AS assignee_slot,
         CASE WHEN h4 % 10 = 0 THEN 0 ELSE round(((h4 / 10) % 2000000) / 100.0, 2) END AS deal_value,
         h5 % 20 AS profile,
         1 + (h1 / 3600) % 5 AS msg_count
       FROM (SELECT i, ${h(0)} AS h1, ${h(1_000_003)} AS h2, ${h(2_000_003)} AS h3, ${h(3_000_017)} AS h4,
                    ${h(4_000_037)} AS h5
             FROM generate_series(1, ${tickets}) i) x
     ) b`,
    `ALTER TABLE bench_t ADD PRIMARY KEY (i)`,
    `ANALYZE bench_t`,
  ];
}

/** Statements in dependency order; each inner array may run on its own connection, in parallel with the others. */
export function seedPlan(ctx) {
  const { org, instanceId, stages, users, tickets, leads, now } = ctx;
  const stageIds = `ARRAY[${stages.map((s) => lit(s.id)).join(', ')}]::uuid[]`;
  const stageNames = textArray(stages.map((s) => s.name));
  const userIds = `ARRAY[${users.map((u) => lit(u.id)).join(', ')}]::uuid[]`;
  const userNames = textArray(users.map((u) => u.name));
  const O = lit(org);
  const firstNames = textArray(FIRST_NAMES);
  const surnames = textArray(SURNAMES);
  const ddds = textArray(DDDS);
  const phoneNum = `(60000000 + (b.i::bigint * 7919) % 40000000)::text`;
  const ddd = `(${ddds})[1 + b.i % ${DDDS.length}]`;
  const assigneeId = `CASE WHEN b.assignee_slot = 0 THEN NULL ELSE (${userIds})[1 + (b.assignee_slot - 1) % ${users.length}] END`;
  const assigneeName = `CASE WHEN b.assignee_slot = 0 THEN NULL ELSE (${userNames})[1 + (b.assignee_slot - 1) % ${users.length}] END`;
  const actor = `CASE WHEN b.assignee_slot = 0 THEN 'system' ELSE 'user' END, ${assigneeId}, COALESCE(${assigneeName}, 'WhaTrack')`;
  const actorColumns = `CASE WHEN b.assignee_slot = 0 THEN 'system' ELSE 'user' END AS actor_type, ${assigneeId} AS actor_id,
    COALESCE(${assigneeName}, 'WhaTrack') AS actor_name`;
  const salesTotal = `(CASE WHEN b.sale_count >= 1 THEN b.v1 ELSE 0 END + CASE WHEN b.sale_count = 2 THEN b.v2 ELSE 0 END)`;
  const updatedAt = `CASE b.sale_count WHEN 2 THEN b.sold2_at WHEN 1 THEN b.sold1_at ELSE
      CASE WHEN b.stage_pos > 0 THEN b.stage_at ELSE b.created_at END END`;
  return [
    [
      `INSERT INTO leads (id, organization_id, name, phone, phone_key, created_at, updated_at)
       SELECT b.lead_id, ${O},
         (${firstNames})[1 + (b.h2 / 10) % ${FIRST_NAMES.length}] || ' ' || (${surnames})[1 + (b.h3 / 5) % ${SURNAMES.length}]
           || CASE WHEN (b.h4 / 7) % 3 = 0 THEN ' ' || (${surnames})[1 + (b.h5 / 20) % ${SURNAMES.length}] ELSE '' END,
         '+55' || ${ddd} || '9' || ${phoneNum}, '+55' || ${ddd} || ${phoneNum}, b.created_at, b.created_at
       FROM bench_t b WHERE b.i <= ${leads} ORDER BY b.i`,
      `INSERT INTO whatsapp_conversations (id, organization_id, lead_id, instance_id, last_message_at, created_at, updated_at)
       SELECT b.conversation_id, ${O}, b.lead_id, ${lit(instanceId)}, last.created_at + last.msg_count * interval '1 minute',
         b.created_at, last.created_at + last.msg_count * interval '1 minute'
       FROM bench_t b JOIN bench_t last ON last.i = CASE WHEN b.i <= ${tickets - leads} THEN b.i + ${leads} ELSE b.i END
       WHERE b.i <= ${leads} ORDER BY b.i`,
      `INSERT INTO tickets (id, organization_id, conversation_id, lead_id, stage_id, assignee_id, assignee_name, deal_value,
         creator_type, source_type, status, closed_at, messages_count, sales_count, sales_total, created_at, updated_at)
       SELECT b.id, ${O}, b.conversation_id, b.lead_id, (${stageIds})[b.stage_pos + 1], ${assigneeId}, ${assigneeName},
         b.deal_value, CASE WHEN b.h5 % 3 = 0 THEN 'USER' ELSE 'SYSTEM' END,
         CASE WHEN p.paid THEN 'paid' ELSE 'organic' END,
         CASE WHEN b.is_closed THEN 'closed' ELSE 'open' END, CASE WHEN b.is_closed THEN b.stage_at END,
         b.msg_count, b.sale_count, ${salesTotal}, b.created_at, ${updatedAt}
       FROM bench_t b JOIN bench_profiles p ON p.profile = b.profile ORDER BY b.i`,
    ],
    [
      [
        `INSERT INTO ticket_trackings (id, organization_id, ticket_id, utm_source, utm_medium, utm_campaign, utm_content,
           ad_platform_id, ad_id, source_url, created_at, updated_at)
         SELECT b.tracking_id, ${O}, b.id, p.utm_source, p.utm_medium,
           p.campaigns[1 + (b.h1 / 7) % cardinality(p.campaigns)],
           CASE WHEN p.paid THEN 'criativo_' || (1 + b.h2 % 4) END,
           p.platform_id, CASE WHEN p.with_ad THEN '12021' || lpad((b.h3 % 10000000000000)::text, 13, '0') END,
           CASE WHEN p.utm_source IS NOT NULL THEN 'https://www.lojademo.com.br/orcamento?utm_source=' || p.utm_source END,
           b.created_at, b.created_at
         FROM bench_t b JOIN bench_profiles p ON p.profile = b.profile ORDER BY b.i`,
        `INSERT INTO ticket_tracking_identifiers (id, organization_id, tracking_id, identifier_type_id, value, created_at, updated_at)
         SELECT ${uuidOf('e1000000', 'b.i')}, ${O}, b.tracking_id, p.identifier_type_id,
           CASE p.click_key ${Object.entries(CLICK_PREFIX)
             .map(([k, v]) => `WHEN ${lit(k)} THEN ${lit(v)}`)
             .join(' ')} END || md5(b.i::text) || md5(b.h1::text),
           b.created_at, b.created_at
         FROM bench_t b JOIN bench_profiles p ON p.profile = b.profile WHERE p.identifier_type_id IS NOT NULL ORDER BY b.i`,
      ],
      [
        `INSERT INTO whatsapp_messages (id, organization_id, conversation_id, ticket_id, instance_id, provider_message_id,
           direction, type, body, status, sent_at, created_at, updated_at)
         SELECT ${uuidOf('f1000000', 'b.i * 8 + k')}, ${O}, b.conversation_id, b.id, ${lit(instanceId)},
           'wamid.BENCH' || b.i || '.' || k,
           CASE WHEN k % 2 = 1 THEN 'in' ELSE 'out' END, 'text',
           CASE WHEN k % 2 = 1 THEN (${textArray(MESSAGES_IN)})[1 + (b.h2 + k) % ${MESSAGES_IN.length}]
                ELSE (${textArray(MESSAGES_OUT)})[1 + (b.h3 + k) % ${MESSAGES_OUT.length}] END,
           CASE WHEN k % 2 = 0 THEN 'read' END,
           b.created_at + k * interval '1 minute', b.created_at + k * interval '1 minute', b.created_at + k * interval '1 minute'
         FROM bench_t b CROSS JOIN LATERAL generate_series(1, b.msg_count) k ORDER BY b.i, k`,
      ],
      [
        `INSERT INTO sales (id, organization_id, ticket_id, value, description, sold_at, created_by_user_id, created_at, updated_at)
         SELECT ${uuidOf('a2000000', 'b.i * 2 + k')}, ${O}, b.id, CASE k WHEN 1 THEN b.v1 ELSE b.v2 END,
           CASE k WHEN 1 THEN 'Venda ' || b.i ELSE 'Complemento ' || b.i END,
           CASE k WHEN 1 THEN b.sold1_at ELSE b.sold2_at END, ${assigneeId},
           CASE k WHEN 1 THEN b.sold1_at ELSE b.sold2_at END, CASE k WHEN 1 THEN b.sold1_at ELSE b.sold2_at END
         FROM bench_t b CROSS JOIN LATERAL generate_series(1, b.sale_count) k ORDER BY b.i, k`,
        // One timeline in time order (seq follows it): created, stage_changed, sale_added.
        `INSERT INTO ticket_events (id, organization_id, ticket_id, type, actor_type, actor_id, actor_name, before, after,
           created_at, updated_at)
         SELECT gen_random_uuid(), ${O}, e.ticket_id, e.type, e.actor_type, e.actor_id, e.actor_name, e.before, e.after, e.at, e.at
         FROM (
           SELECT b.id AS ticket_id, 'created' AS type, ${actorColumns},
             NULL::jsonb AS before,
             jsonb_build_object('stageId', (${stageIds})[1], 'stageName', (${stageNames})[1], 'assigneeId', NULL, 'dealValue', 0) AS after,
             b.created_at AS at, 0 AS ord
           FROM bench_t b
           UNION ALL
           SELECT b.id, 'stage_changed', ${actor},
             jsonb_build_object('stageId', (${stageIds})[1], 'stageName', (${stageNames})[1]),
             jsonb_build_object('stageId', (${stageIds})[b.stage_pos + 1], 'stageName', (${stageNames})[b.stage_pos + 1]),
             b.stage_at, 1
           FROM bench_t b WHERE b.stage_pos > 0
           UNION ALL
           SELECT b.id, 'sale_added', ${actor}, NULL,
             jsonb_build_object('saleId', ${uuidOf('a2000000', 'b.i * 2 + k')}, 'value', CASE k WHEN 1 THEN b.v1 ELSE b.v2 END),
             CASE k WHEN 1 THEN b.sold1_at ELSE b.sold2_at END, 1 + k
           FROM bench_t b CROSS JOIN LATERAL generate_series(1, b.sale_count) k
         ) e ORDER BY e.at, e.ord`,
      ],
    ],
  ];
}

const VACUUM_GROUPS = [
  ['whatsapp_messages'],
  [
    'tickets',
    'leads',
    'whatsapp_conversations',
    'ticket_trackings',
    'ticket_tracking_identifiers',
    'sales',
    'ticket_events',
    'ticket_stages',
    'users',
    'organizations',
    'whatsapp_instances',
  ],
  ['ticket_rollup_parts', 'ticket_rollups', 'ticket_queue_cells', 'ticket_reach_parts', 'ticket_reach_rollups'],
];

/**
 * A seeding session: no JIT (generate_series row estimates make the planner compile for nothing), no commit
 * flush wait, and, when the role may (superuser), no per-row foreign-key triggers: referential integrity is
 * checked once afterwards, set-based, by `foreignKeyViolations`.
 */
async function connect(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('SET synchronous_commit = off');
  await client.query('SET jit = off');
  await client.query("SET work_mem = '128MB'");
  await client.query("SET maintenance_work_mem = '256MB'");
  let fkTriggers = true;
  try {
    await client.query('SET session_replication_role = replica');
    fkTriggers = false;
  } catch {
    // not a superuser: the foreign keys are checked row by row (slower)
  }
  return { client, fkTriggers };
}

const SEEDED_TABLES = [
  'leads',
  'whatsapp_conversations',
  'tickets',
  'ticket_trackings',
  'ticket_tracking_identifiers',
  'whatsapp_messages',
  'sales',
  'ticket_events',
];

/**
 * Secondary indexes of the seeded tables (not backing a primary key, unique or foreign-key constraint) are
 * dropped before the load and rebuilt after it with their exact definitions: one sort per index (and a bulk
 * GIN build for the trigram ones) instead of 600k incremental insertions into ~30 indexes.
 */
async function dropSecondaryIndexes(client) {
  const { rows } = await client.query(
    `SELECT i.indexrelid::regclass::text AS name, t.relname AS "table", pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
     WHERE t.relname = ANY($1) AND t.relnamespace = current_schema()::regnamespace
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    [SEEDED_TABLES],
  );
  for (const index of rows) await client.query(`DROP INDEX ${index.name}`);
  return rows;
}

/** Rebuilds the dropped indexes, biggest tables first, spread over the sessions. */
async function rebuildIndexes(clients, indexes) {
  const order = ['whatsapp_messages', 'ticket_events', 'tickets', 'ticket_trackings', 'leads'];
  const rank = (index) => (order.includes(index.table) ? order.indexOf(index.table) : order.length);
  const queue = [...indexes].sort((a, b) => rank(a) - rank(b));
  await Promise.all(
    clients.map(async (client) => {
      for (let index = queue.shift(); index; index = queue.shift()) await client.query(index.definition);
    }),
  );
}

/** Rows of the seeded tables whose foreign keys point nowhere, per constraint (set-based anti-joins). */
export async function foreignKeyViolations(client) {
  const { rows: constraints } = await client.query(
    `SELECT c.conname, c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent,
            array_agg(ca.attname::text ORDER BY k.ord) AS child_cols, array_agg(pa.attname::text ORDER BY k.ord) AS parent_cols
     FROM pg_constraint c
     CROSS JOIN LATERAL unnest(c.conkey, c.confkey) WITH ORDINALITY AS k(child_att, parent_att, ord)
     JOIN pg_attribute ca ON ca.attrelid = c.conrelid AND ca.attnum = k.child_att
     JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = k.parent_att
     WHERE c.contype = 'f' AND c.conrelid::regclass::text = ANY($1)
     GROUP BY c.conname, c.conrelid, c.confrelid`,
    [SEEDED_TABLES],
  );
  const violations = [];
  for (const fk of constraints) {
    const q = (name) => `"${name}"`;
    const notNull = fk.child_cols.map((col) => `c.${q(col)} IS NOT NULL`).join(' AND ');
    const match = fk.child_cols.map((col, i) => `p.${q(fk.parent_cols[i])} = c.${q(col)}`).join(' AND ');
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM ${fk.child} c WHERE ${notNull} AND NOT EXISTS (SELECT 1 FROM ${fk.parent} p WHERE ${match})`,
    );
    if (rows[0].n > 0) violations.push(`${fk.conname} (${fk.child} -> ${fk.parent}): ${rows[0].n}`);
  }
  return { checked: constraints.length, violations };
}

/**
 * Seeds `tickets` tickets (`leads` leads, one conversation each) with trackings, identifiers, ~3 messages per
 * ticket, sales on ~20% and their events, then VACUUM ANALYZE. Returns the timings and the row counts.
 */
/** Migration TicketQueue's backfill: each ticket's last message, and what waits since its last outbound one. */
const QUEUE_BACKFILL = [
  `UPDATE tickets t SET last_message_at = l.sent_at, last_message_preview = whatsapp_message_preview(l.type, l.body),
     last_message_type = l.type, last_message_direction = l.direction
   FROM (SELECT DISTINCT ON (organization_id, ticket_id) organization_id, ticket_id, sent_at, type, body, direction
         FROM whatsapp_messages WHERE type <> 'system'
         ORDER BY organization_id, ticket_id, sent_at DESC, created_at DESC, id DESC) l
   WHERE t.organization_id = l.organization_id AND t.id = l.ticket_id`,
  `UPDATE tickets t SET waiting_since = w.since, unread_count = w.n
   FROM (SELECT m.organization_id, m.ticket_id, min(m.sent_at) AS since, count(*)::int AS n
         FROM whatsapp_messages m
         LEFT JOIN (SELECT organization_id, ticket_id, max(sent_at) AS at FROM whatsapp_messages
                    WHERE direction = 'out' GROUP BY organization_id, ticket_id) o
           ON o.organization_id = m.organization_id AND o.ticket_id = m.ticket_id
         WHERE m.direction = 'in' AND m.type <> 'system' AND m.sent_at > COALESCE(o.at, '-infinity')
         GROUP BY m.organization_id, m.ticket_id) w
   WHERE t.organization_id = w.organization_id AND t.id = w.ticket_id`,
];

export async function seed(url, ctx, log = () => {}) {
  const sessions = await Promise.all([connect(url), connect(url), connect(url)]);
  const clients = sessions.map((s) => s.client);
  const [main] = clients;
  const timings = [];
  const timed = async (label, fn) => {
    const t0 = performance.now();
    const slot = timings.push([label, 0]) - 1;
    await fn();
    timings[slot][1] = performance.now() - t0;
  };
  // Each INSERT on its own line, indented under its phase.
  const statement = async (client, sql, lane = '') => {
    const t0 = performance.now();
    await client.query(sql);
    const table = /^\s*INSERT INTO (\w+)/.exec(sql)?.[1];
    if (table) timings.push([`    ${lane}${table}`, performance.now() - t0]);
  };
  const backends = await Promise.all(
    clients.map(async (c) => (await c.query('SELECT pg_backend_pid() AS pid')).rows[0].pid),
  );
  try {
    const started = performance.now();
    const cpuBefore = cpuSnapshot(process.pid, backends);
    const now = ctx.now.toISOString();
    await timed('staging', async () => {
      for (const sql of stagingSql({ ...ctx, now })) await main.query(sql);
    });
    const [sequential, parallel] = seedPlan({ ...ctx, now });
    let dropped = [];
    await timed('drop secondary indexes', async () => {
      dropped = await dropSecondaryIndexes(main);
    });
    await timed('leads, conversations, tickets', async () => {
      for (const sql of sequential) await statement(main, sql);
    });
    await timed('trackings+identifiers | messages | sales+events (parallel)', () =>
      Promise.all(
        parallel.map(async (group, index) => {
          for (const sql of group) await statement(clients[index], sql, `[connection ${index + 1}] `);
        }),
      ),
    );
    await main.query('DROP TABLE bench_t, bench_profiles');
    // The message trigger is off during the load (replica role): the queue columns as migration TicketQueue
    // backfills them, before the tickets' indexes are rebuilt.
    await timed('tickets queue columns (last message, unread, waiting)', async () => {
      for (const sql of QUEUE_BACKFILL) await main.query(sql);
    });
    // Likewise the rollup triggers: the organization's parts and cells rebuilt set-based, as the migration does.
    // (Builds from before the rollups, measured for comparison, have none.)
    await timed('ticket rollups and queue cells', async () => {
      const { rows } = await main.query(`SELECT to_regproc('ticket_queue_rebuild') IS NOT NULL AS present`);
      if (rows[0].present) await main.query('SELECT ticket_rollups_rebuild($1), ticket_queue_rebuild($1)', [ctx.org]);
    });
    await timed(`rebuild ${dropped.length} secondary indexes`, () => rebuildIndexes(clients.slice(0, 2), dropped));
    const insertMs = performance.now() - started;
    log(`  rows inserted and indexed in ${(insertMs / 1000).toFixed(1)} s; VACUUM ANALYZE...`);
    await timed('VACUUM ANALYZE', () =>
      Promise.all(
        VACUUM_GROUPS.map(async (tables, index) => {
          for (const table of tables) {
            const { rows } = await clients[index].query('SELECT to_regclass($1) IS NOT NULL AS present', [table]);
            if (rows[0].present) await clients[index].query(`VACUUM ANALYZE ${table}`);
          }
        }),
      ),
    );
    const totalMs = performance.now() - started;
    const cpu = cpuBetween(cpuBefore, cpuSnapshot(process.pid, backends));
    const t0 = performance.now();
    const integrity = await foreignKeyViolations(main);
    timings.push(['foreign-key check (after the timed seed)', performance.now() - t0]);
    const { rows } = await main.query(
      `SELECT (SELECT count(*) FROM leads)::int AS leads, (SELECT count(*) FROM whatsapp_conversations)::int AS conversations,
              (SELECT count(*) FROM tickets)::int AS tickets, (SELECT count(*) FROM ticket_trackings)::int AS trackings,
              (SELECT count(*) FROM ticket_tracking_identifiers)::int AS identifiers,
              (SELECT count(*) FROM whatsapp_messages)::int AS messages, (SELECT count(*) FROM sales)::int AS sales,
              (SELECT count(*) FROM ticket_events)::int AS events`,
    );
    return { insertMs, totalMs, timings, counts: rows[0], fkTriggers: sessions[0].fkTriggers, integrity, cpu };
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}

/** Tickets whose counters differ from the real counts and sums (must be 0). */
export async function counterMismatches(client, org) {
  const { rows } = await client.query(
    `SELECT count(*)::int AS n
     FROM tickets t
     LEFT JOIN (SELECT ticket_id, count(*) AS n FROM whatsapp_messages WHERE organization_id = $1 GROUP BY ticket_id) m
       ON m.ticket_id = t.id
     LEFT JOIN (SELECT ticket_id, count(*) AS n, sum(value) AS total FROM sales WHERE organization_id = $1 GROUP BY ticket_id) s
       ON s.ticket_id = t.id
     WHERE t.organization_id = $1
       AND (t.messages_count <> COALESCE(m.n, 0) OR t.sales_count <> COALESCE(s.n, 0) OR t.sales_total <> COALESCE(s.total, 0))`,
    [org],
  );
  return rows[0].n;
}
