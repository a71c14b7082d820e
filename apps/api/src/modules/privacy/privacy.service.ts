import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AuthContext } from '../../common/auth/auth-context';
import { Clock } from '../../common/clock/clock';
import { InvalidInputError, NotFoundError } from '../../common/errors/domain-errors';
import { pageOffset } from '../../common/pagination/page-query.dto';
import { Db } from '../../database/db';
import { WhatsappMessageReactionsRepository } from '../conversations/whatsapp-message-reactions.repository';
import { WhatsappMessagesRepository } from '../conversations/whatsapp-messages.repository';
import { ConversionsRepository } from '../conversions/conversions.repository';
import { LeadTouchesRepository } from '../leads/lead-touches.repository';
import { LeadsRepository } from '../leads/leads.repository';
import { MEDIA_STORE, type MediaStore } from '../media/store/media-store';
import { WhatsappMediaRepository } from '../media/whatsapp-media.repository';
import { WhatsappOutboxRepository } from '../replies/whatsapp-outbox.repository';
import { SalesRepository } from '../sales/sales.repository';
import { actorOf } from '../tickets/ticket-events';
import { TicketEventsRepository } from '../tickets/ticket-events.repository';
import { TicketsRepository } from '../tickets/tickets.repository';
import { TrackingClicksRepository } from '../tracking-links/tracking-clicks.repository';
import { TicketTrackingsRepository } from '../tracking/ticket-trackings.repository';
import { AuditLogRepository } from './audit-log.repository';
import { type AuditLogListResponseDto, AuditLogEntryDto, type AuditLogQueryDto } from './dto/audit-log.dto';
import type { EraseLeadDto, LeadErasureDto } from './dto/erase-lead.dto';
import { buildLeadExport, type LeadExportParts } from './lead-export';
import type { LeadExportDto } from './dto/lead-export.dto';

/**
 * LGPD requests about one lead: the export of everything stored about it, and its erasure. Both are audited in the
 * transaction that does them.
 */
@Injectable()
export class PrivacyService {
  private readonly logger = new Logger('Privacy');

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly leads: LeadsRepository,
    private readonly touches: LeadTouchesRepository,
    private readonly tickets: TicketsRepository,
    private readonly trackings: TicketTrackingsRepository,
    private readonly sales: SalesRepository,
    private readonly events: TicketEventsRepository,
    private readonly messages: WhatsappMessagesRepository,
    private readonly reactions: WhatsappMessageReactionsRepository,
    private readonly media: WhatsappMediaRepository,
    private readonly outbox: WhatsappOutboxRepository,
    private readonly conversions: ConversionsRepository,
    private readonly clicks: TrackingClicksRepository,
    private readonly audit: AuditLogRepository,
    @Inject(MEDIA_STORE) private readonly store: MediaStore,
  ) {}

  async export(auth: AuthContext, leadId: string): Promise<LeadExportDto> {
    const organizationId = auth.organizationId;
    const scope = { organizationId, leadId };
    const now = this.clock.now();
    return this.db.transaction(async (tx) => {
      const lead = await this.leads.findById(tx, { organizationId, id: leadId });
      if (!lead) throw NotFoundError.of('Lead', leadId);
      const parts: LeadExportParts = {
        lead,
        touches: await this.touches.listOfLead(tx, scope),
        conversations: await this.leads.conversationsOf(tx, scope),
        tickets: await this.tickets.listOfLead(tx, scope),
        trackings: await this.trackings.listOfLead(tx, scope),
        sales: await this.sales.listOfLead(tx, scope),
        events: await this.events.listOfLead(tx, scope),
        messages: await this.messages.listOfLead(tx, scope),
        conversions: await this.conversions.listOfLead(tx, scope),
      };
      await this.audit.record(tx, {
        organizationId,
        actor: actorOf(auth),
        action: 'lead.exported',
        subjectType: 'lead',
        subjectId: leadId,
        details: { tickets: parts.tickets.length, messages: parts.messages.length },
        at: now,
      });
      return buildLeadExport(parts, now);
    });
  }

  /**
   * Anonymizes the lead in one transaction: contact data, what its messages said, its files, click ids and unsent
   * conversions go; tickets, message counts, stages and sales stay, so no report changes. The files are deleted from
   * the store after the commit: a file whose delete fails is logged, never a reason to keep the personal data rows.
   */
  async erase(auth: AuthContext, leadId: string, dto: EraseLeadDto): Promise<LeadErasureDto> {
    if (dto.confirm !== leadId)
      throw InvalidInputError.field('confirm', 'must be the id of the lead to erase', 'confirmation_mismatch');
    const organizationId = auth.organizationId;
    const now = this.clock.now();
    const scope = { organizationId, leadId, now };
    const outcome = await this.db.transaction(async (tx) => {
      const lead = await this.leads.findById(tx, { organizationId, id: leadId });
      if (!lead) throw NotFoundError.of('Lead', leadId);
      if (lead.erasedAt) return { erasedAt: lead.erasedAt, erasedNow: false, files: [] as string[] };
      // The lead row first: it is locked from here, so a concurrent erasure waits and then finds it erased.
      if (!(await this.leads.erase(tx, { organizationId, id: leadId, now })))
        return { erasedAt: now, erasedNow: false, files: [] as string[] };
      const messages = await this.messages.eraseOfLead(tx, scope);
      await this.reactions.eraseOfLead(tx, scope);
      const files = await this.media.eraseOfLead(tx, scope);
      await this.outbox.eraseOfLead(tx, scope);
      await this.tickets.erasePreviewsOfLead(tx, scope);
      await this.touches.eraseOfLead(tx, scope);
      await this.trackings.eraseOfLead(tx, scope);
      await this.clicks.eraseOfLead(tx, scope);
      const { dropped } = await this.conversions.eraseOfLead(tx, scope);
      await this.audit.record(tx, {
        organizationId,
        actor: actorOf(auth),
        action: 'lead.erased',
        subjectType: 'lead',
        subjectId: leadId,
        details: { messages, files: files.length, conversionsDropped: dropped },
        at: now,
      });
      return { erasedAt: now, erasedNow: true, files };
    });
    await this.deleteFiles(outcome.files);
    return { leadId, erasedAt: outcome.erasedAt, erasedNow: outcome.erasedNow };
  }

  async auditLog(auth: AuthContext, query: AuditLogQueryDto): Promise<AuditLogListResponseDto> {
    const organizationId = auth.organizationId;
    const rows = await this.audit.page(this.db, {
      organizationId,
      limit: query.pageSize,
      offset: pageOffset(query),
    });
    const total = await this.audit.count(this.db, { organizationId });
    return { items: rows.map((r) => AuditLogEntryDto.from(r)), total, page: query.page, pageSize: query.pageSize };
  }

  private async deleteFiles(keys: string[]): Promise<void> {
    for (const key of keys) {
      try {
        await this.store.delete(key);
      } catch (error) {
        this.logger.error(
          { storageKey: key, err: error },
          'An erased lead’s media file could not be deleted from the store; delete it by hand',
        );
      }
    }
  }
}
