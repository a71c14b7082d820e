import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import type { Db } from '../../database/db';
import { DummyValue, GenerateSql } from '../../database/generate-sql';
import { qb } from '../../database/query-builder';
import { type LeadScope, leadTicketIds } from '../leads/lead-scope.sql';

export interface NewTrackingClick {
  organizationId: string;
  linkId: string;
  code: string;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  utmTerm: string | null;
  utmContent: string | null;
  clickIds: Record<string, string>;
  referrer: string | null;
  userAgent: string | null;
}

export interface TrackingClickRow extends NewTrackingClick {
  id: string;
  ticketId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const EXAMPLE_CLICK: NewTrackingClick = {
  organizationId: DummyValue.UUID,
  linkId: DummyValue.UUID2,
  code: 'ABCD2345',
  utmSource: 'google',
  utmMedium: null,
  utmCampaign: null,
  utmTerm: null,
  utmContent: null,
  clickIds: { gclid: 'abc' },
  referrer: null,
  userAgent: null,
};

/** The only SQL of tracking_clicks (the tracking links' listing counts them in its own statement). */
@Injectable()
export class TrackingClicksRepository {
  /** Inserts the click unless its code is taken in the organization (then answers false: draw another code). */
  @GenerateSql({ params: [EXAMPLE_CLICK] })
  async insertUnlessCodeTaken(db: Db, click: NewTrackingClick): Promise<boolean> {
    const inserted = await db.all(
      qb
        .insertInto('tracking_clicks')
        .values({
          organization_id: click.organizationId,
          link_id: click.linkId,
          code: click.code,
          utm_source: click.utmSource,
          utm_medium: click.utmMedium,
          utm_campaign: click.utmCampaign,
          utm_term: click.utmTerm,
          utm_content: click.utmContent,
          click_ids: JSON.stringify(click.clickIds),
          referrer: click.referrer,
          user_agent: click.userAgent,
        })
        .onConflict((oc) => oc.doNothing())
        .returning('tracking_clicks.id'),
    );
    return inserted.length > 0;
  }

  /** The click of a code, if it was made at or after `since`. */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, code: 'ABCD2345', since: DummyValue.DATE }] })
  findByCode(
    db: Db,
    { organizationId, code, since }: { organizationId: string; code: string; since: Date },
  ): Promise<TrackingClickRow | undefined> {
    return db.first(
      qb
        .selectFrom('tracking_clicks as c')
        .select([
          'c.id',
          'c.organization_id as organizationId',
          'c.link_id as linkId',
          'c.code',
          'c.utm_source as utmSource',
          'c.utm_medium as utmMedium',
          'c.utm_campaign as utmCampaign',
          'c.utm_term as utmTerm',
          'c.utm_content as utmContent',
          'c.click_ids as clickIds',
          'c.referrer',
          'c.user_agent as userAgent',
          'c.ticket_id as ticketId',
          'c.created_at as createdAt',
          'c.updated_at as updatedAt',
        ])
        .$narrowType<{ clickIds: Record<string, string> }>()
        .where('c.organization_id', '=', organizationId)
        .where('c.code', '=', code)
        .where('c.created_at', '>=', since)
        .limit(1),
    );
  }

  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, id: DummyValue.UUID2, ticketId: DummyValue.UUID2 }] })
  async attachTicket(
    db: Db,
    { organizationId, id, ticketId }: { organizationId: string; id: string; ticketId: string },
  ): Promise<void> {
    await db.run(
      qb
        .updateTable('tracking_clicks')
        .set({ ticket_id: ticketId, updated_at: sql<Date>`CURRENT_TIMESTAMP` })
        .where('tracking_clicks.organization_id', '=', organizationId)
        .where('tracking_clicks.id', '=', id),
    );
  }

  /** Erasure: the clicks that opened the lead's tickets lose the browser and the page it came from. */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, leadId: DummyValue.UUID2, now: DummyValue.DATE }] })
  eraseOfLead(db: Db, { now, ...scope }: LeadScope & { now: Date }): Promise<number> {
    return db.run(
      qb
        .updateTable('tracking_clicks')
        .set({ user_agent: null, referrer: null, updated_at: now })
        .where('organization_id', '=', scope.organizationId)
        .where('ticket_id', 'in', leadTicketIds(scope))
        .where((eb) => eb.or([eb('user_agent', 'is not', null), eb('referrer', 'is not', null)])),
    );
  }
}
