import { isUUID } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { NotFoundError, UnprocessableError } from '../../common/errors/domain-errors';
import { TicketStage } from '../stages/entities/ticket-stage.entity';
import { ensureTicketStages } from '../stages/ensure-ticket-stages';
import { User } from '../users/entities/user.entity';
import { queryPrepared } from '../../common/sql/prepared-query';
import { SqlParams } from '../../common/sql/sql-params';

const NO_INSTANCE =
  'The organization has no WhatsApp instance: create one first (POST /api/v1/whatsapp-instances, or Settings > WhatsApp)';

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

export interface TicketReferences {
  instanceId: string;
  stage: Pick<TicketStage, 'id' | 'name' | 'isClosed'>;
  assignee: Pick<User, 'id' | 'name'> | null;
}

interface ReferencesRow {
  instance_id: string | null;
  stage_id: string | null;
  stage_name: string | null;
  stage_is_closed: boolean | null;
  assignee_id: string | null;
  assignee_name: string | null;
}

/**
 * Instance, stage and assignee of a new ticket in one query (the given ones, or the organization's first instance
 * and first stage), failing in that order with the same errors as the separate lookups.
 */
export async function resolveTicketReferences(
  m: EntityManager,
  organizationId: string,
  ids: { instanceId?: string; stageId?: string; assigneeId?: string },
): Promise<TicketReferences> {
  const p = new SqlParams();
  const org = p.add(organizationId);
  // No id: the organization's first row; an id that cannot exist: no row.
  const byId = (id: string | undefined) => (!id ? '' : findable(id) ? `AND id = ${p.add(id)}` : 'AND false');
  const instanceFilter = byId(ids.instanceId);
  const stageFilter = byId(ids.stageId);
  const assigneeFilter = ids.assigneeId ? byId(ids.assigneeId) : 'AND false';
  const [row] = await queryPrepared<ReferencesRow>(
    m,
    `SELECT i.id AS instance_id, s.id AS stage_id, s.name AS stage_name, s.is_closed AS stage_is_closed,
            u.id AS assignee_id, u.name AS assignee_name
       FROM (SELECT 1) AS one
       LEFT JOIN (SELECT id FROM whatsapp_instances WHERE organization_id = ${org} ${instanceFilter}
                   ORDER BY created_at, id LIMIT 1) AS i ON true
       LEFT JOIN (SELECT id, name, is_closed FROM ticket_stages WHERE organization_id = ${org} ${stageFilter}
                   ORDER BY position, created_at LIMIT 1) AS s ON true
       LEFT JOIN (SELECT id, name FROM users WHERE organization_id = ${org} ${assigneeFilter}) AS u ON true`,
    p.values,
  );
  if (!row.instance_id) {
    if (ids.instanceId) throw NotFoundError.of('WhatsApp instance', ids.instanceId);
    throw new UnprocessableError(NO_INSTANCE);
  }
  let stage: TicketReferences['stage'];
  if (row.stage_id) stage = { id: row.stage_id, name: row.stage_name!, isClosed: row.stage_is_closed! };
  else if (ids.stageId) throw NotFoundError.of('Stage', ids.stageId);
  else stage = await resolveStage(m, organizationId); // an organization without stages gets the defaults
  if (ids.assigneeId && !row.assignee_id) throw NotFoundError.of('User', ids.assigneeId);
  const assignee = row.assignee_id ? { id: row.assignee_id, name: row.assignee_name! } : null;
  return { instanceId: row.instance_id, stage, assignee };
}

/**
 * Finds or creates the (lead, instance) conversation in one statement; concurrent calls converge on one row. When
 * another transaction committed the row after this statement's snapshot, the insert does nothing and the row is
 * only visible to a new statement: hence the second read.
 */
export async function findOrCreateConversation(
  m: EntityManager,
  organizationId: string,
  leadId: string,
  instanceId: string,
): Promise<{ id: string }> {
  const params = [organizationId, leadId, instanceId];
  const [row] = await queryPrepared<{ id: string }>(
    m,
    `WITH created AS (
       INSERT INTO whatsapp_conversations (organization_id, lead_id, instance_id) VALUES ($1, $2, $3)
       ON CONFLICT (organization_id, lead_id, instance_id) DO NOTHING
       RETURNING id)
     SELECT id FROM created
     UNION ALL
     SELECT id FROM whatsapp_conversations WHERE organization_id = $1 AND lead_id = $2 AND instance_id = $3
     LIMIT 1`,
    params,
  );
  if (row) return row;
  const [winner] = await m.query<{ id: string }[]>(
    'SELECT id FROM whatsapp_conversations WHERE organization_id = $1 AND lead_id = $2 AND instance_id = $3',
    params,
  );
  if (!winner) throw new Error('Conversation insert conflicted but no matching conversation was found');
  return winner;
}
