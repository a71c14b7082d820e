import type { EntityManager } from 'typeorm';
import { Ticket } from './entities/ticket.entity';
import { queryPrepared } from '../../common/sql/prepared-query';
import { SqlParams } from '../../common/sql/sql-params';

/** The columns PATCH /tickets/:id may change, by property. */
const EDITABLE = {
  stageId: 'stage_id',
  status: 'status',
  closedAt: 'closed_at',
  assigneeId: 'assignee_id',
  assigneeName: 'assignee_name',
  dealValue: 'deal_value',
} as const satisfies Partial<Record<keyof Ticket, string>>;

function same(a: unknown, b: unknown): boolean {
  return a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;
}

/**
 * Writes the changed columns of a locked ticket in one UPDATE (TypeORM's save() would re-read the row first), and
 * nothing when nothing changed, so updated_at only moves on a real change.
 */
export async function saveChanges(m: EntityManager, ticket: Ticket, original: Ticket): Promise<void> {
  const p = new SqlParams();
  const sets = Object.entries(EDITABLE)
    .filter(([property]) => !same(ticket[property as keyof Ticket], original[property as keyof Ticket]))
    .map(([property, column]) => `${column} = ${p.add(ticket[property as keyof Ticket])}`);
  if (sets.length === 0) return;
  await queryPrepared(
    m,
    `UPDATE tickets SET ${sets.join(', ')}, updated_at = CURRENT_TIMESTAMP
      WHERE organization_id = ${p.add(ticket.organizationId)} AND id = ${p.add(ticket.id)}`,
    p.values,
  );
}

const LOCK_SQL = `
SELECT id, organization_id AS "organizationId", conversation_id AS "conversationId", lead_id AS "leadId",
       stage_id AS "stageId", assignee_id AS "assigneeId", assignee_name AS "assigneeName", deal_value AS "dealValue",
       creator_type AS "creatorType", source_type AS "sourceType", status, closed_at AS "closedAt",
       messages_count AS "messagesCount", sales_count AS "salesCount", sales_total AS "salesTotal",
       created_at AS "createdAt", updated_at AS "updatedAt"
  FROM tickets
 WHERE organization_id = $1 AND id = $2
   FOR UPDATE`;

/** The ticket row, locked until the end of the transaction; null when the organization has no such ticket. */
export async function selectTicketForUpdate(
  m: EntityManager,
  organizationId: string,
  id: string,
): Promise<Ticket | null> {
  const [row] = await queryPrepared<Ticket & { dealValue: string; salesTotal: string }>(m, LOCK_SQL, [
    organizationId,
    id,
  ]);
  if (!row) return null;
  // numeric columns arrive as strings (the entity's transformer is not applied to raw rows).
  return Object.assign(new Ticket(), row, { dealValue: Number(row.dealValue), salesTotal: Number(row.salesTotal) });
}
