import { tz } from '@date-fns/tz';
import { Injectable } from '@nestjs/common';
import { format } from 'date-fns';
import type { AuthContext } from '../../common/auth/auth-context';
import { Clock } from '../../common/clock/clock';
import { resolveDateRange } from '../../common/date-range/date-range';
import { pageOffset } from '../../common/pagination/page-query.dto';
import { Db } from '../../database/db';
import type { Organization } from '../organizations/entities/organization.entity';
import { OrganizationSettings } from '../organizations/organization-settings';
import type {
  ConversionListQueryDto,
  ConversionPeriodQueryDto,
  GoogleAdsExportQueryDto,
  GoogleAdsVariant,
} from './dto/conversion-query.dto';
import type { ConversionItemDto, ConversionListResponseDto, MetaEventDto } from './dto/conversion-response.dto';
import { ConversionsRepository } from './conversions.repository';
import type { ConversionRow } from './conversions.sql';
import { buildMetaEvent, type MetaEvent, PURCHASE_EVENT, purchaseEventId, stageEventId } from './meta-events';
import { MetaSettingsRepository } from './meta-settings.repository';

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

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The conversions outbox, the Meta preview and the Google Ads offline conversion files. */
@Injectable()
export class ConversionsService {
  constructor(
    private readonly db: Db,
    private readonly conversions: ConversionsRepository,
    private readonly metaSettings: MetaSettingsRepository,
    private readonly clock: Clock,
    private readonly organizations: OrganizationSettings,
  ) {}

  async list(auth: AuthContext, query: ConversionListQueryDto): Promise<ConversionListResponseDto> {
    const { items, total } = await this.conversions.list(this.db, {
      organizationId: auth.organizationId,
      ...(query.status ? { status: query.status } : {}),
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.ticketId ? { ticketId: query.ticketId } : {}),
      limit: query.pageSize,
      offset: pageOffset(query),
    });
    return { items: items.map(toItem), total, page: query.page, pageSize: query.pageSize };
  }

  /**
   * The events the outbox would hold for the period, built like the real ones: every sale (by soldAt) and, with a
   * stage rule, every first entry of a ticket into the rule's stage, of tickets with a ctwaclid.
   */
  async metaPreview(auth: AuthContext, query: ConversionPeriodQueryDto): Promise<{ data: MetaEventDto[] }> {
    const org = await this.organization(auth);
    const interval = resolveDateRange(query, org.timezone, this.clock.now());
    const settings = await this.metaSettings.find(this.db, { organizationId: org.id });
    const waba = settings?.whatsappBusinessAccountId ?? null;
    const events: MetaEvent[] = [];

    const sales = await this.conversions.previewSales(this.db, {
      organizationId: org.id,
      interval,
      limit: PREVIEW_LIMIT,
    });
    for (const s of sales) {
      events.push(
        buildMetaEvent({
          eventName: PURCHASE_EVENT,
          eventTime: s.sold_at,
          eventId: purchaseEventId(s.id),
          whatsappBusinessAccountId: waba,
          ctwaClid: s.ctwa_clid,
          currency: org.currency,
          value: s.value,
        }),
      );
    }

    if (settings?.stageEventStageId && settings.stageEventName) {
      const entries = await this.conversions.previewStageEntries(this.db, {
        organizationId: org.id,
        stageId: settings.stageEventStageId,
        interval,
        limit: PREVIEW_LIMIT,
      });
      for (const e of entries) {
        events.push(
          buildMetaEvent({
            eventName: settings.stageEventName,
            eventTime: e.entered_at,
            eventId: stageEventId(e.ticket_id, settings.stageEventStageId),
            whatsappBusinessAccountId: waba,
            ctwaClid: e.ctwa_clid,
            currency: org.currency,
            value: e.deal_value,
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
    const rows = await this.conversions.googleAdsSales(this.db, {
      organizationId: org.id,
      variant,
      preceding: GOOGLE_PRECEDENCE.slice(0, GOOGLE_PRECEDENCE.indexOf(variant)),
      interval,
    });
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
          // numeric arrives as a number: money is written with its two decimals, as PostgreSQL printed it.
          r.value.toFixed(2),
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

function toItem(c: ConversionRow): ConversionItemDto {
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
    payload: c.payload,
    createdAt: c.createdAt,
  };
}
