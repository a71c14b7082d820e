import { Injectable } from '@nestjs/common';
import { type Kysely, sql } from 'kysely';
import type { Db } from '../../database/db';
import type { DB } from '../../database/generated/db';
import { DummyValue, GenerateSql } from '../../database/generate-sql';
import { qb } from '../../database/query-builder';
import { type LeadScope, leadTicketIds } from '../leads/lead-scope.sql';

/** A ticket's tracking row and its click ids (validated against the catalog: type ids, not keys). */
export interface NewTracking {
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  utmTerm: string | null;
  utmContent: string | null;
  adId: string | null;
  sourceUrl: string | null;
  adHeadline: string | null;
  adPlatformId: string | null;
  identifiers: { typeId: string; value: string }[];
}

/**
 * A compile-only builder that also knows the relations a ticket-writing statement defines in its WITH clause
 * (`ticket`: the ticket's id, `tracking`: the tracking row's id), for the bodies of CTEs that read them.
 */
export const withTicketQb = qb as unknown as Kysely<DB & { ticket: { id: string }; tracking: { id: string } }>;

/** The CTE body inserting a ticket's tracking row (after a `ticket` CTE), returning its id. */
export function trackingInsert(organizationId: string, tracking: NewTracking) {
  return withTicketQb
    .insertInto('ticket_trackings')
    .columns([
      'organization_id',
      'ticket_id',
      'utm_source',
      'utm_medium',
      'utm_campaign',
      'utm_term',
      'utm_content',
      'ad_id',
      'source_url',
      'ad_headline',
      'ad_platform_id',
    ])
    .expression(
      withTicketQb
        .selectFrom('ticket')
        .select((eb) => [
          eb.val(organizationId).as('organization_id'),
          'ticket.id',
          eb.val(tracking.utmSource).as('utm_source'),
          eb.val(tracking.utmMedium).as('utm_medium'),
          eb.val(tracking.utmCampaign).as('utm_campaign'),
          eb.val(tracking.utmTerm).as('utm_term'),
          eb.val(tracking.utmContent).as('utm_content'),
          eb.val(tracking.adId).as('ad_id'),
          eb.val(tracking.sourceUrl).as('source_url'),
          eb.val(tracking.adHeadline).as('ad_headline'),
          eb.val(tracking.adPlatformId).as('ad_platform_id'),
        ]),
    )
    .returning('id');
}

/** The CTE body inserting a tracking row's click ids (after a `tracking` CTE). */
export function identifiersInsert(organizationId: string, tracking: NewTracking) {
  const typeIds = tracking.identifiers.map((i) => i.typeId);
  const values = tracking.identifiers.map((i) => i.value);
  const click = sql<{ type_id: string; value: string }>`unnest(${typeIds}::uuid[], ${values}::varchar[])`;
  return withTicketQb
    .insertInto('ticket_tracking_identifiers')
    .columns(['organization_id', 'tracking_id', 'identifier_type_id', 'value'])
    .expression(
      withTicketQb
        .selectFrom(['tracking', click.as<'click'>(sql`click(type_id, value)`)])
        .select((eb) => [eb.val(organizationId).as('organization_id'), 'tracking.id', 'click.type_id', 'click.value']),
    );
}

const EXAMPLE: NewTracking = {
  utmSource: 'google',
  utmMedium: 'cpc',
  utmCampaign: 'spring',
  utmTerm: null,
  utmContent: null,
  adId: null,
  sourceUrl: null,
  adHeadline: null,
  adPlatformId: null,
  identifiers: [],
};

