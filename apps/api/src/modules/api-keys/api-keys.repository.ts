import { Injectable } from '@nestjs/common';
import type { ApiKeyScope } from '@whatrack/shared';
import { sql } from 'kysely';
import type { Db } from '../../database/db';
import { DummyValue, GenerateSql } from '../../database/generate-sql';
import { qb } from '../../database/query-builder';

/** An API key without its hash (the key itself is never stored). */
export interface ApiKeyRow {
  id: string;
  organizationId: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  createdByUserId: string | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A stored key as authentication reads it: a key stops working while the user who created it is deactivated. */
export interface ApiKeyAccessRow extends ApiKeyRow {
  /** False while the creating user is deactivated (true for keys without a recorded creator). */
  creatorActive: boolean;
}

export interface NewApiKeyRow {
  organizationId: string;
  name: string;
  prefix: string;
  keyHash: string;
  scopes: ApiKeyScope[];
  createdByUserId: string | null;
}

const API_KEY_COLUMNS = [
  'api_keys.id',
  'api_keys.organization_id as organizationId',
  'api_keys.name',
  'api_keys.prefix',
  'api_keys.scopes',
  'api_keys.created_by_user_id as createdByUserId',
  'api_keys.last_used_at as lastUsedAt',
  'api_keys.revoked_at as revokedAt',
  'api_keys.created_at as createdAt',
  'api_keys.updated_at as updatedAt',
] as const;

function selectKeys() {
  return qb
    .selectFrom('api_keys')
    .leftJoin('users as creator', (join) =>
      join
        .onRef('creator.organization_id', '=', 'api_keys.organization_id')
        .onRef('creator.id', '=', 'api_keys.created_by_user_id'),
    )
    .select(API_KEY_COLUMNS)
    .select(sql<boolean>`COALESCE(${sql.ref('creator.active')}, TRUE)`.as('creatorActive'))
    .$narrowType<{ scopes: ApiKeyScope[] }>();
}

const EXAMPLE_KEY: NewApiKeyRow = {
  organizationId: DummyValue.UUID,
  name: 'CRM',
  prefix: 'wtk_abc123',
  keyHash: 'f'.repeat(64),
  scopes: ['tickets' as ApiKeyScope],
  createdByUserId: null,
};

/** The only SQL of api_keys. */
@Injectable()
export class ApiKeysRepository {
  @GenerateSql({ params: [EXAMPLE_KEY] })
  insert(db: Db, key: NewApiKeyRow): Promise<ApiKeyRow> {
    return db.one(
      qb
        .insertInto('api_keys')
        .values({
          organization_id: key.organizationId,
          name: key.name,
          prefix: key.prefix,
          key_hash: key.keyHash,
          scopes: key.scopes,
          created_by_user_id: key.createdByUserId,
          last_used_at: null,
          revoked_at: null,
        })
        .returning(API_KEY_COLUMNS)
        .$narrowType<{ scopes: ApiKeyScope[] }>(),
    );
  }

  /** Newest first. */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID }] })
  list(db: Db, { organizationId }: { organizationId: string }): Promise<ApiKeyAccessRow[]> {
    return db.all(
      selectKeys().where('api_keys.organization_id', '=', organizationId).orderBy('api_keys.created_at', 'desc'),
    );
  }

  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, id: DummyValue.UUID2 }] })
  findById(
    db: Db,
    { organizationId, id }: { organizationId: string; id: string },
  ): Promise<ApiKeyAccessRow | undefined> {
    return db.first(selectKeys().where('api_keys.organization_id', '=', organizationId).where('api_keys.id', '=', id));
  }

  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, id: DummyValue.UUID2, at: DummyValue.DATE }] })
  async revoke(db: Db, { organizationId, id, at }: { organizationId: string; id: string; at: Date }): Promise<void> {
    await db.run(
      qb
        .updateTable('api_keys')
        .set({ revoked_at: at, updated_at: sql<Date>`CURRENT_TIMESTAMP` })
        .where('api_keys.organization_id', '=', organizationId)
        .where('api_keys.id', '=', id),
    );
  }

  /** The active key of a presented secret's hash: read on every request made with an API key, hence prepared. */
  @GenerateSql({
    params: [{ keyHash: 'f'.repeat(64) }],
    crossTenant: 'authentication: the hash is unique product-wide',
  })
  findActiveByHash(db: Db, { keyHash }: { keyHash: string }): Promise<ApiKeyAccessRow | undefined> {
    return db.first(selectKeys().where('api_keys.key_hash', '=', keyHash).where('api_keys.revoked_at', 'is', null), {
      prepare: 'api_keys.findActiveByHash',
    });
  }

  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, id: DummyValue.UUID2, at: DummyValue.DATE }] })
  async touchLastUsed(
    db: Db,
    { organizationId, id, at }: { organizationId: string; id: string; at: Date },
  ): Promise<void> {
    await db.run(
      qb
        .updateTable('api_keys')
        .set({ last_used_at: at, updated_at: sql<Date>`CURRENT_TIMESTAMP` })
        .where('api_keys.organization_id', '=', organizationId)
        .where('api_keys.id', '=', id),
    );
  }
}
