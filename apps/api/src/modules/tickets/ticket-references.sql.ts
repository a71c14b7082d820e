import { isUUID } from 'class-validator';
import { sql } from 'kysely';
import { qb } from '../../database/query-builder';
import { statementTemplate } from '../../database/statement-template';

export interface ReferenceIds {
  organizationId: string;
  /** None: the organization's first instance. */
  instanceId?: string;
  /** None: the organization's first stage. */
  stageId?: string;
  /** None: no assignee. */
  assigneeId?: string;
}

export interface ReferencesRow {
  instance_id: string | null;
  stage_id: string | null;
  stage_name: string | null;
  stage_is_closed: boolean | null;
  assignee_id: string | null;
  assignee_name: string | null;
  /** Null when there is no such user; false for a deactivated one, who gets no ticket. */
  assignee_active: boolean | null;
}

/** Matches no row: ids are random (v4) uuids, never the nil one. */
const NO_ROW = '00000000-0000-0000-0000-000000000000';

/** Ids from clients are opaque strings: one that is not a uuid cannot exist, so it finds no row. */
function findable(id: string | undefined): string | null {
  return id === undefined || id === '' ? null : isUUID(id) ? id : NO_ROW;
}

/**
 * Instance, stage and assignee of a ticket in one statement, its text the same for every input (prepared): a null
 * instance or stage id takes the organization's first one.
 */
export function referencesQuery(ids: ReferenceIds) {
  return referencesTemplate({
    org: ids.organizationId,
    instanceId: findable(ids.instanceId),
    stageId: findable(ids.stageId),
    assigneeId: findable(ids.assigneeId) ?? NO_ROW,
  });
}

/** Built once (database/statement-template.ts): every ticket creation and update sends it. */
const referencesTemplate = statementTemplate(
  (p: { org: string; instanceId: string | null; stageId: string | null; assigneeId: string }) => referencesStatement(p),
);

function referencesStatement({
  org,
  instanceId,
  stageId,
  assigneeId,
}: {
  org: string;
  instanceId: string | null;
  stageId: string | null;
  assigneeId: string;
}) {
  return qb
    .selectFrom(sql<{ one: number }>`(SELECT 1)`.as('one'))
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('whatsapp_instances')
          .select('id')
          .where('organization_id', '=', org)
          .where((w) => w.or([w(sql`${instanceId}::uuid`, 'is', null), w('id', '=', sql<string>`${instanceId}::uuid`)]))
          .orderBy('created_at')
          .orderBy('id')
          .limit(1)
          .as('i'),
      (j) => j.onTrue(),
    )
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('ticket_stages')
          .select(['id', 'name', 'is_closed'])
          .where('organization_id', '=', org)
          .where((w) => w.or([w(sql`${stageId}::uuid`, 'is', null), w('id', '=', sql<string>`${stageId}::uuid`)]))
          .orderBy('position')
          .orderBy('created_at')
          .limit(1)
          .as('s'),
      (j) => j.onTrue(),
    )
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('users')
          .select(['id', 'name', 'active'])
          .where('organization_id', '=', org)
          .where('id', '=', sql<string>`${assigneeId}::uuid`)
          .as('u'),
      (j) => j.onTrue(),
    )
    .select([
      'i.id as instance_id',
      's.id as stage_id',
      's.name as stage_name',
      's.is_closed as stage_is_closed',
      'u.id as assignee_id',
      'u.name as assignee_name',
      'u.active as assignee_active',
    ]);
}
