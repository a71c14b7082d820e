import type { EntityManager } from 'typeorm';
import { TicketStage } from './entities/ticket-stage.entity';

export const DEFAULT_STAGES: ReadonlyArray<Pick<TicketStage, 'name' | 'color' | 'isClosed'>> = [
  { name: 'Novo', color: '#3b82f6', isClosed: false },
  { name: 'Em Andamento', color: '#f59e0b', isClosed: false },
  { name: 'Fechado', color: '#10b981', isClosed: true },
];

/**
 * Gives an organization with no stages the default ones. Idempotent under concurrent calls: a transaction-scoped
 * advisory lock per organization serializes the check and the insert. Must run inside a transaction.
 */
export async function ensureTicketStages(manager: EntityManager, organizationId: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('ticket_stages:' || $1))`, [organizationId]);
  const count = await manager.count(TicketStage, { where: { organizationId } });
  if (count > 0) return;
  await manager.insert(
    TicketStage,
    DEFAULT_STAGES.map((stage, position) => ({ ...stage, organizationId, position })),
  );
}
