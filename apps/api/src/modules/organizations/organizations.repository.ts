import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import type { Db } from '../../database/db';
import { DummyValue, GenerateSql } from '../../database/generate-sql';
import { qb } from '../../database/query-builder';

export interface OrganizationRow {
  id: string;
  name: string;
  timezone: string;
  currency: string;
  createdAt: Date;
  updatedAt: Date;
}

export type OrganizationPatch = Partial<Pick<OrganizationRow, 'name' | 'timezone' | 'currency'>>;

const ORGANIZATION_COLUMNS = [
  'organizations.id',
  'organizations.name',
  'organizations.timezone',
  'organizations.currency',
  'organizations.created_at as createdAt',
  'organizations.updated_at as updatedAt',
] as const;

/** The only SQL of organizations (the tenant itself: its id is the organization id). */
@Injectable()
export class OrganizationsRepository {
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID }] })
  findById(db: Db, { organizationId }: { organizationId: string }): Promise<OrganizationRow | undefined> {
    return db.first(
      qb.selectFrom('organizations').select(ORGANIZATION_COLUMNS).where('organizations.id', '=', organizationId),
    );
  }

  @GenerateSql({ params: [{ name: 'Acme' }] })
  insert(db: Db, { name }: { name: string }): Promise<OrganizationRow> {
    return db.one(qb.insertInto('organizations').values({ name }).returning(ORGANIZATION_COLUMNS));
  }

  /** Sets the given columns (at least one) and updated_at; no row when the organization does not exist. */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, patch: { name: 'Acme', timezone: 'UTC' } }] })
  update(
    db: Db,
    { organizationId, patch }: { organizationId: string; patch: OrganizationPatch },
  ): Promise<OrganizationRow | undefined> {
    return db.first(
      qb
        .updateTable('organizations')
        .set({ ...patch, updated_at: sql<Date>`CURRENT_TIMESTAMP` })
        .where('organizations.id', '=', organizationId)
        .returning(ORGANIZATION_COLUMNS),
    );
  }
}
