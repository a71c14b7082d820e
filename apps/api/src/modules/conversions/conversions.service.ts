import { tz } from '@date-fns/tz';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { format } from 'date-fns';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../../common/auth/auth-context';
import { Clock } from '../../common/clock/clock';
import { type DateInterval, resolveDateRange } from '../../common/date-range/date-range';
import { pageOffset } from '../../common/pagination/page-query.dto';
import type { Organization } from '../organizations/entities/organization.entity';
import { OrganizationSettings } from '../organizations/organization-settings';
import { SqlParams } from '../../common/sql/sql-params';
import type {
  ConversionListQueryDto,
  ConversionPeriodQueryDto,
  GoogleAdsExportQueryDto,
  GoogleAdsVariant,
} from './dto/conversion-query.dto';
import type { ConversionItemDto, ConversionListResponseDto, MetaEventDto } from './dto/conversion-response.dto';
import { Conversion } from './entities/conversion.entity';
import { MetaSettings } from './entities/meta-settings.entity';
import { buildMetaEvent, type MetaEvent, PURCHASE_EVENT, purchaseEventId, stageEventId } from './meta-events';

export const PREVIEW_LIMIT = 1000;

/** Column header of each Google Ads variant; a file never mixes them. */
const GOOGLE_CLICK_COLUMN: Record<GoogleAdsVariant, string> = {
  gclid: 'Google Click ID',
  gbraid: 'GBRAID',
  wbraid: 'WBRAID',
};
/** A ticket with several Google click ids goes to the file of the first one, so no conversion is uploaded twice. */
const GOOGLE_PRECEDENCE: GoogleAdsVariant[] = ['gclid', 'gbraid', 'wbraid'];
/** Click ids are URL-safe tokens; anything else (or a spreadsheet formula) is left out of the file. */
const SAFE_CLICK_ID = /^[A-Za-z0-9_-]{1,512}$/;

/** Joins of the value of one click-id type of the ticket of `alias`.ticket_id (bound to $1 = organization). */
function clickIdJoin(alias: string, typeParam: string): string {
  return `JOIN ticket_trackings tr ON tr.organization_id = ${alias}.organization_id AND tr.ticket_id = ${alias}.ticket_id
    JOIN ticket_tracking_identifiers i ON i.organization_id = tr.organization_id AND i.tracking_id = tr.id
    JOIN tracking_identifier_types ty ON ty.id = i.identifier_type_id AND ty.key = ${typeParam}`;
}

