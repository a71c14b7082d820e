import { Inject, Injectable } from '@nestjs/common';
import { subDays } from 'date-fns';
import type { AuthContext } from '../../common/auth/auth-context';
import { NotFoundError } from '../../common/errors/domain-errors';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Db } from '../../database/db';
import { IdentifierCatalog } from '../tracking/identifier-catalog';
import { WhatsappInstancesRepository } from '../whatsapp-instances/whatsapp-instances.repository';
import type { CreateTrackingLinkDto } from './dto/create-tracking-link.dto';
import type { TrackingLinkResponseDto } from './dto/tracking-link-response.dto';
import { type TrackingClickRow, TrackingClicksRepository } from './tracking-clicks.repository';
import { type TrackingLinkRow, TrackingLinksRepository } from './tracking-links.repository';
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
    private readonly db: Db,
    private readonly links: TrackingLinksRepository,
    private readonly clicks: TrackingClicksRepository,
    private readonly instances: WhatsappInstancesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly catalog: IdentifierCatalog,
  ) {}

  async create(auth: AuthContext, dto: CreateTrackingLinkDto): Promise<TrackingLinkResponseDto> {
    const organizationId = auth.organizationId;
    if (!(await this.instances.exists(this.db, { organizationId, id: dto.instanceId }))) {
      throw NotFoundError.of('WhatsApp instance', dto.instanceId);
    }
    const link = await this.links.insert(this.db, {
      organizationId,
      instanceId: dto.instanceId,
      name: dto.name,
      message: dto.message,
      slug: newSlug(),
    });
    return this.view(link, 0, 0);
  }

  async list(auth: AuthContext): Promise<TrackingLinkResponseDto[]> {
    const rows = await this.links.listWithCounts(this.db, { organizationId: auth.organizationId });
    return rows.map((r) => this.view(r, r.clicks, r.tickets));
  }

  /** Records a visit of /t/<slug> and returns where to send the visitor: wa.me with the message and its code. */
  async recordClick(slug: string, ctx: ClickContext): Promise<string | null> {
    const link = await this.links.findBySlug(this.db, { slug });
    if (!link) return null;
    const instance = await this.instances.findById(this.db, {
      organizationId: link.organizationId,
      id: link.instanceId,
    });
    // The link's foreign key keeps its instance (as findOneByOrFail did: a missing one is a server error).
    if (!instance) throw new Error(`Instance ${link.instanceId} of tracking link ${link.id} not found`);
    const catalog = await this.catalog.get();
    const clickIds: Record<string, string> = {};
    for (const key of catalog.identifierTypes.keys()) {
      const value = param(ctx.query, key);
      if (value) clickIds[key] = value;
    }
    const [utmSource, utmMedium, utmCampaign, utmTerm, utmContent] = UTM_PARAMS.map((p) => param(ctx.query, p));
    let code = newClickCode();
    for (let attempt = 0; ; attempt++) {
      const inserted = await this.clicks.insertUnlessCodeTaken(this.db, {
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
      });
      if (inserted) break;
      if (attempt > 5) throw new Error('Could not allocate a unique click code');
      code = newClickCode();
    }
    const text = `${link.message} ${refSuffix(code)}`;
    return `https://wa.me/${instance.phoneNumber.replace(/\D/g, '')}?text=${encodeURIComponent(text)}`;
  }

  /** The click whose code a lead's first message carries (same organization, within the window). */
  async findClickInText(
    db: Db,
    organizationId: string,
    text: string | null,
    sentAt: Date,
  ): Promise<TrackingClickRow | null> {
    const code = findRefCode(text);
    if (!code) return null;
    const since = subDays(sentAt, CLICK_WINDOW_DAYS);
    return (await this.clicks.findByCode(db, { organizationId, code, since })) ?? null;
  }

  async attachTicket(db: Db, organizationId: string, clickId: string, ticketId: string): Promise<void> {
    await this.clicks.attachTicket(db, { organizationId, id: clickId, ticketId });
  }

  private view(
    link: Pick<TrackingLinkRow, 'id' | 'name' | 'instanceId' | 'message' | 'slug' | 'createdAt'>,
    clicks: number,
    tickets: number,
  ): TrackingLinkResponseDto {
    const { id, name, instanceId, message, slug, createdAt } = link;
    return {
      id,
      name,
      instanceId,
      message,
      slug,
      createdAt,
      url: `${this.config.publicUrl}/t/${slug}`,
      clicks,
      tickets,
    };
  }
}
