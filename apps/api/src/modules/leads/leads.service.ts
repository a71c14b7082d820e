import { Injectable } from '@nestjs/common';
import type { AuthContext } from '../../common/auth/auth-context';
import { ConflictError, InvalidInputError, NotFoundError } from '../../common/errors/domain-errors';
import { pageOffset } from '../../common/pagination/page-query.dto';
import { type NormalizedPhone, normalizePhone } from '../../common/phone/phone';
import { Db } from '../../database/db';
import type { LeadQueryDto } from './dto/lead-query.dto';
import {
  type LeadConversationDto,
  type LeadDetailResponseDto,
  type LeadListResponseDto,
  LeadResponseDto,
  type LeadTicketDto,
} from './dto/lead-response.dto';
import type { UpdateLeadDto } from './dto/update-lead.dto';
import {
  type LeadConversationRow,
  type LeadPatch,
  type LeadRow,
  LeadsRepository,
  type LeadTicketRow,
} from './leads.repository';

type UniqueField = 'phone' | 'email';

/** Unique indexes of leads, by the request field they protect. */
const UNIQUE_FIELD: Record<string, UniqueField> = {
  UQ_leads_org_phone: 'phone',
  UQ_leads_org_phone_key: 'phone',
  UQ_leads_org_email: 'email',
};

function toConversation(r: LeadConversationRow): LeadConversationDto {
  return {
    id: r.id,
    instance: {
      id: r.instanceId,
      name: r.instanceName,
      phoneNumber: r.instancePhoneNumber,
      provider: r.instanceProvider,
    },
    lastMessageAt: r.lastMessageAt,
    createdAt: r.createdAt,
  };
}

function toTicket(r: LeadTicketRow): LeadTicketDto {
  return {
    id: r.id,
    status: r.status,
    stage: { id: r.stageId, name: r.stageName, color: r.stageColor },
    dealValue: r.dealValue,
    salesCount: r.salesCount,
    totalValue: r.salesTotal,
    createdAt: r.createdAt,
  };
}

@Injectable()
export class LeadsService {
  constructor(
    private readonly db: Db,
    private readonly leads: LeadsRepository,
  ) {}

  /** A page of leads, newest first; ticketsCount is counted for the page rows only. */
  async list(auth: AuthContext, query: LeadQueryDto): Promise<LeadListResponseDto> {
    const organizationId = auth.organizationId;
    const q = query.q || undefined;
    const rows = await this.leads.listPage(this.db, {
      organizationId,
      q,
      limit: query.pageSize,
      offset: pageOffset(query),
    });
    const total = await this.leads.count(this.db, { organizationId, q });
    return {
      items: rows.map((r) => LeadResponseDto.from(r, r.ticketsCount)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** The lead with its conversations (and their instance) and its tickets (and their stage), newest first. */
  async detail(auth: AuthContext, id: string): Promise<LeadDetailResponseDto> {
    const organizationId = auth.organizationId;
    const lead = await this.get(this.db, organizationId, id);
    const conversations = await this.leads.conversationsOf(this.db, { organizationId, leadId: id });
    const tickets = await this.leads.ticketsOf(this.db, { organizationId, leadId: id });
    return {
      ...LeadResponseDto.from(lead, tickets.length),
      conversations: conversations.map(toConversation),
      tickets: tickets.map(toTicket),
    };
  }

  /**
   * Renames the lead or changes its phone (with its matching key) or email. A phone or email that another lead of
   * the organization has is a conflict naming the field, also when a concurrent write wins the race. Only the
   * columns that change are written (nothing, and updated_at stays, when none does).
   */
  async update(auth: AuthContext, id: string, dto: UpdateLeadDto): Promise<LeadResponseDto> {
    const phone = dto.phone === undefined ? undefined : this.normalizePhone(dto.phone);
    const organizationId = auth.organizationId;
    try {
      return await this.db.transaction(async (tx) => {
        const lead = await this.get(tx, organizationId, id);
        const patch: LeadPatch = {};
        if (phone) {
          await this.assertFree(tx, organizationId, id, 'phone', { phoneKey: phone.key }, phone.e164);
          if (phone.e164 !== lead.phone) patch.phone = phone.e164;
          if (phone.key !== lead.phoneKey) patch.phoneKey = phone.key;
        }
        if (dto.email !== undefined) {
          await this.assertFree(tx, organizationId, id, 'email', { email: dto.email }, dto.email);
          if (dto.email !== lead.email) patch.email = dto.email;
        }
        if (dto.name !== undefined && dto.name !== lead.name) patch.name = dto.name;
        const saved =
          Object.keys(patch).length === 0 ? lead : await this.leads.update(tx, { organizationId, id, patch });
        if (!saved) throw NotFoundError.of('Lead', id);
        const ticketsCount = await this.leads.ticketCount(tx, { organizationId, leadId: id });
        return LeadResponseDto.from(saved, ticketsCount);
      });
    } catch (error) {
      const field = uniqueViolationField(error);
      if (field) throw conflict(field, field === 'phone' ? phone?.e164 : dto.email);
      throw error;
    }
  }

  private async get(db: Db, organizationId: string, id: string): Promise<LeadRow> {
    const lead = await this.leads.findById(db, { organizationId, id });
    if (!lead) throw NotFoundError.of('Lead', id);
    return lead;
  }

  private normalizePhone(input: string): NormalizedPhone {
    const phone = normalizePhone(input);
    if (!phone) throw InvalidInputError.field('phone', 'phone must be a valid phone number', 'invalid_phone');
    return phone;
  }

  private async assertFree(
    db: Db,
    organizationId: string,
    exceptId: string,
    field: UniqueField,
    where: { phoneKey: string } | { email: string },
    value: string,
  ): Promise<void> {
    if (await this.leads.otherHas(db, { organizationId, id: exceptId, ...where })) throw conflict(field, value);
  }
}

function conflict(field: UniqueField, value: string | undefined): ConflictError {
  const message = value ? `Another lead already has ${field} ${value}` : `Another lead already has this ${field}`;
  return new ConflictError(message, [{ field, code: 'already_exists', message }], 'already_exists');
}

/** The field behind a unique violation on leads (a concurrent write that passed our check first), if any. */
function uniqueViolationField(error: unknown): UniqueField | undefined {
  // Db's errors are TypeORM's QueryFailedError, whose driverError is PostgreSQL's.
  const driverError = (error as { driverError?: { code?: string; constraint?: string } } | null)?.driverError;
  if (driverError?.code !== '23505' || !driverError.constraint) return undefined;
  return UNIQUE_FIELD[driverError.constraint];
}
