import { Injectable } from '@nestjs/common';
import { type ExpressionBuilder, sql } from 'kysely';
import type { Db } from '../../database/db';
import type { DB } from '../../database/generated/db';
import { DummyValue, GenerateSql } from '../../database/generate-sql';
import { qb } from '../../database/query-builder';

/** The rows of a listing: one organization, optional inclusive day bounds, platform and exact campaign. */
export interface AdSpendFilter {
  organizationId: string;
  /** 'YYYY-MM-DD', inclusive. */
  dateFrom?: string;
  dateTo?: string;
  platformId?: string;
  campaign?: string;
}

export interface AdSpendListRow {
  id: string;
  /** 'YYYY-MM-DD' */
  date: string;
  platform: string;
  platformName: string;
  campaign: string;
  spend: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A validated import row; spend is two-decimal text so no float rounding reaches the numeric column. */
export interface AdSpendUpsertRow {
  date: string;
  platformId: string;
  campaign: string;
  spend: string;
}

const FILTER_EXAMPLE: AdSpendFilter = {
  organizationId: DummyValue.UUID,
  dateFrom: '2026-03-01',
  dateTo: '2026-03-31',
  platformId: DummyValue.UUID2,
  campaign: 'lead_gen',
};

function matches(eb: ExpressionBuilder<DB & { a: DB['ad_spend'] }, 'a'>, f: AdSpendFilter) {
  const conditions = [eb('a.organization_id', '=', f.organizationId)];
  if (f.dateFrom) conditions.push(eb('a.date', '>=', sql<string>`${f.dateFrom}::date`));
  if (f.dateTo) conditions.push(eb('a.date', '<=', sql<string>`${f.dateTo}::date`));
  if (f.platformId !== undefined) conditions.push(eb('a.ad_platform_id', '=', f.platformId));
  if (f.campaign !== undefined) conditions.push(eb('a.campaign', '=', f.campaign));
  return eb.and(conditions);
}

/** The only SQL of ad_spend (the attribution report reads it too, in its own read-only repository). */
@Injectable()
export class AdSpendRepository {
  /** How many rows match and their total spend (every page). */
  @GenerateSql({ params: [FILTER_EXAMPLE] })
  summary(db: Db, filter: AdSpendFilter): Promise<{ total: number; totalSpend: number }> {
    return db.one(
      qb
        .selectFrom('ad_spend as a')
        .select((eb) => [
          sql<number>`count(*)::int`.as('total'),
          eb.fn.coalesce(eb.fn.sum<number>('a.spend'), eb.lit(0)).as('totalSpend'),
        ])
        .where((eb) => matches(eb, filter)),
    );
  }

  /** One page, newest day first, then platform key, campaign and id. */
  @GenerateSql({ params: [FILTER_EXAMPLE, { limit: 20, offset: 40 }] })
  page(db: Db, filter: AdSpendFilter, { limit, offset }: { limit: number; offset: number }): Promise<AdSpendListRow[]> {
    return db.all(
      qb
        .selectFrom('ad_spend as a')
        .innerJoin('ad_platforms as p', 'p.id', 'a.ad_platform_id')
        .select([
          'a.id',
          'a.date',
          'p.key as platform',
          'p.name as platformName',
          'a.campaign',
          'a.spend',
          'a.created_at as createdAt',
          'a.updated_at as updatedAt',
        ])
        .where((eb) => matches(eb, filter))
        .orderBy('a.date', 'desc')
        .orderBy('p.key', 'asc')
        .orderBy('a.campaign', 'asc')
        .orderBy('a.id', 'asc')
        .limit(limit)
        .offset(offset),
    );
  }

  /**
   * Writes one chunk of an import in one statement; the same (date, platform, campaign) replaces the spend.
   * Answers how many rows were new (the others were updated).
   */
  @GenerateSql({
    params: [
      { organizationId: DummyValue.UUID },
      [{ date: '2026-03-01', platformId: DummyValue.UUID2, campaign: 'lead_gen', spend: '150.75' }],
    ],
  })
  async upsert(db: Db, { organizationId }: { organizationId: string }, rows: AdSpendUpsertRow[]): Promise<number> {
    const result = await db.all(
      qb
        .insertInto('ad_spend')
        .columns(['organization_id', 'date', 'ad_platform_id', 'campaign', 'spend'])
        .expression(
          qb
            .selectFrom(
              sql<{
                date: string;
                platform_id: string;
                campaign: string;
                spend: number;
              }>`unnest(${rows.map((r) => r.date)}::date[], ${rows.map((r) => r.platformId)}::uuid[], ${rows.map((r) => r.campaign)}::varchar[], ${rows.map((r) => r.spend)}::numeric[])`.as(
                sql`x(date, platform_id, campaign, spend)`,
              ),
            )
            .select((eb) => [
              eb.val(organizationId).as('organization_id'),
              'x.date',
              'x.platform_id',
              'x.campaign',
              'x.spend',
            ]),
        )
        .onConflict((oc) =>
          oc
            .columns(['organization_id', 'date', 'ad_platform_id', 'campaign'])
            .doUpdateSet((eb) => ({ spend: eb.ref('excluded.spend'), updated_at: sql<Date>`now()` })),
        )
        .returning(sql<boolean>`(xmax = 0)`.as('inserted')),
    );
    return result.filter((r) => r.inserted).length;
  }

  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, id: DummyValue.UUID2 }] })
  async delete(db: Db, { organizationId, id }: { organizationId: string; id: string }): Promise<boolean> {
    return (
      (await db.run(qb.deleteFrom('ad_spend').where('organization_id', '=', organizationId).where('id', '=', id))) > 0
    );
  }
}
