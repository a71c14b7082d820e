import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { subDays } from 'date-fns';
import { DataSource, type EntityManager, MoreThanOrEqual } from 'typeorm';
import type { AuthContext } from '../../common/auth/auth-context';
import { NotFoundError } from '../../common/errors/domain-errors';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { IdentifierCatalog } from '../tracking/identifier-catalog';
import { WhatsappInstance } from '../whatsapp-instances/entities/whatsapp-instance.entity';
import type { CreateTrackingLinkDto } from './dto/create-tracking-link.dto';
import type { TrackingLinkResponseDto } from './dto/tracking-link-response.dto';
import { TrackingClick } from './entities/tracking-click.entity';
import { TrackingLink } from './entities/tracking-link.entity';
import { findRefCode, newClickCode, newSlug, refSuffix } from './tracking-code';

/** A click code attributes a ticket only if the message arrives within this window. */
const CLICK_WINDOW_DAYS = 30;
const UTM_PARAMS = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'] as const;

export interface ClickContext {
  query: Record<string, unknown>;
  referrer: string | null;
  userAgent: string | null;
}

function param(query: Record<string, unknown>, key: string): string | null {
  const value = query[key];
  const first = Array.isArray(value) ? (value[0] as unknown) : value;
  return typeof first === 'string' && first.trim() ? first.trim().slice(0, 255) : null;
}

@Injectable()
export class TrackingLinksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly catalog: IdentifierCatalog,
  ) {}

  async create(auth: AuthContext, dto: CreateTrackingLinkDto): Promise<TrackingLinkResponseDto> {
    const org = auth.organizationId;
    if (!(await this.dataSource.manager.existsBy(WhatsappInstance, { organizationId: org, id: dto.instanceId }))) {
      throw NotFoundError.of('WhatsApp instance', dto.instanceId);
    }
    const link = await this.dataSource.manager.save(
      TrackingLink,
      this.dataSource.manager.create(TrackingLink, { organizationId: org, ...dto, slug: newSlug() }),
    );
    return this.view(link, 0, 0);
  }

  async list(auth: AuthContext): Promise<TrackingLinkResponseDto[]> {
    const rows = await this.dataSource.query<(TrackingLinkRow & { clicks: number; tickets: number })[]>(
      `SELECT l.id, l.name, l.instance_id, l.message, l.slug, l.created_at,
              (SELECT count(*)::int FROM tracking_clicks c WHERE c.organization_id = l.organization_id AND c.link_id = l.id) AS clicks,
              (SELECT count(DISTINCT c.ticket_id)::int FROM tracking_clicks c
                WHERE c.organization_id = l.organization_id AND c.link_id = l.id AND c.ticket_id IS NOT NULL) AS tickets
       FROM tracking_links l WHERE l.organization_id = $1 ORDER BY l.created_at DESC, l.id DESC`,
      [auth.organizationId],
    );
    return rows.map((r) =>
      this.view(
        {
          id: r.id,
          name: r.name,
          instanceId: r.instance_id,
          message: r.message,
          slug: r.slug,
          createdAt: r.created_at,
        },
        r.clicks,
        r.tickets,
      ),
    );
  }

  /** Records a visit of /t/<slug> and returns where to send the visitor: wa.me with the message and its code. */
  async recordClick(slug: string, ctx: ClickContext): Promise<string | null> {
    const m = this.dataSource.manager;
    const link = await m.findOneBy(TrackingLink, { slug });
    if (!link) return null;
    const instance = await m.findOneByOrFail(WhatsappInstance, {
      organizationId: link.organizationId,
      id: link.instanceId,
    });
    const catalog = await this.catalog.get();
    const clickIds: Record<string, string> = {};
    for (const key of catalog.identifierTypes.keys()) {
      const value = param(ctx.query, key);
      if (value) clickIds[key] = value;
    }
    const [utmSource, utmMedium, utmCampaign, utmTerm, utmContent] = UTM_PARAMS.map((p) => param(ctx.query, p));
    let code = newClickCode();
    for (let attempt = 0; ; attempt++) {
      const inserted = await m
        .createQueryBuilder()
        .insert()
        .into(TrackingClick)
        .values({
          organizationId: link.organizationId,
          linkId: link.id,
          code,
          utmSource,
          utmMedium,
          utmCampaign,
          utmTerm,
          utmContent,
          clickIds,
          referrer: ctx.referrer?.slice(0, 2000) ?? null,
          userAgent: ctx.userAgent?.slice(0, 1000) ?? null,
        })
        .orIgnore()
        .execute();
      if ((inserted.raw as unknown[]).length > 0) break;
      if (attempt > 5) throw new Error('Could not allocate a unique click code');
      code = newClickCode();
    }
    const text = `${link.message} ${refSuffix(code)}`;
    return `https://wa.me/${instance.phoneNumber.replace(/\D/g, '')}?text=${encodeURIComponent(text)}`;
  }

  /** The click whose code a lead's first message carries (same organization, within the window). */
  async findClickInText(
    m: EntityManager,
    organizationId: string,
    text: string | null,
    sentAt: Date,
  ): Promise<TrackingClick | null> {
    const code = findRefCode(text);
    if (!code) return null;
    return m.findOneBy(TrackingClick, {
      organizationId,
      code,
      createdAt: MoreThanOrEqual(subDays(sentAt, CLICK_WINDOW_DAYS)),
    });
  }

  async attachTicket(m: EntityManager, organizationId: string, clickId: string, ticketId: string): Promise<void> {
    await m.update(TrackingClick, { organizationId, id: clickId }, { ticketId });
  }

  private view(
    link: Pick<TrackingLink, 'id' | 'name' | 'instanceId' | 'message' | 'slug' | 'createdAt'>,
    clicks: number,
    tickets: number,
  ): TrackingLinkResponseDto {
    return { ...link, url: `${this.config.publicUrl}/t/${link.slug}`, clicks, tickets };
  }
}

interface TrackingLinkRow {
  id: string;
  name: string;
  instance_id: string;
  message: string;
  slug: string;
  created_at: Date;
}
