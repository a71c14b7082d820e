import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TicketCreatorType, TicketEventType, TicketStatus } from '@whatrack/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthContext } from '../../common/auth/auth-context';
import { Clock } from '../../common/clock/clock';
import { InvalidInputError, NotFoundError } from '../../common/errors/domain-errors';
import { enqueueStageConversion } from '../conversions/conversion-outbox';
import { findOrCreateNormalizedLead, normalizeLeadInput } from '../leads/lead-resolver';
import type { TicketStage } from '../stages/entities/ticket-stage.entity';
import { type AttributionInput, TicketAttributionService } from '../tracking/ticket-attribution.service';
import type { CreateTicketDto, TicketInputDto } from './dto/create-ticket.dto';
import type { TicketDetailResponseDto } from './dto/ticket-detail-response.dto';
import type { UpdateTicketDto } from './dto/update-ticket.dto';
import type { Ticket } from './entities/ticket.entity';
import { loadTicketDetail } from './ticket-detail.loader';
import { actorOf, recordTicketEvent } from './ticket-events';
import { insertTicket } from './ticket-insert';
import { findOrCreateConversation, resolveAssignee, resolveStage, resolveTicketReferences } from './ticket-references';
import { saveChanges, selectTicketForUpdate } from './ticket-update';

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

function statusOf(stage: TicketStage): TicketStatus {
  return stage.isClosed ? TicketStatus.CLOSED : TicketStatus.OPEN;
}

@Injectable()
export class TicketsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
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
    return this.dataSource.transaction(async (m) => {
      const references = await resolveTicketReferences(m, org, {
        instanceId: dto.instanceId,
        stageId: input.stageId,
        assigneeId: input.assigneeId,
      });
      const tracking = attributionInput(input);
      const resolved = await this.attribution.resolve(m, tracking);
      const { id: leadId } = await findOrCreateNormalizedLead(m, org, lead);
      const conversation = await findOrCreateConversation(m, org, leadId, references.instanceId);
      const ticket = {
        organizationId: org,
        leadId,
        conversationId: conversation.id,
        references,
        dealValue: input.dealValue ?? 0,
        sourceType: resolved.sourceType,
        closedAt: references.stage.isClosed ? this.clock.now() : null,
        creatorType: TicketCreatorType.USER,
        actor: actorOf(auth),
      };
      const id = await insertTicket(m, this.attribution, ticket, tracking, resolved);
      return loadTicketDetail(m, org, id);
    });
  }

  detail(
    auth: AuthContext,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<TicketDetailResponseDto> {
    return loadTicketDetail(manager, auth.organizationId, id);
  }

  /** Moves, assigns or re-values a ticket, recording one timeline event per change. */
  async update(auth: AuthContext, id: string, dto: UpdateTicketDto): Promise<TicketDetailResponseDto> {
    const org = auth.organizationId;
    const actor = actorOf(auth);
    return this.dataSource.transaction(async (m) => {
      const ticket = await this.lockTicket(m, org, id);
      const original = { ...ticket };
      if (dto.stageId !== undefined && dto.stageId !== ticket.stageId) {
        const from = await resolveStage(m, org, ticket.stageId);
        const to = await resolveStage(m, org, dto.stageId);
        ticket.stageId = to.id;
        ticket.status = statusOf(to);
        if (to.isClosed && !from.isClosed) ticket.closedAt = this.clock.now();
        if (!to.isClosed) ticket.closedAt = null;
        await recordTicketEvent(
          m,
          org,
          id,
          actor,
          TicketEventType.STAGE_CHANGED,
          { stageId: from.id, stageName: from.name },
          { stageId: to.id, stageName: to.name },
        );
        await enqueueStageConversion(m, ticket, to.id, this.clock.now());
      }
      if (dto.assigneeId !== undefined && dto.assigneeId !== ticket.assigneeId) {
        const assignee = dto.assigneeId ? await resolveAssignee(m, org, dto.assigneeId) : null;
        const before = { assigneeId: ticket.assigneeId, assigneeName: ticket.assigneeName };
        ticket.assigneeId = assignee?.id ?? null;
        ticket.assigneeName = assignee?.name ?? null;
        await recordTicketEvent(m, org, id, actor, TicketEventType.ASSIGNED, before, {
          assigneeId: ticket.assigneeId,
          assigneeName: ticket.assigneeName,
        });
      }
      if (dto.dealValue !== undefined && dto.dealValue !== ticket.dealValue) {
        const before = { dealValue: ticket.dealValue };
        ticket.dealValue = dto.dealValue;
        await recordTicketEvent(m, org, id, actor, TicketEventType.DEAL_VALUE_CHANGED, before, {
          dealValue: dto.dealValue,
        });
      }
      await saveChanges(m, ticket, original);
      return loadTicketDetail(m, org, id);
    });
  }

  /** The ticket row locked for the rest of the transaction, so concurrent changes apply one after the other. */
  async lockTicket(m: EntityManager, organizationId: string, id: string): Promise<Ticket> {
    const ticket = await selectTicketForUpdate(m, organizationId, id);
    if (!ticket) throw NotFoundError.of('Ticket', id);
    return ticket;
  }
}
