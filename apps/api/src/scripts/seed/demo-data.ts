import { randomUUID } from 'node:crypto';
import { TRAFFIC, type TrafficProfile } from './catalog';
import {
  DAY,
  DAYS_BACK,
  type DemoContext,
  type DemoConversation,
  type DemoData,
  type DemoOptions,
  EventLog,
  HOUR,
  iso,
  MINUTE,
  tenantRow,
} from './demo-context';
import { buildOrganization } from './demo-organization';
import { type DemoPerson, PersonFactory } from './demo-people';
import { addTicket } from './demo-ticket';
import type { Random } from './random';

export type { DemoData, DemoOptions, DemoUserRow } from './demo-context';

function pickProfile(random: Random): TrafficProfile {
  return random.weighted(TRAFFIC.map((p) => ({ weight: p.weight, value: p })));
}

/**
 * Builds every row of one demo organization in memory (ids are fresh uuids, the rest comes from `random`):
 * the organization's fixed rows, then each lead with its conversation and one ticket (two for a returning
 * lead), then the timeline events in chronological order.
 */
export function buildDemoData(options: DemoOptions): DemoData {
  const { random } = options;
  const org = buildOrganization(options);
  const organizationId = org.organization.id;
  const ctx: DemoContext = {
    random,
    now: options.now.getTime(),
    organizationId,
    owner: org.owner,
    agents: org.agents,
    stages: org.stages,
    platformIds: options.platformIds,
    identifierTypes: options.identifierTypes,
    data: {
      organization: org.organization,
      users: org.userRows,
      instances: org.instanceRows,
      stages: org.stageRows,
      leads: [],
      conversations: [],
      tickets: [],
      trackings: [],
      identifiers: [],
      messages: [],
      sales: [],
      events: [],
    },
    events: new EventLog(organizationId),
    nextContract: 1,
  };
  const people = new PersonFactory(random);
  for (let i = 0; i < options.leadCount; i++) addLead(ctx, people.next(), org.instanceIds);
  ctx.data.events = ctx.events.chronological();
  return ctx.data;
}

/**
 * One lead, its conversation and its tickets. A returning lead bought a while ago and came back: its two
 * tickets share the conversation, the second with a traffic profile of its own.
 */
function addLead(ctx: DemoContext, person: DemoPerson, instanceIds: { main: string; cloud: string }): void {
  const { random, now, organizationId: org } = ctx;
  const profile = pickProfile(random);
  const cloud = profile.key === 'click_to_whatsapp' || random.chance(0.2);
  const returning = random.chance(0.18);
  const starts = returning
    ? [now - random.int(40, DAYS_BACK) * DAY - random.int(0, DAY), 0]
    : [now - HOUR - Math.pow(random.next(), 1.4) * DAYS_BACK * DAY];
  if (returning) starts[1] = now - HOUR - Math.pow(random.next(), 1.2) * 25 * DAY;
  const firstCreated = Math.round(starts[0]);
  const leadId = randomUUID();
  const conversation: DemoConversation = {
    id: randomUUID(),
    instanceId: cloud ? instanceIds.cloud : instanceIds.main,
    cloud,
  };
  let lastMessage = 0;
  starts.forEach((start, index) => {
    lastMessage = addTicket(ctx, {
      lead: { id: leadId, name: person.name },
      conversation,
      profile: index === 0 ? profile : pickProfile(random),
      createdAt: Math.round(start),
      latestEnd: index + 1 < starts.length ? Math.round(starts[index + 1]) - HOUR : now - MINUTE,
      returning: index > 0,
    });
  });
  ctx.data.leads.push(
    tenantRow(
      org,
      { id: leadId, name: person.name, phone: person.phone.e164, phone_key: person.phone.key, email: person.email },
      firstCreated,
    ),
  );
  ctx.data.conversations.push(
    tenantRow(
      org,
      { id: conversation.id, lead_id: leadId, instance_id: conversation.instanceId, last_message_at: iso(lastMessage) },
      firstCreated,
      lastMessage,
    ),
  );
}
