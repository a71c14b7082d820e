import { Db } from '../../database/db';
import type { StageFields } from './ticket-stages.repository';
import { TicketStagesRepository } from './ticket-stages.repository';

export const DEFAULT_STAGES: ReadonlyArray<Pick<StageFields, 'name' | 'color' | 'isClosed'>> = [
  { name: 'Novo', color: '#3b82f6', isClosed: false },
  { name: 'Em Andamento', color: '#f59e0b', isClosed: false },
  { name: 'Fechado', color: '#10b981', isClosed: true },
];

const stages = new TicketStagesRepository();

/**
 * Gives an organization with no stages the default ones. Idempotent under concurrent calls: a transaction-scoped
 * advisory lock per organization serializes the check and the insert. Must run inside a transaction.
 */
export async function ensureTicketStages(db: Db, organizationId: string): Promise<void> {
  await stages.lockDefaults(db, { organizationId });
  if ((await stages.count(db, { organizationId })) > 0) return;
  await stages.insert(
    db,
    { organizationId },
    DEFAULT_STAGES.map((stage, position) => ({ ...stage, position })),
  );
}
