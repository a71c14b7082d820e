import { Injectable } from '@nestjs/common';
import type { UserRole } from '@whatrack/shared';
import { sql } from 'kysely';
import { searchPattern } from '../../common/sql/like-pattern';
import { Db } from '../../database/db';
import { DummyValue, GenerateSql } from '../../database/generate-sql';
import { qb } from '../../database/query-builder';

/** A user as the API shows it (never its password hash). */
export interface UserRow {
  id: string;
  organizationId: string;
  name: string;
  email: string;
  role: UserRole;
  active: boolean;
  /** The `ver` every token of the user must carry (bumped when the password changes). */
  sessionVersion: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewUserRow {
  organizationId: string;
  name: string;
  /** Already lower-cased. */
  email: string;
  passwordHash: string;
  role: UserRole;
}

const USER_COLUMNS = [
  'users.id',
  'users.organization_id as organizationId',
  'users.name',
  'users.email',
  'users.role',
  'users.active',
  'users.session_version as sessionVersion',
  'users.created_at as createdAt',
  'users.updated_at as updatedAt',
] as const;

interface UserKey {
  organizationId: string;
  id: string;
}

function selectUsers() {
  return qb.selectFrom('users').select(USER_COLUMNS).$narrowType<{ role: UserRole }>();
}

/** The only SQL of users. E-mail addresses are unique across the product (they are the login). */
@Injectable()
export class UsersRepository {
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID }] })
  list(db: Db, { organizationId }: { organizationId: string }): Promise<UserRow[]> {
    return db.all(selectUsers().where('users.organization_id', '=', organizationId).orderBy('users.name', 'asc'));
  }

  /** Read on every authenticated request (the JWT strategy), hence prepared. */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, id: DummyValue.UUID2 }] })
  findById(db: Db, { organizationId, id }: { organizationId: string; id: string }): Promise<UserRow | undefined> {
    return db.first(selectUsers().where('users.organization_id', '=', organizationId).where('users.id', '=', id), {
      prepare: 'users.findById',
    });
  }

  /** For login only: the user of an address (already lower-cased), with its password hash. */
  @GenerateSql({ params: [{ email: 'a@example.com' }], crossTenant: 'login: the address is unique product-wide' })
  findForLogin(db: Db, { email }: { email: string }): Promise<(UserRow & { passwordHash: string }) | undefined> {
    return db.first(selectUsers().select('users.password_hash as passwordHash').where('users.email', '=', email));
  }

  @GenerateSql({ params: [{ email: 'a@example.com' }], crossTenant: 'e-mail addresses are unique product-wide' })
  async emailTaken(db: Db, { email }: { email: string }): Promise<boolean> {
    const row = await db.one(
      qb.selectNoFrom((eb) =>
        eb
          .exists(eb.selectFrom('users').select('users.id').where('users.email', '=', email))
          .$castTo<boolean>()
          .as('taken'),
      ),
    );
    return row.taken;
  }

  @GenerateSql({
    params: [
      { organizationId: DummyValue.UUID, name: 'Ana', email: 'a@example.com', passwordHash: 'hash', role: 'agent' },
    ],
  })
  insert(db: Db, user: NewUserRow): Promise<UserRow> {
    return db.one(
      qb
        .insertInto('users')
        .values({
          organization_id: user.organizationId,
          name: user.name,
          email: user.email,
          password_hash: user.passwordHash,
          role: user.role,
        })
        .returning(USER_COLUMNS)
        .$narrowType<{ role: UserRole }>(),
    );
  }

  /**
   * Locks the organization's active owners until the transaction ends and answers their ids, so two requests that
   * each demote or deactivate an owner cannot both see another owner left and leave none.
   */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID }] })
  async lockActiveOwners(db: Db, { organizationId }: { organizationId: string }): Promise<string[]> {
    const rows = await db.all(
      qb
        .selectFrom('users')
        .select('users.id')
        .where('users.organization_id', '=', organizationId)
        .where('users.role', '=', 'owner')
        .where('users.active', '=', true)
        .orderBy('users.id')
        .forUpdate(),
    );
    return rows.map((r) => r.id);
  }

  /** Changes a user's role and/or whether they are active; undefined fields are kept. */
  @GenerateSql({
    params: [
      { organizationId: DummyValue.UUID, id: DummyValue.UUID2, role: 'admin', active: false, at: DummyValue.DATE },
    ],
  })
  update(
    db: Db,
    { organizationId, id, role, active, at }: UserKey & { role?: UserRole; active?: boolean; at: Date },
  ): Promise<UserRow | undefined> {
    return db.first(
      qb
        .updateTable('users')
        .set({
          ...(role === undefined ? {} : { role }),
          ...(active === undefined ? {} : { active }),
          updated_at: at,
        })
        .where('users.organization_id', '=', organizationId)
        .where('users.id', '=', id)
        .returning(USER_COLUMNS)
        .$narrowType<{ role: UserRole }>(),
    );
  }

  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, id: DummyValue.UUID2 }] })
  async findPasswordHash(db: Db, { organizationId, id }: UserKey): Promise<string | undefined> {
    const row = await db.first(
      qb
        .selectFrom('users')
        .select('users.password_hash as passwordHash')
        .where('users.organization_id', '=', organizationId)
        .where('users.id', '=', id),
    );
    return row?.passwordHash;
  }

  /** Sets a new password and bumps the session version: every token issued before stops working. */
  @GenerateSql({
    params: [{ organizationId: DummyValue.UUID, id: DummyValue.UUID2, passwordHash: 'hash', at: DummyValue.DATE }],
  })
  setPassword(
    db: Db,
    { organizationId, id, passwordHash, at }: UserKey & { passwordHash: string; at: Date },
  ): Promise<UserRow | undefined> {
    return db.first(
      qb
        .updateTable('users')
        .set((eb) => ({
          password_hash: passwordHash,
          session_version: eb('users.session_version', '+', 1),
          updated_at: at,
        }))
        .where('users.organization_id', '=', organizationId)
        .where('users.id', '=', id)
        .returning(USER_COLUMNS)
        .$narrowType<{ role: UserRole }>(),
    );
  }

  /** The users of the organization whose name (case- and accent-insensitive) a search term matches (searchPattern). */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, q: 'ana' }] })
  async findIdsNamed(db: Db, { organizationId, q }: { organizationId: string; q: string }): Promise<string[]> {
    const rows = await db.all(
      qb
        .selectFrom('users as u')
        .select('u.id')
        .where('u.organization_id', '=', organizationId)
        .where(
          sql<string>`f_unaccent(lower(${sql.ref('u.name')}))`,
          'like',
          sql<string>`f_unaccent(${searchPattern(q)}::text)`,
        ),
    );
    return rows.map((r) => r.id);
  }

  /** Names of given users of the organization (a report's assignee labels: only the keys present). */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, ids: [DummyValue.UUID2] }] })
  namesByIds(
    db: Db,
    { organizationId, ids }: { organizationId: string; ids: string[] },
  ): Promise<{ id: string; name: string }[]> {
    return db.all(
      qb
        .selectFrom('users')
        .select(['users.id', 'users.name'])
        .where('users.organization_id', '=', organizationId)
        .where('users.id', '=', sql<string>`ANY(${ids}::uuid[])`),
    );
  }
}
