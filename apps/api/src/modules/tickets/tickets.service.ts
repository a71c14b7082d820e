import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TicketCreatorType, TicketEventType, TicketStatus } from '@whatrack/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthContext } from '../../common/auth/auth-context';
import { Clock } from '../../common/clock/clock';
import { NotFoundError } from '../../common/errors/domain-errors';
import { enqueueStageConversion } from '../conversions/conversion-outbox';
import { findOrCreateLead } from '../leads/lead-resolver';
import type { TicketStage } from '../stages/entities/ticket-stage.entity';
import { type AttributionInput, TicketAttributionService } from '../tracking/ticket-attribution.service';
import type { CreateTicketDto, TicketInputDto } from './dto/create-ticket.dto';
import type { TicketDetailResponseDto } from './dto/ticket-detail-response.dto';
import type { UpdateTicketDto } from './dto/update-ticket.dto';
import { Ticket } from './entities/ticket.entity';
import { loadTicketDetail } from './ticket-detail.loader';
import { actorOf, recordTicketEvent } from './ticket-events';
import { findOrCreateConversation, resolveAssignee, resolveInstance, resolveStage } from './ticket-references';

const NAMED_CLICK_IDS = ['gclid', 'gbraid', 'wbraid', 'fbclid', 'ctwaclid', 'ttclid'] as const;

function attributionInput(input: TicketInputDto): AttributionInput {
  const clickIds: Record<string, string> = {};
  for (const key of NAMED_CLICK_IDS) {
    const value = input[key];
    if (value) clickIds[key] = value;
  }
  for (const [key, value] of Object.entries(input.clickIds ?? {})) {
    if (typeof value === 'string' && value.trim()) clickIds[key.trim().toLowerCase()] = value.trim();
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

  /** The PRD's five steps (lead, instance, conversation, ticket, tracking) in one transaction. */
  async create(auth: AuthContext, dto: CreateTicketDto): Promise<TicketDetailResponseDto> {
    const org = auth.organizationId;
    const input = dto.ticket ?? {};
    const id = await this.dataSource.transaction(async (m) => {
      const lead = await findOrCreateLead(m, org, dto.lead);
      const instance = await resolveInstance(m, org, dto.instanceId);
      const conversation = await findOrCreateConversation(m, org, lead.id, instance.id);
      const stage = await resolveStage(m, org, input.stageId);
      const assignee = input.assigneeId ? await resolveAssignee(m, org, input.assigneeId) : null;
      const tracking = attributionInput(input);
      const resolved = await this.attribution.resolve(m, tracking);
      const status = statusOf(stage);
      const ticket = await m.save(
        Ticket,
        m.create(Ticket, {
          organizationId: org,
          conversationId: conversation.id,
          leadId: lead.id,
          stageId: stage.id,
          assigneeId: assignee?.id ?? null,
          assigneeName: assignee?.name ?? null,
          dealValue: input.dealValue ?? 0,
          creatorType: TicketCreatorType.USER,
          sourceType: resolved.sourceType,
          status,
          closedAt: status === TicketStatus.CLOSED ? this.clock.now() : null,
        }),
      );
      await this.attribution.store(m, org, ticket.id, tracking, resolved);
      await recordTicketEvent(m, org, ticket.id, actorOf(auth), TicketEventType.CREATED, null, {
        stageId: stage.id,
        stageName: stage.name,
        assigneeId: ticket.assigneeId,
        dealValue: ticket.dealValue,
      });
      return ticket.id;
    });
    return this.detail(auth, id);
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
    await this.dataSource.transaction(async (m) => {
      const ticket = await this.lockTicket(m, org, id);
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
      await m.save(Ticket, ticket);
    });
    return this.detail(auth, id);
  }

  /** The ticket row locked for the rest of the transaction, so concurrent changes apply one after the other. */
  async lockTicket(m: EntityManager, organizationId: string, id: string): Promise<Ticket> {
    const ticket = await m.findOne(Ticket, { where: { organizationId, id }, lock: { mode: 'pessimistic_write' } });
    if (!ticket) throw NotFoundError.of('Ticket', id);
    return ticket;
  }
}
