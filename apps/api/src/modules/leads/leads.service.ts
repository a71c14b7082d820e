import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TicketStatus, WhatsappProvider } from '@whatrack/shared';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import type { AuthContext } from '../../common/auth/auth-context';
import { ConflictError, InvalidInputError, NotFoundError } from '../../common/errors/domain-errors';
import { pageOffset } from '../../common/pagination/page-query.dto';
import { type NormalizedPhone, normalizePhone, phoneDigits } from '../../common/phone/phone';
import { Ticket } from '../tickets/entities/ticket.entity';
import type { LeadQueryDto } from './dto/lead-query.dto';
import {
  type LeadConversationDto,
  type LeadDetailResponseDto,
  type LeadListResponseDto,
  LeadResponseDto,
  type LeadTicketDto,
} from './dto/lead-response.dto';
import type { UpdateLeadDto } from './dto/update-lead.dto';
import { Lead } from './entities/lead.entity';
import { containsPattern, searchPattern } from '../../common/sql/like-pattern';

interface LeadRow {
  id: string;
  name: string | null;
  phone: string | null;
  email: string | null;
  tickets_count: number;
  created_at: Date;
  updated_at: Date;
}

interface ConversationRow {
  id: string;
  last_message_at: Date | null;
  created_at: Date;
  instance_id: string;
  instance_name: string;
  instance_phone_number: string;
  instance_provider: WhatsappProvider;
}

interface TicketRow {
  id: string;
  status: TicketStatus;
  stage_id: string;
  stage_name: string;
  stage_color: string;
  deal_value: string;
  sales_count: number;
  sales_total: string;
  created_at: Date;
}

type UniqueField = 'phone' | 'email';

/** Unique indexes of leads, by the request field they protect. */
const UNIQUE_FIELD: Record<string, UniqueField> = {
  UQ_leads_org_phone: 'phone',
  UQ_leads_org_phone_key: 'phone',
  UQ_leads_org_email: 'email',
};

const ORDER_BY = 'l.created_at DESC, l.id DESC';

/** The search condition on `l` (leads) and its parameters, numbered from $2 ($1 is the organization). */
function searchCondition(q: string | undefined): { sql: string; params: string[] } {
  if (!q) return { sql: '', params: [] };
  const params = [searchPattern(q)];
  const alternatives = ['f_unaccent(lower(l.name)) LIKE f_unaccent($2)', 'lower(l.email) LIKE $2'];
  const digits = phoneDigits(q);
  if (digits.length >= 3) {
    params.push(containsPattern(digits));
    alternatives.push('l.phone LIKE $3');
  }
  return { sql: ` AND (${alternatives.join(' OR ')})`, params };
}

