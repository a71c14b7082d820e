import { randomUUID } from 'node:crypto';
import { normalizePhone } from '../../common/phone/phone';
import { DEFAULT_STAGES } from '../../modules/stages/ensure-ticket-stages';
import { derivePlatformKey, deriveSourceType } from '../../modules/tracking/attribution';
import {
  DDDS,
  DEMO_COMPANY,
  DEMO_USERS,
  type DemoStage,
  EMAIL_DOMAINS,
  EXTRA_STAGE,
  FEMALE_NAMES,
  MALE_NAMES,
  PRODUCTS,
  STORE_URL,
  SURNAMES,
  TRAFFIC,
  type TrafficProfile,
} from './catalog';
import { conversationScript } from './conversation-script';
import type { Random } from './random';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const DAYS_BACK = 90;

type Row = Record<string, unknown>;

export interface DemoOptions {
  random: Random;
  now: Date;
  /** Makes the globally unique values (user emails, Cloud API phone number id) unique per run. */
  runTag: string;
  passwordHash: string;
  leadCount: number;
  /** Reference data read from the database: ad platform id by key, click-id types by key. */
  platformIds: ReadonlyMap<string, string>;
  identifierTypes: ReadonlyMap<string, { id: string; platformKey: string }>;
}

export interface DemoUserRow {
  id: string;
  name: string;
  email: string;
  role: 'owner' | 'agent';
}

export interface DemoData {
  organization: Row & { id: string; name: string };
  users: (Row & DemoUserRow)[];
  instances: Row[];
  stages: Row[];
  leads: Row[];
  conversations: Row[];
  tickets: Row[];
  trackings: Row[];
  identifiers: Row[];
  messages: Row[];
  sales: Row[];
  /** In chronological order, so the bigserial seq follows time. */
  events: Row[];
}

interface Stage {
  id: string;
  name: string;
  isClosed: boolean;
}

interface Actor {
  type: 'user' | 'system';
  id: string | null;
  name: string;
}

const SYSTEM_ACTOR: Actor = { type: 'system', id: null, name: 'WhaTrack' };

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.');
}

function firstName(name: string): string {
  return name.split(' ')[0];
}

