import { Injectable } from '@nestjs/common';
import type { Db } from '../../database/db';
import { DummyValue, GenerateSql } from '../../database/generate-sql';
import { insertForMessageQuery, insertForTicketQuery, type NewLeadTouch } from './lead-touches.sql';
import { sql } from 'kysely';
import { qb } from '../../database/query-builder';
import type { LeadScope } from './lead-scope.sql';

const EXAMPLE: NewLeadTouch = {
  organizationId: DummyValue.UUID,
  leadId: DummyValue.UUID,
  kind: 'ctwa_referral',
  platformKey: 'meta_ads',
  sourceType: 'ad',
  clickIds: { ctwaclid: 'ARAkLkA8rmlFeiCktEJQ' },
  adId: '120212345678900000',
  sourceUrl: 'https://fb.me/3cr4Wqqkv',
  headline: 'Tênis de corrida com 30% off',
  utmSource: null,
  utmMedium: null,
  utmCampaign: null,
  utmTerm: null,
  utmContent: null,
  touchedAt: DummyValue.DATE,
  providerMessageId: 'wamid.HBgM',
};

/** lead_touches: every attributable arrival of a lead (see LeadTouch). */
@Injectable()
export class LeadTouchesRepository {
  /** A touch on a known ticket (the one its message just opened). */
  @GenerateSql({ params: [EXAMPLE, DummyValue.UUID] })
  async insert(db: Db, touch: NewLeadTouch, ticketId: string): Promise<void> {
    await db.run(insertForTicketQuery(touch, ticketId));
  }

  /** A touch on the ticket its (just stored) message was filed on: the conversation's open ticket. */
  @GenerateSql({ params: [EXAMPLE, { instanceId: DummyValue.UUID, providerMessageId: 'wamid.HBgM' }] })
  async insertForMessage(
    db: Db,
    touch: NewLeadTouch,
    key: { instanceId: string; providerMessageId: string },
  ): Promise<void> {
    await db.run(insertForMessageQuery(touch, key));
  }

  /** The lead's touches, oldest first (the privacy export). */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, leadId: DummyValue.UUID2 }] })
  listOfLead(db: Db, { organizationId, leadId }: LeadScope) {
    return db.all(
      qb
        .selectFrom('lead_touches')
        .select([
          'id',
          'ticket_id as ticketId',
          'kind',
          'platform_key as platformKey',
          'source_type as sourceType',
          'click_ids as clickIds',
          'ad_id as adId',
          'source_url as sourceUrl',
          'headline',
          'utm_source as utmSource',
          'utm_medium as utmMedium',
          'utm_campaign as utmCampaign',
          'utm_term as utmTerm',
          'utm_content as utmContent',
          'touched_at as touchedAt',
        ])
        .where('organization_id', '=', organizationId)
        .where('lead_id', '=', leadId)
        .orderBy('touched_at')
        .orderBy('id'),
    );
  }

  /**
   * Erasure: the click ids, the link followed and the ad's headline go; the platform, ad and UTMs stay, so the
   * reports keep crediting the campaign.
   */
  @GenerateSql({ params: [{ organizationId: DummyValue.UUID, leadId: DummyValue.UUID2, now: DummyValue.DATE }] })
  eraseOfLead(db: Db, { organizationId, leadId, now }: LeadScope & { now: Date }): Promise<number> {
    return db.run(
      qb
        .updateTable('lead_touches')
        .set({ click_ids: sql`'{}'::jsonb`, source_url: null, headline: null, updated_at: now })
        .where('organization_id', '=', organizationId)
        .where('lead_id', '=', leadId)
        .where((eb) =>
          eb.or([
            eb('click_ids', '<>', sql<string>`'{}'::jsonb`),
            eb('source_url', 'is not', null),
            eb('headline', 'is not', null),
          ]),
        ),
    );
  }
}
