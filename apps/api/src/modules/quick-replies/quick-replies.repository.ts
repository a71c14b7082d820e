import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import type { Db } from '../../database/db';
import { DummyValue, GenerateSql } from '../../database/generate-sql';
import { qb } from '../../database/query-builder';

/** A quick reply of an organization. */
export interface QuickReplyRow {
  id: string;
  organizationId: string;
  /** Normalized: lower case, without the leading slash. */
  shortcut: string;
  title: string;
  text: string;
  createdAt: Date;
  updatedAt: Date;
}

export type QuickReplyFields = Pick<QuickReplyRow, 'shortcut' | 'title' | 'text'>;

const QUICK_REPLY_COLUMNS = [
  'quick_replies.id',
  'quick_replies.organization_id as organizationId',
  'quick_replies.shortcut',
  'quick_replies.title',
  'quick_replies.text',
  'quick_replies.created_at as createdAt',
  'quick_replies.updated_at as updatedAt',
] as const;

type Org = { organizationId: string };
type OrgId = { organizationId: string; id: string };
const ORG = { organizationId: DummyValue.UUID };
const ORG_ID = { organizationId: DummyValue.UUID, id: DummyValue.UUID2 };
const QUICK_REPLY: QuickReplyFields = { shortcut: 'preco', title: 'Preço', text: 'Olá {{lead.firstName}}!' };

function ofOrganization(organizationId: string) {
  return qb.selectFrom('quick_replies').where('quick_replies.organization_id', '=', organizationId);
}

/** The only SQL of quick_replies. */
@Injectable()
export class QuickRepliesRepository {
  /** By shortcut, the order the composer suggests them in. */
  @GenerateSql({ params: [ORG] })
  list(db: Db, { organizationId }: Org): Promise<QuickReplyRow[]> {
    return db.all(ofOrganization(organizationId).select(QUICK_REPLY_COLUMNS).orderBy('quick_replies.shortcut', 'asc'));
  }

  @GenerateSql({ params: [ORG_ID] })
  findById(db: Db, { organizationId, id }: OrgId): Promise<QuickReplyRow | undefined> {
    return db.first(ofOrganization(organizationId).select(QUICK_REPLY_COLUMNS).where('quick_replies.id', '=', id));
  }

  @GenerateSql({ params: [ORG] })
  async count(db: Db, { organizationId }: Org): Promise<number> {
    const row = await db.one(ofOrganization(organizationId).select(sql<number>`count(*)::int`.as('n')));
    return row.n;
  }

  /** Whether another quick reply (than exceptId) has this (normalized) shortcut. */
  @GenerateSql(
    { params: [{ organizationId: DummyValue.UUID, shortcut: 'preco' }] },
    { name: 'except', params: [{ organizationId: DummyValue.UUID, shortcut: 'preco', exceptId: DummyValue.UUID2 }] },
  )
  async shortcutTaken(
    db: Db,
    { organizationId, shortcut, exceptId }: { organizationId: string; shortcut: string; exceptId?: string },
  ): Promise<boolean> {
    const row = await db.first(
      ofOrganization(organizationId)
        .select('quick_replies.id')
        .where('quick_replies.shortcut', '=', shortcut)
        .$if(exceptId !== undefined, (q) => q.where('quick_replies.id', '<>', exceptId!))
        .limit(1),
    );
    return row !== undefined;
  }

  @GenerateSql({ params: [ORG, QUICK_REPLY] })
  insert(db: Db, { organizationId }: Org, fields: QuickReplyFields): Promise<QuickReplyRow> {
    return db.one(
      qb
        .insertInto('quick_replies')
        .values({ organization_id: organizationId, shortcut: fields.shortcut, title: fields.title, text: fields.text })
        .returning(QUICK_REPLY_COLUMNS),
    );
  }

  /** Changes the given fields and updated_at (`at`); undefined when the organization has no such quick reply. */
  @GenerateSql({ params: [{ ...ORG_ID, at: DummyValue.DATE }, QUICK_REPLY] })
  update(
    db: Db,
    { organizationId, id, at }: OrgId & { at: Date },
    changes: Partial<QuickReplyFields>,
  ): Promise<QuickReplyRow | undefined> {
    return db.first(
      qb
        .updateTable('quick_replies')
        .set({
          ...(changes.shortcut !== undefined ? { shortcut: changes.shortcut } : {}),
          ...(changes.title !== undefined ? { title: changes.title } : {}),
          ...(changes.text !== undefined ? { text: changes.text } : {}),
          updated_at: at,
        })
        .where('quick_replies.organization_id', '=', organizationId)
        .where('quick_replies.id', '=', id)
        .returning(QUICK_REPLY_COLUMNS),
    );
  }

  @GenerateSql({ params: [ORG_ID] })
  async delete(db: Db, { organizationId, id }: OrgId): Promise<boolean> {
    const deleted = await db.run(
      qb
        .deleteFrom('quick_replies')
        .where('quick_replies.organization_id', '=', organizationId)
        .where('quick_replies.id', '=', id),
    );
    return deleted > 0;
  }
}