function toLeadResponse(r: LeadRow): LeadResponseDto {
  return {
    id: r.id,
    name: r.name,
    phone: r.phone,
    email: r.email,
    ticketsCount: r.tickets_count,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toConversation(r: ConversationRow): LeadConversationDto {
  return {
    id: r.id,
    instance: {
      id: r.instance_id,
      name: r.instance_name,
      phoneNumber: r.instance_phone_number,
      provider: r.instance_provider,
    },
    lastMessageAt: r.last_message_at,
    createdAt: r.created_at,
  };
}

function toTicket(r: TicketRow): LeadTicketDto {
  return {
    id: r.id,
    status: r.status,
    stage: { id: r.stage_id, name: r.stage_name, color: r.stage_color },
    dealValue: Number(r.deal_value),
    salesCount: r.sales_count,
    totalValue: Number(r.sales_total),
    createdAt: r.created_at,
  };
}

@Injectable()
export class LeadsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A page of leads, newest first; ticketsCount is counted for the page rows only. */
  async list(auth: AuthContext, query: LeadQueryDto): Promise<LeadListResponseDto> {
    const search = searchCondition(query.q);
    const where = `l.organization_id = $1${search.sql}`;
    const params = [auth.organizationId, ...search.params];
    const n = params.length;
    const rows = await this.dataSource.query<LeadRow[]>(
      `WITH page AS (
         SELECT l.id FROM leads l WHERE ${where} ORDER BY ${ORDER_BY} LIMIT $${n + 1} OFFSET $${n + 2}
       )
       SELECT l.id, l.name, l.phone, l.email, l.created_at, l.updated_at,
              (SELECT count(*)::int FROM tickets t
               WHERE t.organization_id = l.organization_id AND t.lead_id = l.id) AS tickets_count
       FROM page JOIN leads l ON l.organization_id = $1 AND l.id = page.id
       ORDER BY ${ORDER_BY}`,
      [...params, query.pageSize, pageOffset(query)],
    );
    const [{ total }] = await this.dataSource.query<[{ total: number }]>(
      `SELECT count(*)::int AS total FROM leads l WHERE ${where}`,
      params,
    );
    return { items: rows.map(toLeadResponse), total, page: query.page, pageSize: query.pageSize };
  }

  /** The lead with its conversations (and their instance) and its tickets (and their stage), newest first. */
  async detail(auth: AuthContext, id: string): Promise<LeadDetailResponseDto> {
    const m = this.dataSource.manager;
    const lead = await this.get(m, auth.organizationId, id);
    const conversations = await m.query<ConversationRow[]>(
      `SELECT c.id, c.last_message_at, c.created_at, i.id AS instance_id, i.name AS instance_name,
              i.phone_number AS instance_phone_number, i.provider AS instance_provider
       FROM whatsapp_conversations c
       JOIN whatsapp_instances i ON i.organization_id = c.organization_id AND i.id = c.instance_id
       WHERE c.organization_id = $1 AND c.lead_id = $2
       ORDER BY c.created_at DESC, c.id DESC`,
      [auth.organizationId, id],
    );
    const tickets = await m.query<TicketRow[]>(
      `SELECT t.id, t.status, s.id AS stage_id, s.name AS stage_name, s.color AS stage_color, t.deal_value,
              t.sales_count, t.sales_total, t.created_at
       FROM tickets t
       JOIN ticket_stages s ON s.organization_id = t.organization_id AND s.id = t.stage_id
       WHERE t.organization_id = $1 AND t.lead_id = $2
       ORDER BY t.created_at DESC, t.id DESC`,
      [auth.organizationId, id],
    );
    return {
      ...LeadResponseDto.from(lead, tickets.length),
      conversations: conversations.map(toConversation),
      tickets: tickets.map(toTicket),
    };
  }

  /**
   * Renames the lead or changes its phone (with its matching key) or email. A phone or email that another lead of
   * the organization has is a conflict naming the field, also when a concurrent write wins the race.
   */
  async update(auth: AuthContext, id: string, dto: UpdateLeadDto): Promise<LeadResponseDto> {
    const phone = dto.phone === undefined ? undefined : this.normalizePhone(dto.phone);
    try {
      return await this.dataSource.transaction(async (m) => {
        const lead = await this.get(m, auth.organizationId, id);
        if (phone) {
          await this.assertFree(m, auth.organizationId, id, 'phone', { phoneKey: phone.key }, phone.e164);
          lead.phone = phone.e164;
          lead.phoneKey = phone.key;
        }
        if (dto.email !== undefined) {
          await this.assertFree(m, auth.organizationId, id, 'email', { email: dto.email }, dto.email);
          lead.email = dto.email;
        }
        if (dto.name !== undefined) lead.name = dto.name;
        const saved = await m.save(Lead, lead);
        const ticketsCount = await m.count(Ticket, { where: { organizationId: auth.organizationId, leadId: id } });
        return LeadResponseDto.from(saved, ticketsCount);
      });
    } catch (error) {
      const field = uniqueViolationField(error);
      if (field) throw conflict(field, field === 'phone' ? phone?.e164 : dto.email);
      throw error;
    }
  }

  private async get(m: EntityManager, organizationId: string, id: string): Promise<Lead> {
    const lead = await m.findOneBy(Lead, { organizationId, id });
    if (!lead) throw NotFoundError.of('Lead', id);
    return lead;
  }

  private normalizePhone(input: string): NormalizedPhone {
    const phone = normalizePhone(input);
    if (!phone) throw InvalidInputError.field('phone', 'phone must be a valid phone number');
    return phone;
  }

  private async assertFree(
    m: EntityManager,
    organizationId: string,
    exceptId: string,
    field: UniqueField,
    where: { phoneKey: string } | { email: string },
    value: string,
  ): Promise<void> {
    const qb = m
      .createQueryBuilder(Lead, 'l')
      .where('l.organizationId = :organizationId', { organizationId })
      .andWhere('l.id <> :exceptId', { exceptId });
    if ('phoneKey' in where) qb.andWhere('l.phoneKey = :phoneKey', where);
    else qb.andWhere('l.email = :email', where);
    if (await qb.getExists()) throw conflict(field, value);
  }
}

function conflict(field: UniqueField, value: string | undefined): ConflictError {
  const message = value ? `Another lead already has ${field} ${value}` : `Another lead already has this ${field}`;
  return new ConflictError(message, [{ field, message }]);
}

/** The field behind a unique violation on leads (a concurrent write that passed our check first), if any. */
function uniqueViolationField(error: unknown): UniqueField | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const driverError = error.driverError as { code?: string; constraint?: string } | undefined;
  if (driverError?.code !== '23505' || !driverError.constraint) return undefined;
  return UNIQUE_FIELD[driverError.constraint];
}
