import { NotFoundError, UnprocessableError } from '../../common/errors/domain-errors';
import type { Db } from '../../database/db';
import { ensureTicketStages } from '../stages/ensure-ticket-stages';
import type { ReferencesRow } from './ticket-references.sql';
import { type StageRef, TicketsRepository } from './tickets.repository';

const NO_INSTANCE =
  'The organization has no WhatsApp instance: create one first (POST /api/v1/whatsapp-instances, or Settings > WhatsApp)';

const tickets = new TicketsRepository();

export interface TicketReferences {
  instanceId: string;
  stage: StageRef;
  assignee: { id: string; name: string } | null;
}

function stageOf(row: ReferencesRow): StageRef | null {
  return row.stage_id ? { id: row.stage_id, name: row.stage_name!, isClosed: row.stage_is_closed! } : null;
}

/** The given stage, or the organization's first one (an organization without stages gets the defaults). */
export async function resolveStage(db: Db, organizationId: string, stageId?: string): Promise<StageRef> {
  const stage = stageOf(await tickets.findReferences(db, { organizationId, stageId }));
  if (stage) return stage;
  if (stageId) throw NotFoundError.of('Stage', stageId);
  await ensureTicketStages(db, organizationId);
  return stageOf(await tickets.findReferences(db, { organizationId }))!;
}

export async function resolveAssignee(
  db: Db,
  organizationId: string,
  userId: string,
): Promise<{ id: string; name: string }> {
  const row = await tickets.findReferences(db, { organizationId, assigneeId: userId });
  if (!row.assignee_id) throw NotFoundError.of('User', userId);
  return activeAssignee(row)!;
}

/** The row's assignee, refused when deactivated: a ticket never goes to someone who can no longer sign in. */
function activeAssignee(row: ReferencesRow): { id: string; name: string } | null {
  if (!row.assignee_id) return null;
  if (row.assignee_active === false) {
    throw new UnprocessableError(
      `User ${row.assignee_id} is deactivated: reactivate them first`,
      undefined,
      'user_inactive',
    );
  }
  return { id: row.assignee_id, name: row.assignee_name! };
}

/**
 * Instance, stage and assignee of a new ticket in one query (the given ones, or the organization's first instance
 * and first stage), failing in that order with the same errors as the separate lookups.
 */
export async function resolveTicketReferences(
  db: Db,
  organizationId: string,
  ids: { instanceId?: string; stageId?: string; assigneeId?: string },
): Promise<TicketReferences> {
  const row = await tickets.findReferences(db, { organizationId, ...ids });
  if (!row.instance_id) {
    if (ids.instanceId) throw NotFoundError.of('WhatsApp instance', ids.instanceId);
    throw new UnprocessableError(NO_INSTANCE, undefined, 'no_whatsapp_line');
  }
  let stage = stageOf(row);
  if (!stage && ids.stageId) throw NotFoundError.of('Stage', ids.stageId);
  stage ??= await resolveStage(db, organizationId); // an organization without stages gets the defaults
  if (ids.assigneeId && !row.assignee_id) throw NotFoundError.of('User', ids.assigneeId);
  const assignee = activeAssignee(row);
  return { instanceId: row.instance_id, stage, assignee };
}