/** The SQL of ticket_trackings and their click ids (ticket_tracking_identifiers): one aggregate. */
@Injectable()
export class TicketTrackingsRepository {
  /** Stores a ticket's tracking row and click ids in one statement (inside the caller's transaction). */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, ticketId: DummyValue.UUID2, tracking: EXAMPLE }] })
  async insert(
    db: Db,
    { organizationId, ticketId, tracking }: { organizationId: string; ticketId: string; tracking: NewTracking },
  ): Promise<void> {
    await db.run(
      qb
        .with('ticket', (q) => q.selectNoFrom(sql<string>`${ticketId}::uuid`.as('id')))
        .with('tracking', () => trackingInsert(organizationId, tracking))
        .with('identifiers', () => identifiersInsert(organizationId, tracking))
        .selectNoFrom((eb) => eb.lit(1).as('one')),
      { prepare: 'ticket_trackings.insert' },
    );
  }

  /** The click ids (by type key) of the given tickets, for the inbound listing. */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, ticketIds: [DummyValue.UUID2] }] })
  identifiersOf(
    db: Db,
    { organizationId, ticketIds }: { organizationId: string; ticketIds: string[] },
  ): Promise<{ ticket_id: string; key: string; value: string }[]> {
    return db.all(
      qb
        .selectFrom('ticket_trackings as tr')
        .innerJoin('ticket_tracking_identifiers as i', (j) =>
          j.onRef('i.organization_id', '=', 'tr.organization_id').onRef('i.tracking_id', '=', 'tr.id'),
        )
        .innerJoin('tracking_identifier_types as type', 'type.id', 'i.identifier_type_id')
        .select(['tr.ticket_id', 'type.key', 'i.value'])
        .where('tr.organization_id', '=', organizationId)
        .where('tr.ticket_id', '=', sql<string>`ANY(${ticketIds}::uuid[])`),
      { prepare: 'ticket_trackings.identifiersOf' },
    );
  }

  /** The tracking of the lead's tickets with their click ids (the privacy export). */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, leadId: DummyValue.UUID2 }] })
  listOfLead(db: Db, scope: LeadScope) {
    return db.all(
      qb
        .selectFrom('ticket_trackings as tt')
        .leftJoin('ad_platforms as p', 'p.id', 'tt.ad_platform_id')
        .select((eb) => [
          'tt.ticket_id as ticketId',
          'p.key as platformKey',
          'tt.ad_id as adId',
          'tt.ad_headline as adHeadline',
          'tt.source_url as sourceUrl',
          'tt.utm_source as utmSource',
          'tt.utm_medium as utmMedium',
          'tt.utm_campaign as utmCampaign',
          'tt.utm_term as utmTerm',
          'tt.utm_content as utmContent',
          eb
            .selectFrom('ticket_tracking_identifiers as i')
            .innerJoin('tracking_identifier_types as it', 'it.id', 'i.identifier_type_id')
            .select(sql<Record<string, string>>`coalesce(jsonb_object_agg(it.key, i.value), '{}'::jsonb)`.as('ids'))
            .where('i.organization_id', '=', scope.organizationId)
            .whereRef('i.tracking_id', '=', 'tt.id')
            .as('clickIds'),
        ])
        .$narrowType<{ clickIds: Record<string, string> }>()
        .where('tt.organization_id', '=', scope.organizationId)
        .where('tt.ticket_id', 'in', leadTicketIds(scope)),
    );
  }

  /**
   * Erasure: the click ids of the lead's tickets and the link followed go (a click id identifies the person to the
   * ad platform); platform, ad and UTMs stay, so the rollups see the same ticket.
   */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, leadId: DummyValue.UUID2, now: DummyValue.DATE }] })
  async eraseOfLead(db: Db, { now, ...scope }: LeadScope & { now: Date }): Promise<void> {
    const trackings = qb
      .selectFrom('ticket_trackings as st')
      .select('st.id')
      .where('st.organization_id', '=', scope.organizationId)
      .where('st.ticket_id', 'in', leadTicketIds(scope));
    await db.run(
      qb
        .deleteFrom('ticket_tracking_identifiers')
        .where('organization_id', '=', scope.organizationId)
        .where('tracking_id', 'in', trackings),
    );
    await db.run(
      qb
        .updateTable('ticket_trackings')
        .set({ source_url: null, updated_at: now })
        .where('organization_id', '=', scope.organizationId)
        .where('ticket_id', 'in', leadTicketIds(scope))
        .where('source_url', 'is not', null),
    );
  }
}