function rangeSql(column: string, interval: DateInterval, params: SqlParams): string {
  let sql = '';
  if (interval.from) sql += ` AND ${column} >= ${params.add(interval.from)}`;
  if (interval.to) sql += ` AND ${column} < ${params.add(interval.to)}`;
  return sql;
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The conversions outbox, the Meta preview and the Google Ads offline conversion files. */
@Injectable()
export class ConversionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly organizations: OrganizationSettings,
  ) {}

  async list(auth: AuthContext, query: ConversionListQueryDto): Promise<ConversionListResponseDto> {
    const where: Record<string, unknown> = { organizationId: auth.organizationId };
    if (query.status) where.status = query.status;
    if (query.kind) where.kind = query.kind;
    if (query.ticketId) where.ticketId = query.ticketId;
    const [rows, total] = await this.dataSource.manager.findAndCount(Conversion, {
      where,
      order: { createdAt: 'DESC', id: 'DESC' },
      take: query.pageSize,
      skip: pageOffset(query),
    });
    return { items: rows.map(toItem), total, page: query.page, pageSize: query.pageSize };
  }

  /**
   * The events the outbox would hold for the period, built like the real ones: every sale (by soldAt) and, with a
   * stage rule, every first entry of a ticket into the rule's stage, of tickets with a ctwaclid.
   */
  async metaPreview(auth: AuthContext, query: ConversionPeriodQueryDto): Promise<{ data: MetaEventDto[] }> {
    const org = await this.organization(auth);
    const interval = resolveDateRange(query, org.timezone, this.clock.now());
    const settings = await this.dataSource.manager.findOneBy(MetaSettings, { organizationId: org.id });
    const waba = settings?.whatsappBusinessAccountId ?? null;
    const events: MetaEvent[] = [];

    const params = new SqlParams();
    params.add(org.id);
    const sales = await this.dataSource.query<{ id: string; value: string; sold_at: Date; ctwa_clid: string }[]>(
      `SELECT s.id, s.value, s.sold_at, i.value AS ctwa_clid
       FROM sales s ${clickIdJoin('s', params.add('ctwaclid'))}
       WHERE s.organization_id = $1${rangeSql('s.sold_at', interval, params)}
       ORDER BY s.sold_at DESC, s.id DESC LIMIT ${PREVIEW_LIMIT}`,
      params.values,
    );
    for (const s of sales) {
      events.push(
        buildMetaEvent({
          eventName: PURCHASE_EVENT,
          eventTime: s.sold_at,
          eventId: purchaseEventId(s.id),
          whatsappBusinessAccountId: waba,
          ctwaClid: s.ctwa_clid,
          currency: org.currency,
          value: Number(s.value),
        }),
      );
    }

    if (settings?.stageEventStageId && settings.stageEventName) {
      const p = new SqlParams();
      p.add(org.id);
      const stageId = p.add(settings.stageEventStageId);
      const entries = await this.dataSource.query<
        { ticket_id: string; entered_at: Date; deal_value: string; ctwa_clid: string }[]
      >(
        `SELECT f.ticket_id, f.entered_at, t.deal_value, i.value AS ctwa_clid
         FROM (
           SELECT DISTINCT ON (e.ticket_id) e.organization_id, e.ticket_id, e.created_at AS entered_at
           FROM ticket_events e
           WHERE e.organization_id = $1 AND e.type = 'stage_changed' AND e.after->>'stageId' = ${stageId}::text
           ORDER BY e.ticket_id, e.seq
         ) f
         JOIN tickets t ON t.organization_id = f.organization_id AND t.id = f.ticket_id
         ${clickIdJoin('f', p.add('ctwaclid'))}
         WHERE TRUE${rangeSql('f.entered_at', interval, p)}
         ORDER BY f.entered_at DESC LIMIT ${PREVIEW_LIMIT}`,
        p.values,
      );
      for (const e of entries) {
        events.push(
          buildMetaEvent({
            eventName: settings.stageEventName,
            eventTime: e.entered_at,
            eventId: stageEventId(e.ticket_id, settings.stageEventStageId),
            whatsappBusinessAccountId: waba,
            ctwaClid: e.ctwa_clid,
            currency: org.currency,
            value: Number(e.deal_value),
          }),
        );
      }
    }
    events.sort((a, b) => b.event_time - a.event_time || a.event_id.localeCompare(b.event_id));
    return { data: events.slice(0, PREVIEW_LIMIT) };
  }

  /**
   * Google Ads offline conversion import file: the organization time zone parameter, then one row per sale sold in
   * the period whose ticket carries the variant's click id (and no click id of a preceding variant).
   */
  async googleAdsCsv(auth: AuthContext, query: GoogleAdsExportQueryDto): Promise<string> {
    const org = await this.organization(auth);
    const variant = query.variant ?? 'gclid';
    const interval = resolveDateRange(query, org.timezone, this.clock.now());
    const params = new SqlParams();
    params.add(org.id);
    const typeParam = params.add(variant);
    const preceding = GOOGLE_PRECEDENCE.slice(0, GOOGLE_PRECEDENCE.indexOf(variant));
    const exclusion =
      preceding.length === 0
        ? ''
        : ` AND NOT EXISTS (
            SELECT 1 FROM ticket_tracking_identifiers i2
            JOIN tracking_identifier_types ty2 ON ty2.id = i2.identifier_type_id
            WHERE i2.organization_id = tr.organization_id AND i2.tracking_id = tr.id
              AND ty2.key = ANY(${params.add(preceding)}::text[]))`;
    const rows = await this.dataSource.query<{ click_id: string; value: string; sold_at: Date }[]>(
      `SELECT i.value AS click_id, s.value, s.sold_at
       FROM sales s ${clickIdJoin('s', typeParam)}
       WHERE s.organization_id = $1${rangeSql('s.sold_at', interval, params)}${exclusion}
       ORDER BY s.sold_at ASC, s.id ASC`,
      params.values,
    );
    const zone = tz(org.timezone);
    const currency = org.currency.trim();
    const lines = [
      `Parameters:TimeZone=${org.timezone}`,
      [
        GOOGLE_CLICK_COLUMN[variant],
        'Conversion Name',
        'Conversion Time',
        'Conversion Value',
        'Conversion Currency',
      ].join(','),
    ];
    for (const r of rows) {
      if (!SAFE_CLICK_ID.test(r.click_id)) continue;
      lines.push(
        [
          r.click_id,
          csvCell(query.conversionName),
          format(r.sold_at, 'yyyy-MM-dd HH:mm:ss', { in: zone }),
          r.value,
          currency,
        ].join(','),
      );
    }
    return lines.map((l) => `${l}\r\n`).join('');
  }

  private organization(auth: AuthContext): Promise<Readonly<Organization>> {
    return this.organizations.of(auth.organizationId);
  }
}

function toItem(c: Conversion): ConversionItemDto {
  return {
    id: c.id,
    ticketId: c.ticketId,
    saleId: c.saleId,
    kind: c.kind,
    eventName: c.eventName,
    eventId: c.eventId,
    eventTime: c.eventTime,
    value: c.value,
    currency: c.currency.trim(),
    status: c.status,
    attempts: c.attempts,
    nextAttemptAt: c.nextAttemptAt,
    lastError: c.lastError,
    sentAt: c.sentAt,
    payload: c.payload as unknown as MetaEventDto,
    createdAt: c.createdAt,
  };
}
