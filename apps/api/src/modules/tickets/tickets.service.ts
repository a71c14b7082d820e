import { Injectable } from '@nestjs/common';
import { TicketCreatorType, TicketEventType, TicketStatus } from '@whatrack/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { Clock } from '../../common/clock/clock';
import { InvalidInputError, NotFoundError } from '../../common/errors/domain-errors';
import { Db } from '../../database/db';
import { enqueueStageConversion } from '../conversions/conversion-outbox';
import { WhatsappConversationsRepository } from '../conversations/whatsapp-conversations.repository';
import { findOrCreateNormalizedLead, normalizeLeadInput } from '../leads/lead-resolver';
import { type AttributionInput, TicketAttributionService } from '../tracking/ticket-attribution.service';
import type { CreateTicketDto, TicketInputDto } from './dto/create-ticket.dto';
import type { TicketDetailResponseDto } from './dto/ticket-detail-response.dto';
import type { UpdateTicketDto } from './dto/update-ticket.dto';
import { loadTicketDetail } from './ticket-detail.loader';
import { actorOf } from './ticket-events';
import { TicketEventsRepository } from './ticket-events.repository';
import { resolveAssignee, resolveStage, resolveTicketReferences } from './ticket-references';
import { changesOf } from './ticket-update';
import { type StageRef, type TicketRow, TicketsRepository } from './tickets.repository';

/** As the named click id fields (gclid, fbclid...) and the identifiers' column. */
const MAX_CLICK_ID_LENGTH = 512;
const NAMED_CLICK_IDS = ['gclid', 'gbraid', 'wbraid', 'fbclid', 'ctwaclid', 'ttclid'] as const;

function attributionInput(input: TicketInputDto): AttributionInput {
  const clickIds: Record<string, string> = {};
  for (const key of NAMED_CLICK_IDS) {
    const value = input[key];
    if (value) clickIds[key] = value;
  }
  for (const [key, value] of Object.entries(input.clickIds ?? {})) {
    const field = `ticket.clickIds.${key}`;
    if (value === null || value === undefined) continue;
    if (typeof value !== 'string') throw InvalidInputError.field(field, 'a click id must be a string');
    if (value.trim().length > MAX_CLICK_ID_LENGTH) {
      throw InvalidInputError.field(field, `a click id must not be longer than ${MAX_CLICK_ID_LENGTH} characters`);
    }
    if (value.trim()) clickIds[key.trim().toLowerCase()] = value.trim();
  }
  return {
    utmSource: input.utmSource,
    utmMedium: input.utmMedium,
    utmCampaign: input.utmCampaign,
    utmTerm: input.utmTerm,
    utmContent: input.utmContent,
    clickIds,
    sourceType: input.sourceType,
  };
}

function statusOf(stage: StageRef): TicketStatus {
  return stage.isClosed ? TicketStatus.CLOSED : TicketStatus.OPEN;
}

@Injectable()
export class TicketsService {
  constructor(
    private readonly db: Db,
    private readonly tickets: TicketsRepository,
    private readonly events: TicketEventsRepository,
    private readonly conversations: WhatsappConversationsRepository,
    private readonly attribution: TicketAttributionService,
    private readonly clock: Clock,
  ) {}

