import { Injectable } from '@nestjs/common';
import type { Db } from '../../database/db';
import { DummyValue, GenerateSql } from '../../database/generate-sql';
import { qb } from '../../database/query-builder';

export interface TrackingLinkRow {
  id: string;
  organizationId: string;
  instanceId: string;
  name: string;
  message: string;
  slug: string;
  createdAt: Date;
}

export interface TrackingLinkWithCounts extends TrackingLinkRow {
  clicks: number;
  tickets: number;
}

const LINK_COLUMNS = [
  'tracking_links.id',
  'tracking_links.organization_id as organizationId',
  'tracking_links.instance_id as instanceId',
  'tracking_links.name',
  'tracking_links.message',
  'tracking_links.slug',
  'tracking_links.created_at as createdAt',
] as const;

/** The SQL of tracking_links; the listing counts each link's clicks (tracking_clicks) in the same statement. */
@Injectable()
export class TrackingLinksRepository {
  @GenerateSql({
    params: [
      { organizationId: DummyValue.UUID, instanceId: DummyValue.UUID2, name: 'Ads', message: 'Oi', slug: 'abc' },
    ],
  })
  insert(
    db: Db,
    link: { organizationId: string; instanceId: string; name: string; message: string; slug: string },
  ): Promise<TrackingLinkRow> {
    return db.one(
      qb
        .insertInto('tracking_links')
        .values({
          organization_id: link.organizationId,
          instance_id: link.instanceId,
          name: link.name,
          message: link.message,
          slug: link.slug,
        })
        .returning(LINK_COLUMNS),
    );
  }

  /** Newest first, each with its clicks and the distinct tickets they attributed. */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID }] })
  listWithCounts(db: Db, { organizationId }: { organizationId: string }): Promise<TrackingLinkWithCounts[]> {
    return db.all(
      qb
        .selectFrom('tracking_links as l')
        .select([
          'l.id',
          'l.organization_id as organizationId',
          'l.instance_id as instanceId',
          'l.name',
          'l.message',
          'l.slug',
          'l.created_at as createdAt',
        ])
        .select((eb) => [
          eb
            .selectFrom('tracking_clicks as c')
            .select((sub) => sub.fn.countAll<number>().as('n'))
            .whereRef('c.organization_id', '=', 'l.organization_id')
            .whereRef('c.link_id', '=', 'l.id')
            .as('clicks'),
          eb
            .selectFrom('tracking_clicks as c')
            .select((sub) => sub.fn.count<number>('c.ticket_id').distinct().as('n'))
            .whereRef('c.organization_id', '=', 'l.organization_id')
            .whereRef('c.link_id', '=', 'l.id')
            .where('c.ticket_id', 'is not', null)
            .as('tickets'),
        ])
        // count() always answers a row.
        .$narrowType<{ clicks: number; tickets: number }>()
        .where('l.organization_id', '=', organizationId)
        .orderBy('l.created_at', 'desc')
        .orderBy('l.id', 'desc'),
    );
  }

  /** The public redirect: a slug is unique product-wide. */
  @GenerateSql({ params: [{ slug: 'abc' }], crossTenant: 'the public redirect: slugs are unique product-wide' })
  findBySlug(db: Db, { slug }: { slug: string }): Promise<TrackingLinkRow | undefined> {
    return db.first(qb.selectFrom('tracking_links').select(LINK_COLUMNS).where('tracking_links.slug', '=', slug));
  }
}
