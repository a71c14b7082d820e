import { sql } from 'kysely';
import type { DateInterval } from '../../common/date-range/date-range';
import { qb } from '../../database/query-builder';

/**
 * Statement builders of the conversions a period would hold (ConversionsRepository's previews and the Google Ads
 * file): the organization's sales, or first entries into a stage, of tickets carrying a click id. They read sales,
 * ticket_events, tickets and the ticket trackings, and return conversions to be: they live with the conversions.
 */

/** The organization's sales whose ticket carries a click id of type `typeKey` (`i.value`), aliased s, tr, i, ty. */
export function salesWithClickId(organizationId: string, typeKey: string, interval: DateInterval) {
  return qb
    .selectFrom('sales as s')
    .innerJoin('ticket_trackings as tr', (j) =>
      j.onRef('tr.organization_id', '=', 's.organization_id').onRef('tr.ticket_id', '=', 's.ticket_id'),
    )
    .innerJoin('ticket_tracking_identifiers as i', (j) =>
      j.onRef('i.organization_id', '=', 'tr.organization_id').onRef('i.tracking_id', '=', 'tr.id'),
    )
    .innerJoin('tracking_identifier_types as ty', (j) =>
      j.onRef('ty.id', '=', 'i.identifier_type_id').on('ty.key', '=', typeKey),
    )
    .where('s.organization_id', '=', organizationId)
    .$if(interval.from !== undefined, (q) => q.where('s.sold_at', '>=', interval.from!))
    .$if(interval.to !== undefined, (q) => q.where('s.sold_at', '<', interval.to!));
}

/** Whether the tracking `tr` also carries a click id of one of `typeKeys` (Google Ads variant precedence). */
export function hasClickIdOf(typeKeys: string[]) {
  return qb
    .selectFrom('ticket_tracking_identifiers as i2')
    .innerJoin('tracking_identifier_types as ty2', 'ty2.id', 'i2.identifier_type_id')
    .select(sql.lit(1).as('one'))
    .whereRef('i2.organization_id', '=', sql.ref<string>('tr.organization_id'))
    .whereRef('i2.tracking_id', '=', sql.ref<string>('tr.id'))
    .where('ty2.key', '=', sql<string>`ANY(${typeKeys}::text[])`);
}

/**
 * The first entry of each of the organization's tickets into `stageId` (its timeline's first stage_changed event
 * to it) with the ticket's deal value and ctwaclid, in the period.
 */
export function firstStageEntries(organizationId: string, stageId: string, interval: DateInterval) {
  const entries = qb
    .selectFrom('ticket_events as e')
    .distinctOn('e.ticket_id')
    .select(['e.organization_id', 'e.ticket_id', 'e.created_at as entered_at'])
    .where('e.organization_id', '=', organizationId)
    .where('e.type', '=', 'stage_changed')
    .where(sql<string>`${sql.ref('e.after')}->>'stageId'`, '=', sql<string>`${stageId}::text`)
    .orderBy('e.ticket_id')
    .orderBy('e.seq');
  return qb
    .selectFrom(entries.as('f'))
    .innerJoin('tickets as t', (j) =>
      j.onRef('t.organization_id', '=', 'f.organization_id').onRef('t.id', '=', 'f.ticket_id'),
    )
    .innerJoin('ticket_trackings as tr', (j) =>
      j.onRef('tr.organization_id', '=', 'f.organization_id').onRef('tr.ticket_id', '=', 'f.ticket_id'),
    )
    .innerJoin('ticket_tracking_identifiers as i', (j) =>
      j.onRef('i.organization_id', '=', 'tr.organization_id').onRef('i.tracking_id', '=', 'tr.id'),
    )
    .innerJoin('tracking_identifier_types as ty', (j) =>
      j.onRef('ty.id', '=', 'i.identifier_type_id').on('ty.key', '=', 'ctwaclid'),
    )
    .select(['f.ticket_id', 'f.entered_at', 't.deal_value', 'i.value as ctwa_clid'])
    .$if(interval.from !== undefined, (q) => q.where('f.entered_at', '>=', interval.from!))
    .$if(interval.to !== undefined, (q) => q.where('f.entered_at', '<', interval.to!));
}
