import { type ExpressionBuilder, sql } from 'kysely';
import { jsonBuildObject } from 'kysely/helpers/postgres';
import type { DB } from '../../database/generated/db';
import { qb } from '../../database/query-builder';

/** A touch as the ticket detail shows it (JSON from the database: times as ISO text). */
export interface TicketTouchRow {
  id: string;
  kind: 'ctwa_referral' | 'tracking_link';
  platform: string | null;
  sourceType: string | null;
  clickIds: Record<string, string>;
  adId: string | null;
  sourceUrl: string | null;
  headline: string | null;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  utmTerm: string | null;
  utmContent: string | null;
  providerMessageId: string | null;
  touchedAt: string;
}

/** The ticket's touches as one JSON array, oldest first (the last one is its "latest touch"); null when none. */
export function ticketTouchesSubquery(eb: ExpressionBuilder<DB & { t: DB['tickets'] }, 't'>, organizationId: string) {
  return eb
    .selectFrom('lead_touches as lt')
    .select((lt) =>
      sql<TicketTouchRow[] | null>`json_agg(${jsonBuildObject({
        id: lt.ref('lt.id'),
        kind: lt.ref('lt.kind'),
        platform: lt.ref('lt.platform_key'),
        sourceType: lt.ref('lt.source_type'),
        clickIds: lt.ref('lt.click_ids'),
        adId: lt.ref('lt.ad_id'),
        sourceUrl: lt.ref('lt.source_url'),
        headline: lt.ref('lt.headline'),
        utmSource: lt.ref('lt.utm_source'),
        utmMedium: lt.ref('lt.utm_medium'),
        utmCampaign: lt.ref('lt.utm_campaign'),
        utmTerm: lt.ref('lt.utm_term'),
        utmContent: lt.ref('lt.utm_content'),
        providerMessageId: lt.ref('lt.provider_message_id'),
        touchedAt: sql<string>`to_char(${lt.ref('lt.touched_at')} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
      })} ORDER BY ${lt.ref('lt.touched_at')}, ${lt.ref('lt.created_at')})`.as('touches'),
    )
    .where('lt.organization_id', '=', organizationId)
    .whereRef('lt.ticket_id', '=', 't.id')
    .as('touches');
}

/** Where a touch came from: the ad click or tracking-link click as a message carried it. */
export interface TouchSource {
  kind: 'ctwa_referral' | 'tracking_link';
  platformKey: string | null;
  sourceType: string | null;
  clickIds: Record<string, string>;
  adId: string | null;
  sourceUrl: string | null;
  headline: string | null;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  utmTerm: string | null;
  utmContent: string | null;
}

/** What a touch records (see LeadTouch). */
export interface NewLeadTouch extends TouchSource {
  organizationId: string;
  leadId: string;
  touchedAt: Date;
  providerMessageId: string | null;
}

/** A touch's values as one row of a SELECT, in TOUCH_COLUMNS' order (both inserts take their row from a SELECT). */
function touchValues(t: NewLeadTouch) {
  return [
    sql.val(t.organizationId).as('organization_id'),
    sql.val(t.leadId).as('lead_id'),
    sql.val(t.kind).as('kind'),
    sql.val(t.platformKey).as('platform_key'),
    sql.val(t.sourceType).as('source_type'),
    sql<string>`${JSON.stringify(t.clickIds)}::jsonb`.as('click_ids'),
    sql.val(t.adId).as('ad_id'),
    sql.val(t.sourceUrl).as('source_url'),
    sql.val(t.headline).as('headline'),
    sql.val(t.utmSource).as('utm_source'),
    sql.val(t.utmMedium).as('utm_medium'),
    sql.val(t.utmCampaign).as('utm_campaign'),
    sql.val(t.utmTerm).as('utm_term'),
    sql.val(t.utmContent).as('utm_content'),
    sql<Date>`${t.touchedAt}::timestamptz`.as('touched_at'),
    sql.val(t.providerMessageId).as('provider_message_id'),
  ];
}

/** The touch filed on a known ticket (the one its message just opened). */
export function insertForTicketQuery(t: NewLeadTouch, ticketId: string) {
  return qb
    .insertInto('lead_touches')
    .columns([...TOUCH_COLUMNS, 'ticket_id'])
    .expression(qb.selectNoFrom([...touchValues(t), sql<string>`${ticketId}::uuid`.as('ticket_id')]));
}

/** The touch filed on the ticket the stored message `key` went to (one statement: no read of the ticket first). */
export function insertForMessageQuery(t: NewLeadTouch, key: { instanceId: string; providerMessageId: string }) {
  return qb
    .insertInto('lead_touches')
    .columns([...TOUCH_COLUMNS, 'ticket_id'])
    .expression(
      qb
        .selectFrom('whatsapp_messages as m')
        .select([...touchValues(t), 'm.ticket_id'])
        .where('m.organization_id', '=', t.organizationId)
        .where('m.instance_id', '=', key.instanceId)
        .where('m.provider_message_id', '=', key.providerMessageId),
    );
}

const TOUCH_COLUMNS = [
  'organization_id',
  'lead_id',
  'kind',
  'platform_key',
  'source_type',
  'click_ids',
  'ad_id',
  'source_url',
  'headline',
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'utm_term',
  'utm_content',
  'touched_at',
  'provider_message_id',
] as const;
