import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import type { Db } from '../../database/db';
import { DummyValue, GenerateSql } from '../../database/generate-sql';
import { qb } from '../../database/query-builder';

/** A stage of an organization's board. */
export interface StageRow {
  id: string;
  organizationId: string;
  name: string;
  color: string;
  /** Board order, ascending. */
  position: number;
  isClosed: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export type StageFields = Pick<StageRow, 'name' | 'color' | 'isClosed' | 'position'>;

const STAGE_COLUMNS = [
  'ticket_stages.id',
  'ticket_stages.organization_id as organizationId',
  'ticket_stages.name',
  'ticket_stages.color',
  'ticket_stages.position',
  'ticket_stages.is_closed as isClosed',
  'ticket_stages.created_at as createdAt',
  'ticket_stages.updated_at as updatedAt',
] as const;

type Org = { organizationId: string };
type OrgId = { organizationId: string; id: string };
const ORG = { organizationId: DummyValue.UUID };
const ORG_ID = { organizationId: DummyValue.UUID, id: DummyValue.UUID2 };
const STAGE = { name: 'Novo', color: '#3b82f6', isClosed: false, position: 0 };

function ofOrganization(organizationId: string) {
  return qb.selectFrom('ticket_stages').where('ticket_stages.organization_id', '=', organizationId);
}

/** The only SQL of ticket_stages. */
@Injectable()
export class TicketStagesRepository {
  /** Board order: position, then creation. */
  @GenerateSql({ params: [ORG] })
  list(db: Db, { organizationId }: Org): Promise<StageRow[]> {
    return db.all(
      ofOrganization(organizationId)
        .select(STAGE_COLUMNS)
        .orderBy('ticket_stages.position', 'asc')
        .orderBy('ticket_stages.created_at', 'asc'),
    );
  }

  /** The first stage on the board (where new tickets start), for the tickets and ingestion modules. */
  @GenerateSql({ params: [ORG] })
  first(db: Db, { organizationId }: Org): Promise<StageRow | undefined> {
    return db.first(
      ofOrganization(organizationId)
        .select(STAGE_COLUMNS)
        .orderBy('ticket_stages.position', 'asc')
        .orderBy('ticket_stages.created_at', 'asc')
        .limit(1),
    );
  }

  @GenerateSql({ params: [ORG_ID] })
  findById(db: Db, { organizationId, id }: OrgId): Promise<StageRow | undefined> {
    return db.first(ofOrganization(organizationId).select(STAGE_COLUMNS).where('ticket_stages.id', '=', id));
  }

  @GenerateSql({ params: [ORG] })
  async count(db: Db, { organizationId }: Org): Promise<number> {
    const row = await db.one(ofOrganization(organizationId).select(sql<number>`count(*)::int`.as('n')));
    return row.n;
  }

  /** The last position on the board, null without stages. */
  @GenerateSql({ params: [ORG] })
  async maxPosition(db: Db, { organizationId }: Org): Promise<number | null> {
    const row = await db.one(
      ofOrganization(organizationId).select((eb) => eb.fn.max('ticket_stages.position').as('max')),
    );
    return row.max;
  }

  /** Whether another stage (than exceptId) has this name, ignoring case. */
  @GenerateSql(
    { params: [{ organizationId: DummyValue.UUID, name: 'Novo' }] },
    { name: 'except', params: [{ organizationId: DummyValue.UUID, name: 'Novo', exceptId: DummyValue.UUID2 }] },
  )
  async nameTaken(
    db: Db,
    { organizationId, name, exceptId }: { organizationId: string; name: string; exceptId?: string },
  ): Promise<boolean> {
    const row = await db.first(
      ofOrganization(organizationId)
        .select('ticket_stages.id')
        .where((eb) => eb(eb.fn('lower', ['ticket_stages.name']), '=', eb.fn('lower', [eb.val(name)])))
        .$if(exceptId !== undefined, (q) => q.where('ticket_stages.id', '<>', exceptId!))
        .limit(1),
    );
    return row !== undefined;
  }

  @GenerateSql({ params: [ORG, [STAGE]] })
  insert(db: Db, { organizationId }: Org, stages: StageFields[]): Promise<StageRow[]> {
    return db.all(
      qb
        .insertInto('ticket_stages')
        .values(
          stages.map((s) => ({
            organization_id: organizationId,
            name: s.name,
            color: s.color,
            is_closed: s.isClosed,
            position: s.position,
          })),
        )
        .returning(STAGE_COLUMNS),
    );
  }

  /** Changes the given fields (and updated_at); undefined when the organization has no such stage. */
  @GenerateSql({ params: [ORG_ID, { name: 'Novo', color: '#3b82f6', isClosed: true }] })
  update(
    db: Db,
    { organizationId, id }: OrgId,
    changes: Partial<Pick<StageRow, 'name' | 'color' | 'isClosed' | 'position'>>,
  ): Promise<StageRow | undefined> {
    return db.first(
      qb
        .updateTable('ticket_stages')
        .set({
          ...(changes.name !== undefined ? { name: changes.name } : {}),
          ...(changes.color !== undefined ? { color: changes.color } : {}),
          ...(changes.isClosed !== undefined ? { is_closed: changes.isClosed } : {}),
          ...(changes.position !== undefined ? { position: changes.position } : {}),
          updated_at: sql<Date>`CURRENT_TIMESTAMP`,
        })
        .where('ticket_stages.organization_id', '=', organizationId)
        .where('ticket_stages.id', '=', id)
        .returning(STAGE_COLUMNS),
    );
  }

  @GenerateSql({ params: [ORG_ID] })
  async delete(db: Db, { organizationId, id }: OrgId): Promise<boolean> {
    const deleted = await db.run(
      qb
        .deleteFrom('ticket_stages')
        .where('ticket_stages.organization_id', '=', organizationId)
        .where('ticket_stages.id', '=', id),
    );
    return deleted > 0;
  }

  /**
   * Serializes the default stages' check and insert per organization until the transaction ends (a transaction-scoped
   * advisory lock: no row is read).
   */
  @GenerateSql({ params: [ORG] })
  async lockDefaults(db: Db, { organizationId }: Org): Promise<void> {
    await db.run(sql`SELECT pg_advisory_xact_lock(hashtext('ticket_stages:' || ${organizationId}))`);
  }
}