  /**
   * The PRD's five steps (lead, instance, conversation, ticket, tracking) in one transaction, in a few statements:
   * references, lead, conversation, then ticket + tracking + event together; the detail is read in the same
   * transaction. Errors come in the order of the steps: lead data, instance, stage, assignee, click ids.
   */
  async create(auth: AuthContext, dto: CreateTicketDto): Promise<TicketDetailResponseDto> {
    const org = auth.organizationId;
    const input = dto.ticket ?? {};
    const lead = normalizeLeadInput(dto.lead);
    return this.db.transaction(async (tx) => {
      const references = await resolveTicketReferences(tx, org, {
        instanceId: dto.instanceId,
        stageId: input.stageId,
        assigneeId: input.assigneeId,
      });
      const attribution = attributionInput(input);
      const resolved = await this.attribution.resolve(tx, attribution);
      const { id: leadId } = await findOrCreateNormalizedLead(tx, org, lead);
      const conversation = await this.conversations.findOrCreate(tx, {
        organizationId: org,
        leadId,
        instanceId: references.instanceId,
      });
      const { stage, assignee } = references;
      const dealValue = input.dealValue ?? 0;
      const id = await this.tickets.create(tx, {
        organizationId: org,
        conversationId: conversation.id,
        leadId,
        stage,
        assignee,
        dealValue,
        creatorType: TicketCreatorType.USER,
        sourceType: resolved.sourceType,
        closedAt: stage.isClosed ? this.clock.now() : null,
        created: {
          actor: actorOf(auth),
          after: { stageId: stage.id, stageName: stage.name, assigneeId: assignee?.id ?? null, dealValue },
        },
        tracking: await this.attribution.trackingRow(tx, attribution, resolved),
      });
      return loadTicketDetail(tx, org, id, this.clock.now());
    });
  }

  detail(auth: AuthContext, id: string, db: Db = this.db): Promise<TicketDetailResponseDto> {
    return loadTicketDetail(db, auth.organizationId, id, this.clock.now());
  }

  /** Moves, assigns or re-values a ticket, recording one timeline event per change. */
  async update(auth: AuthContext, id: string, dto: UpdateTicketDto): Promise<TicketDetailResponseDto> {
    const organizationId = auth.organizationId;
    const actor = actorOf(auth);
    return this.db.transaction(async (tx) => {
      const ticket = await this.lockTicket(tx, organizationId, id);
      const original = { ...ticket };
      const record = (type: TicketEventType, before: Record<string, unknown>, after: Record<string, unknown>) =>
        this.events.record(tx, { organizationId, ticketId: id, actor, type, before, after });
      if (dto.stageId !== undefined && dto.stageId !== ticket.stageId) {
        const from = await resolveStage(tx, organizationId, ticket.stageId);
        const to = await resolveStage(tx, organizationId, dto.stageId);
        ticket.stageId = to.id;
        ticket.status = statusOf(to);
        if (to.isClosed && !from.isClosed) ticket.closedAt = this.clock.now();
        if (!to.isClosed) ticket.closedAt = null;
        await record(
          TicketEventType.STAGE_CHANGED,
          { stageId: from.id, stageName: from.name },
          { stageId: to.id, stageName: to.name },
        );
        await enqueueStageConversion(tx, ticket, to.id, this.clock.now());
      }
      if (dto.assigneeId !== undefined && dto.assigneeId !== ticket.assigneeId) {
        const assignee = dto.assigneeId ? await resolveAssignee(tx, organizationId, dto.assigneeId) : null;
        const before = { assigneeId: ticket.assigneeId, assigneeName: ticket.assigneeName };
        ticket.assigneeId = assignee?.id ?? null;
        ticket.assigneeName = assignee?.name ?? null;
        await record(TicketEventType.ASSIGNED, before, {
          assigneeId: ticket.assigneeId,
          assigneeName: ticket.assigneeName,
        });
      }
      if (dto.dealValue !== undefined && dto.dealValue !== ticket.dealValue) {
        const before = { dealValue: ticket.dealValue };
        ticket.dealValue = dto.dealValue;
        await record(TicketEventType.DEAL_VALUE_CHANGED, before, { dealValue: dto.dealValue });
      }
      await this.tickets.update(tx, { organizationId, id, changes: changesOf(ticket, original) });
      return loadTicketDetail(tx, organizationId, id, this.clock.now());
    });
  }

  /**
   * The ticket row locked for the rest of the transaction, so concurrent changes apply one after the other.
   */
  async lockTicket(db: Db, organizationId: string, id: string): Promise<TicketRow> {
    const ticket = await this.tickets.findForUpdate(db, { organizationId, id });
    if (!ticket) throw NotFoundError.of('Ticket', id);
    return ticket;
  }
}
