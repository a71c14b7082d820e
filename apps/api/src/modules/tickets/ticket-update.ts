import type { TicketChanges, TicketRow } from './tickets.repository';

/** The columns PATCH /tickets/:id may change. */
const EDITABLE: (keyof TicketChanges)[] = ['stageId', 'status', 'closedAt', 'assigneeId', 'assigneeName', 'dealValue'];

function same(a: unknown, b: unknown): boolean {
  return a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;
}

/** The editable columns of a locked ticket that differ from the row as read (none: nothing to write). */
export function changesOf(ticket: TicketRow, original: TicketRow): TicketChanges {
  const changes: Record<string, unknown> = {};
  for (const property of EDITABLE) {
    if (!same(ticket[property], original[property])) changes[property] = ticket[property];
  }
  return changes;
}
