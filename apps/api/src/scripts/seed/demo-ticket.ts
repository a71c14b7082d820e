import { randomUUID } from 'node:crypto';
import { PRODUCTS, type Product, type TrafficProfile } from './catalog';
import {
  type Actor,
  DAY,
  type DemoContext,
  type DemoConversation,
  type DemoUserRow,
  firstName,
  iso,
  MINUTE,
  SYSTEM_ACTOR,
  tenantRow,
  userActor,
} from './demo-context';
import { addMessages } from './demo-messages';
import { addSales } from './demo-sales';
import { addTracking } from './demo-tracking';

export interface TicketInput {
  lead: { id: string; name: string };
  conversation: DemoConversation;
  profile: TrafficProfile;
  createdAt: number;
  /** The ticket's life ends before this (the next ticket of the lead, or now). */
  latestEnd: number;
  /** A later ticket of a lead who already bought. */
  returning: boolean;
}

/** The random choices of one ticket, drawn before anything is written. */
interface TicketPlan {
  finalStage: number;
  closed: boolean;
  won: boolean;
  product: Product;
  quoted: number;
  assignee: DemoUserRow | null;
  isSystem: boolean;
  creator: Actor;
  /** Who moves the ticket along: the assignee, else the owner. */
  worker: Actor;
  span: number;
  /** Start of each stage window, then the end of the last one. */
  bounds: number[];
}

/**
 * One ticket's whole life: its plan, the timeline events (creation, assignment, stage changes, deal value),
 * its messages, its sales if won, its tracking, then the ticket row. Returns the time of its last message.
 */
export function addTicket(ctx: DemoContext, input: TicketInput): number {
  const ticketId = randomUUID();
  const plan = planTicket(ctx, input);
  const { dealValue, closedAt } = addTimeline(ctx, ticketId, input.createdAt, plan);
  const lastMessage = addMessages(ctx, {
    ticketId,
    conversation: input.conversation,
    createdAt: input.createdAt,
    bounds: plan.bounds,
    script: {
      leadFirstName: firstName(input.lead.name),
      agentFirstName: plan.assignee ? firstName(plan.assignee.name) : null,
      product: plan.product.name,
      dealValue: dealValue || plan.quoted,
      returning: input.returning,
      won: plan.won,
    },
  });
  if (plan.won && closedAt !== null) {
    addSales(ctx, { ticketId, productName: plan.product.name, worker: plan.worker, dealValue, closedAt });
  }
  const sourceType = addTracking(ctx, ticketId, input.profile, input.createdAt);

  ctx.data.tickets.push(
    tenantRow(
      ctx.organizationId,
      {
        id: ticketId,
        conversation_id: input.conversation.id,
        lead_id: input.lead.id,
        stage_id: ctx.stages[plan.finalStage].id,
        assignee_id: plan.assignee?.id ?? null,
        assignee_name: plan.assignee?.name ?? null,
        deal_value: dealValue,
        creator_type: plan.isSystem ? 'SYSTEM' : 'USER',
        source_type: sourceType,
        status: plan.closed ? 'closed' : 'open',
        closed_at: closedAt === null ? null : iso(closedAt),
        // Counters are recomputed from the rows in SQL after the inserts.
        messages_count: 0,
        sales_count: 0,
        sales_total: 0,
      },
      input.createdAt,
      ctx.events.lastActivity(ticketId) ?? input.createdAt,
    ),
  );
  return lastMessage;
}

/** Final stage index by the ticket's age: older tickets had time to move further. */
function finalStageFor(ctx: DemoContext, ageDays: number): number {
  const weights = ageDays < 2 ? [55, 35, 10, 0] : ageDays < 10 ? [20, 35, 30, 15] : [8, 22, 25, 45];
  return ctx.random.weighted(weights.map((weight, value) => ({ weight, value })));
}

function planTicket(ctx: DemoContext, input: TicketInput): TicketPlan {
  const { random, owner, agents } = ctx;
  const { createdAt } = input;
  const finalStage = finalStageFor(ctx, (ctx.now - createdAt) / DAY);
  const closed = ctx.stages[finalStage].isClosed;
  const won = closed && random.chance(0.66);
  const product = random.pick(PRODUCTS);
  const quoted = Math.round(random.int(product.min, product.max) / 50) * 50;
  const assignee =
    finalStage === 0 && random.chance(0.45)
      ? null
      : random.weighted([...agents.map((a) => ({ weight: 3, value: a })), { weight: 1, value: owner }]);
  const isSystem = random.chance(input.profile.systemShare);

  // Time windows: the ticket's life is split into one window per stage reached.
  const spanCap = [1 * DAY, 5 * DAY, 12 * DAY, 25 * DAY][finalStage];
  const span = Math.min(input.latestEnd - createdAt, random.int(30 * MINUTE, spanCap));
  const cuts = Array.from({ length: finalStage }, () => random.next()).sort((a, b) => a - b);
  const bounds = [0, ...cuts, 1].map((f) => createdAt + Math.round(f * span));
  return {
    finalStage,
    closed,
    won,
    product,
    quoted,
    assignee,
    isSystem,
    creator: isSystem ? SYSTEM_ACTOR : userActor(assignee ?? owner),
    worker: userActor(assignee ?? owner),
    span,
    bounds,
  };
}

/**
 * The timeline events of the ticket's stages. Deal value: 0 until quoted (usually in the second stage), a
 * discount sometimes at the proposal. Returns the final deal value and when the ticket closed (if it did).
 */
function addTimeline(
  ctx: DemoContext,
  ticketId: string,
  createdAt: number,
  plan: TicketPlan,
): { dealValue: number; closedAt: number | null } {
  const { random, stages, events } = ctx;
  const { finalStage, assignee, isSystem, worker, quoted, bounds } = plan;
  let dealValue = 0;
  const setDeal = (at: number, value: number): void => {
    events.add(ticketId, at, worker, 'deal_value_changed', { dealValue }, { dealValue: value });
    dealValue = value;
  };

  events.add(ticketId, createdAt, plan.creator, 'created', null, {
    stageId: stages[0].id,
    stageName: stages[0].name,
    assigneeId: isSystem ? null : (assignee?.id ?? null),
    dealValue: 0,
  });
  if (isSystem && assignee) {
    events.add(
      ticketId,
      createdAt + Math.round((bounds[1] - createdAt) * 0.1) + 1,
      userActor(ctx.owner),
      'assigned',
      { assigneeId: null, assigneeName: null },
      { assigneeId: assignee.id, assigneeName: assignee.name },
    );
  }
  let closedAt: number | null = null;
  for (let stage = 1; stage <= finalStage; stage++) {
    const at = bounds[stage];
    events.add(
      ticketId,
      at,
      worker,
      'stage_changed',
      { stageId: stages[stage - 1].id, stageName: stages[stage - 1].name },
      { stageId: stages[stage].id, stageName: stages[stage].name },
    );
    if (stages[stage].isClosed) closedAt = at;
    if (stage === 1) setDeal(at + MINUTE, quoted);
    if (stage === 2 && random.chance(0.3)) setDeal(at + 2 * MINUTE, Math.round((quoted * 0.95) / 10) * 10);
  }
  if (finalStage === 0 && random.chance(0.3)) setDeal(createdAt + Math.round(plan.span / 2), quoted);
  return { dealValue, closedAt };
}