/** Builds every row of one demo organization in memory (ids are fresh uuids, the rest comes from `random`). */
export function buildDemoData(options: DemoOptions): DemoData {
  const { random, runTag } = options;
  const now = options.now.getTime();
  const orgCreated = now - (DAYS_BACK + 5) * DAY;
  const organization = {
    id: randomUUID(),
    name: `${DEMO_COMPANY} (demo ${runTag})`,
    timezone: 'America/Sao_Paulo',
    currency: 'BRL',
    created_at: iso(orgCreated),
    updated_at: iso(orgCreated),
  };
  const org = organization.id;
  const tenant = (row: Row, createdAt: number, updatedAt = createdAt): Row => ({
    organization_id: org,
    created_at: iso(createdAt),
    updated_at: iso(updatedAt),
    ...row,
  });

  const users = DEMO_USERS.map((u) => ({
    id: randomUUID(),
    name: u.name,
    email: `${u.login}.${runTag}@auroraplanejados.com.br`,
    role: u.role,
  }));
  const userRows = users.map((u) => ({ ...tenant({ ...u, password_hash: options.passwordHash }, orgCreated) }));
  const owner = users[0];
  const agents = users.slice(1);

  const instanceMain = { id: randomUUID(), name: 'Atendimento Loja', phone: '+5511940028922' };
  const instanceCloud = { id: randomUUID(), name: 'Vendas Online (Cloud API)', phone: '+5511930307070' };
  const instances = [
    tenant(
      {
        id: instanceMain.id,
        name: instanceMain.name,
        phone_number: instanceMain.phone,
        provider: 'evolution',
        provider_phone_number_id: `aurora-loja-${runTag}`,
        provider_business_account_id: null,
      },
      orgCreated,
    ),
    tenant(
      {
        id: instanceCloud.id,
        name: instanceCloud.name,
        phone_number: instanceCloud.phone,
        provider: 'cloud_api',
        // Unique across organizations: random digits per run.
        provider_phone_number_id: String(100_000_000_000_000 + Math.floor(Math.random() * 899_999_999_999_999)),
        provider_business_account_id: String(100_000_000_000_000 + Math.floor(Math.random() * 899_999_999_999_999)),
      },
      orgCreated,
    ),
  ];

  const stageDefs: DemoStage[] = [...DEFAULT_STAGES.filter((s) => !s.isClosed), EXTRA_STAGE];
  stageDefs.push(...DEFAULT_STAGES.filter((s) => s.isClosed));
  const stages: Stage[] = stageDefs.map((s) => ({ id: randomUUID(), name: s.name, isClosed: s.isClosed }));
  const stageRows = stageDefs.map((s, position) =>
    tenant({ id: stages[position].id, name: s.name, color: s.color, position, is_closed: s.isClosed }, orgCreated),
  );

  const data: DemoData = {
    organization,
    users: userRows as DemoData['users'],
    instances,
    stages: stageRows,
    leads: [],
    conversations: [],
    tickets: [],
    trackings: [],
    identifiers: [],
    messages: [],
    sales: [],
    events: [],
  };
  const events: { at: number; order: number; row: Row }[] = [];
  const phoneKeys = new Set<string>();
  const emails = new Set<string>();
  let contractNumber = 1;

  const newPhone = (): { e164: string; key: string } => {
    for (;;) {
      const phone = normalizePhone(`+55${random.pick(DDDS)}9${random.int(6, 9)}${random.digits(7)}`);
      if (phone && !phoneKeys.has(phone.key)) {
        phoneKeys.add(phone.key);
        return phone;
      }
    }
  };

  const newPerson = () => {
    const first = random.chance(0.5) ? random.pick(FEMALE_NAMES) : random.pick(MALE_NAMES);
    const last = random.pick(SURNAMES);
    const name = random.chance(0.35) ? `${first} ${random.pick(SURNAMES)} ${last}` : `${first} ${last}`;
    let email: string | null = null;
    if (random.chance(0.35)) {
      const base = `${slug(first)}.${slug(last)}`;
      email = `${base}@${random.pick(EMAIL_DOMAINS)}`;
      while (emails.has(email)) email = `${base}${random.int(1, 999)}@${random.pick(EMAIL_DOMAINS)}`;
      emails.add(email);
    }
    return { name, email, phone: newPhone() };
  };

  /** Last activity per ticket (its updated_at). */
  const touched = new Map<string, number>();
  const addEvent = (
    ticketId: string,
    at: number,
    actor: Actor,
    type: string,
    before: Row | null,
    after: Row | null,
  ): void => {
    touched.set(ticketId, Math.max(at, touched.get(ticketId) ?? 0));
    events.push({
      at,
      order: events.length,
      row: tenant(
        {
          id: randomUUID(),
          ticket_id: ticketId,
          type,
          actor_type: actor.type,
          actor_id: actor.id,
          actor_name: actor.name,
          before,
          after,
        },
        at,
      ),
    });
  };

  const userActor = (user: DemoUserRow): Actor => ({ type: 'user', id: user.id, name: user.name });

  /** Final stage index by the ticket's age: older tickets had time to move further. */
  const finalStageFor = (ageDays: number): number => {
    const weights = ageDays < 2 ? [55, 35, 10, 0] : ageDays < 10 ? [20, 35, 30, 15] : [8, 22, 25, 45];
    return random.weighted(weights.map((weight, value) => ({ weight, value })));
  };

  const makeTicket = (
    lead: { id: string; name: string },
    conversation: { id: string; instanceId: string; cloud: boolean },
    profile: TrafficProfile,
    createdAt: number,
    latestEnd: number,
    returning: boolean,
  ): number => {
    const ticketId = randomUUID();
    const ageDays = (now - createdAt) / DAY;
    const finalStage = finalStageFor(ageDays);
    const closed = stages[finalStage].isClosed;
    const won = closed && random.chance(0.66);
    const product = random.pick(PRODUCTS);
    const quoted = Math.round(random.int(product.min, product.max) / 50) * 50;
    const assignee =
      finalStage === 0 && random.chance(0.45)
        ? null
        : random.weighted([...agents.map((a) => ({ weight: 3, value: a })), { weight: 1, value: owner }]);
    const isSystem = random.chance(profile.systemShare);
    const creator: Actor = isSystem ? SYSTEM_ACTOR : userActor(assignee ?? owner);

    // Time windows: the ticket's life is split into one window per stage reached.
    const spanCap = [1 * DAY, 5 * DAY, 12 * DAY, 25 * DAY][finalStage];
    const span = Math.min(latestEnd - createdAt, random.int(30 * MINUTE, spanCap));
    const cuts = Array.from({ length: finalStage }, () => random.next()).sort((a, b) => a - b);
    const bounds = [0, ...cuts, 1].map((f) => createdAt + Math.round(f * span));

    // Deal value: 0 until quoted (usually in the second stage); a discount sometimes at the proposal.
    let dealValue = 0;
    const setDeal = (at: number, value: number, actor: Actor): void => {
      addEvent(ticketId, at, actor, 'deal_value_changed', { dealValue }, { dealValue: value });
      dealValue = value;
    };

    addEvent(ticketId, createdAt, creator, 'created', null, {
      stageId: stages[0].id,
      stageName: stages[0].name,
      assigneeId: isSystem ? null : (assignee?.id ?? null),
      dealValue: 0,
    });
    if (isSystem && assignee) {
      addEvent(
        ticketId,
        createdAt + Math.round((bounds[1] - createdAt) * 0.1) + 1,
        userActor(owner),
        'assigned',
        { assigneeId: null, assigneeName: null },
        { assigneeId: assignee.id, assigneeName: assignee.name },
      );
    }
    const worker = assignee ? userActor(assignee) : userActor(owner);
    let closedAt: number | null = null;
    for (let stage = 1; stage <= finalStage; stage++) {
      const at = bounds[stage];
      addEvent(
        ticketId,
        at,
        worker,
        'stage_changed',
        { stageId: stages[stage - 1].id, stageName: stages[stage - 1].name },
        { stageId: stages[stage].id, stageName: stages[stage].name },
      );
      if (stages[stage].isClosed) closedAt = at;
      if (stage === 1) setDeal(at + MINUTE, quoted, worker);
      if (stage === 2 && random.chance(0.3)) setDeal(at + 2 * MINUTE, Math.round((quoted * 0.95) / 10) * 10, worker);
    }
    if (finalStage === 0 && random.chance(0.3)) setDeal(createdAt + Math.round(span / 2), quoted, worker);

    // Messages, one group per stage window.
    const groups = conversationScript(random, finalStage + 1, {
      leadFirstName: firstName(lead.name),
      agentFirstName: assignee ? firstName(assignee.name) : null,
      product: product.name,
      dealValue: dealValue || quoted,
      returning,
      won,
    });
    let lastMessage = createdAt;
    groups.forEach((group, index) => {
      const start = bounds[index] + (index === 0 ? 0 : 3 * MINUTE);
      const end = Math.max(start + group.length, bounds[index + 1] - MINUTE);
      const offsets = group.map(() => random.next()).sort((a, b) => a - b);
      group.forEach((message, i) => {
        const sentAt =
          index === 0 && i === 0
            ? createdAt
            : Math.max(start + Math.round(offsets[i] * (end - start)), lastMessage + 1000);
        lastMessage = sentAt;
        const outbound = message.direction === 'out';
        data.messages.push(
          tenant(
            {
              id: randomUUID(),
              conversation_id: conversation.id,
              ticket_id: ticketId,
              instance_id: conversation.instanceId,
              provider_message_id: conversation.cloud
                ? `wamid.HBgN${random.token(40, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}`
                : `3EB0${random.token(18, '0123456789ABCDEF')}`,
              direction: message.direction,
              type: message.type,
              body: message.body,
              status: outbound
                ? random.weighted([
                    { weight: 8, value: 'read' },
                    { weight: 2, value: 'delivered' },
                  ])
                : null,
              sent_at: iso(sentAt),
              raw: null,
            },
            sentAt,
          ),
        );
      });
    });

    // Sales: one payment, or a down payment and the balance.
    if (won && closedAt !== null) {
      const parts =
        random.chance(0.25) && dealValue >= 3_000
          ? [
              { value: Math.round(dealValue * 0.3), description: 'Sinal (30%)' },
              { value: dealValue - Math.round(dealValue * 0.3), description: 'Saldo na entrega' },
            ]
          : [{ value: dealValue, description: `${capitalize(product.name)} - contrato ${contractNumber}` }];
      contractNumber++;
      parts.forEach((part, i) => {
        const soldAt = Math.min(now - MINUTE, closedAt + (i + 1) * 5 * MINUTE + (i > 0 ? random.int(0, 10) * DAY : 0));
        const saleId = randomUUID();
        data.sales.push(
          tenant(
            {
              id: saleId,
              ticket_id: ticketId,
              value: part.value,
              description: part.description,
              sold_at: iso(soldAt),
              created_by_user_id: worker.id,
            },
            soldAt,
          ),
        );
        addEvent(ticketId, soldAt, worker, 'sale_added', null, {
          saleId,
          value: part.value,
          description: part.description,
        });
      });
    }

    const clickIds: Record<string, string> = {};
    if (profile.clickId) clickIds[profile.clickId] = clickIdValue(random, profile.clickId);
    const clickIdPlatforms = Object.keys(clickIds).map((key) => identifierType(options, key).platformKey);
    const platformKey = derivePlatformKey(clickIdPlatforms, profile.utmSource, profile.utmMedium);
    const sourceType = deriveSourceType(!!profile.clickId, profile.utmMedium);
    const campaign = random.pick(profile.campaigns);
    const term = profile.terms ? random.pick(profile.terms) : null;
    const content = profile.contents ? random.pick(profile.contents) : null;
    const trackingId = randomUUID();
    data.trackings.push(
      tenant(
        {
          id: trackingId,
          ticket_id: ticketId,
          utm_source: profile.utmSource,
          utm_medium: profile.utmMedium,
          utm_campaign: campaign,
          utm_term: term,
          utm_content: content,
          ad_platform_id: platformKey ? (options.platformIds.get(platformKey) ?? null) : null,
          ad_id: profile.withAdId ? `12021${random.digits(13)}` : null,
          source_url: profile.landingPath
            ? landingUrl(profile, { utm_campaign: campaign, utm_term: term, utm_content: content, ...clickIds })
            : null,
        },
        createdAt,
      ),
    );
    for (const [key, value] of Object.entries(clickIds)) {
      const typeId = identifierType(options, key).id;
      data.identifiers.push(
        tenant({ id: randomUUID(), tracking_id: trackingId, identifier_type_id: typeId, value }, createdAt),
      );
    }

    data.tickets.push(
      tenant(
        {
          id: ticketId,
          conversation_id: conversation.id,
          lead_id: lead.id,
          stage_id: stages[finalStage].id,
          assignee_id: assignee?.id ?? null,
          assignee_name: assignee?.name ?? null,
          deal_value: dealValue,
          creator_type: isSystem ? 'SYSTEM' : 'USER',
          source_type: sourceType,
          status: closed ? 'closed' : 'open',
          closed_at: closedAt === null ? null : iso(closedAt),
          // Counters are recomputed from the rows in SQL after the inserts.
          messages_count: 0,
          sales_count: 0,
          sales_total: 0,
        },
        createdAt,
        touched.get(ticketId) ?? createdAt,
      ),
    );
    return lastMessage;
  };

  for (let i = 0; i < options.leadCount; i++) {
    const person = newPerson();
    const profile = random.weighted(TRAFFIC.map((p) => ({ weight: p.weight, value: p })));
    const cloud = profile.key === 'click_to_whatsapp' || random.chance(0.2);
    const returning = random.chance(0.18);
    // A returning lead bought a while ago and came back; its two tickets share the conversation.
    const starts = returning
      ? [now - random.int(40, DAYS_BACK) * DAY - random.int(0, DAY), 0]
      : [now - HOUR - Math.pow(random.next(), 1.4) * DAYS_BACK * DAY];
    if (returning) starts[1] = now - HOUR - Math.pow(random.next(), 1.2) * 25 * DAY;
    const firstCreated = Math.round(starts[0]);
    const leadId = randomUUID();
    const conversationId = randomUUID();
    const conversation = { id: conversationId, instanceId: cloud ? instanceCloud.id : instanceMain.id, cloud };
    let lastMessage = 0;
    starts.forEach((start, index) => {
      const createdAt = Math.round(start);
      const latestEnd = index + 1 < starts.length ? Math.round(starts[index + 1]) - HOUR : now - MINUTE;
      const ticketProfile =
        index === 0 ? profile : random.weighted(TRAFFIC.map((p) => ({ weight: p.weight, value: p })));
      lastMessage = makeTicket(
        { id: leadId, name: person.name },
        conversation,
        ticketProfile,
        createdAt,
        latestEnd,
        index > 0,
      );
    });
    data.leads.push(
      tenant(
        { id: leadId, name: person.name, phone: person.phone.e164, phone_key: person.phone.key, email: person.email },
        firstCreated,
      ),
    );
    data.conversations.push(
      tenant(
        {
          id: conversationId,
          lead_id: leadId,
          instance_id: conversation.instanceId,
          last_message_at: iso(lastMessage),
        },
        firstCreated,
        lastMessage,
      ),
    );
  }

  events.sort((a, b) => a.at - b.at || a.order - b.order);
  data.events = events.map((e) => e.row);
  return data;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function identifierType(options: DemoOptions, key: string): { id: string; platformKey: string } {
  const type = options.identifierTypes.get(key);
  if (!type) throw new Error(`Unknown click-id type ${key}: are the reference data migrations applied?`);
  return type;
}

function clickIdValue(random: Random, key: string): string {
  switch (key) {
    case 'gclid':
      return `Cj0KCQjw${random.token(80)}`;
    case 'gbraid':
      return `0AAAAAD${random.token(40)}`;
    case 'fbclid':
      return `IwAR${random.token(56)}`;
    case 'ctwaclid':
      return `ARA${random.token(60)}`;
    default:
      return `E.C.P.${random.token(48)}`;
  }
}

function landingUrl(profile: TrafficProfile, extra: Record<string, string | null>): string {
  const url = new URL(profile.landingPath ?? '/', STORE_URL);
  if (profile.utmSource) url.searchParams.set('utm_source', profile.utmSource);
  if (profile.utmMedium) url.searchParams.set('utm_medium', profile.utmMedium);
  for (const [key, value] of Object.entries(extra)) if (value) url.searchParams.set(key, value);
  return url.toString();
}
