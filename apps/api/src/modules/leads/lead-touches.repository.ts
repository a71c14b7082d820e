import { Injectable } from '@nestjs/common';
import type { Db } from '../../database/db';
import { DummyValue, GenerateSql } from '../../database/generate-sql';
import { insertForMessageQuery, insertForTicketQuery, type NewLeadTouch } from './lead-touches.sql';

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
}
