import { isUUID } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { NotFoundError, UnprocessableError } from '../../common/errors/domain-errors';
import { WhatsappConversation } from '../conversations/entities/whatsapp-conversation.entity';
import { TicketStage } from '../stages/entities/ticket-stage.entity';
import { ensureTicketStages } from '../stages/ensure-ticket-stages';
import { User } from '../users/entities/user.entity';
import { WhatsappInstance } from '../whatsapp-instances/entities/whatsapp-instance.entity';

/** Ids from clients are opaque strings: one that is not a uuid cannot exist, so it is simply not found. */
function findable(id: string): boolean {
  return isUUID(id);
}

export async function resolveStage(m: EntityManager, organizationId: string, stageId?: string): Promise<TicketStage> {
  if (stageId) {
    const stage = findable(stageId) ? await m.findOneBy(TicketStage, { organizationId, id: stageId }) : null;
    if (!stage) throw NotFoundError.of('Stage', stageId);
    return stage;
  }
  let first = await m.findOne(TicketStage, { where: { organizationId }, order: { position: 'ASC', createdAt: 'ASC' } });
  if (!first) {
    await ensureTicketStages(m, organizationId);
    first = await m.findOne(TicketStage, { where: { organizationId }, order: { position: 'ASC', createdAt: 'ASC' } });
  }
  return first!;
}

export async function resolveAssignee(m: EntityManager, organizationId: string, userId: string): Promise<User> {
  const user = findable(userId) ? await m.findOneBy(User, { organizationId, id: userId }) : null;
  if (!user) throw NotFoundError.of('User', userId);
  return user;
}

export async function resolveInstance(
  m: EntityManager,
  organizationId: string,
  instanceId?: string,
): Promise<WhatsappInstance> {
  if (instanceId) {
    const instance = await m.findOneBy(WhatsappInstance, { organizationId, id: instanceId });
    if (!instance) throw NotFoundError.of('WhatsApp instance', instanceId);
    return instance;
  }
  const first = await m.findOne(WhatsappInstance, {
    where: { organizationId },
    order: { createdAt: 'ASC', id: 'ASC' },
  });
  if (!first) {
    throw new UnprocessableError(
      'The organization has no WhatsApp instance: create one first (POST /api/v1/whatsapp-instances, or Settings > WhatsApp)',
    );
  }
  return first;
}

/** Finds or creates the (lead, instance) conversation; concurrent calls converge on one row. */
export async function findOrCreateConversation(
  m: EntityManager,
  organizationId: string,
  leadId: string,
  instanceId: string,
): Promise<WhatsappConversation> {
  const existing = await m.findOneBy(WhatsappConversation, { organizationId, leadId, instanceId });
  if (existing) return existing;
  await m
    .createQueryBuilder()
    .insert()
    .into(WhatsappConversation)
    .values({ organizationId, leadId, instanceId })
    .orIgnore()
    .execute();
  return m.findOneByOrFail(WhatsappConversation, { organizationId, leadId, instanceId });
}
