import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WhatsappProvider } from '@whatrack/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthContext } from '../../common/auth/auth-context';
import { ConflictError, InvalidInputError, NotFoundError } from '../../common/errors/domain-errors';
import { normalizePhone } from '../../common/phone/phone';
import { WhatsappConversation } from '../conversations/entities/whatsapp-conversation.entity';
import { CloudClaims } from './cloud-claims';
import type { CreateWhatsappInstanceDto } from './dto/create-whatsapp-instance.dto';
import type { UpdateWhatsappInstanceDto } from './dto/update-whatsapp-instance.dto';
import { WhatsappInstance } from './entities/whatsapp-instance.entity';

const CLOUD_API_ID = /^\d+$/;

@Injectable()
export class WhatsappInstancesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly claims: CloudClaims,
  ) {}

  /** Oldest first: the organization's first instance is items[0]. */
  list(auth: AuthContext, manager: EntityManager = this.dataSource.manager): Promise<WhatsappInstance[]> {
    return manager.find(WhatsappInstance, {
      where: { organizationId: auth.organizationId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  async get(
    auth: AuthContext,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<WhatsappInstance> {
    const instance = await manager.findOneBy(WhatsappInstance, { organizationId: auth.organizationId, id });
    if (!instance) throw NotFoundError.of('WhatsApp instance', id);
    return instance;
  }

  create(auth: AuthContext, dto: CreateWhatsappInstanceDto): Promise<WhatsappInstance> {
    const phoneNumber = this.normalizePhoneNumber(dto.phoneNumber);
    const providerPhoneNumberId = dto.providerPhoneNumberId ?? null;
    this.assertProviderPhoneNumberId(dto.provider, providerPhoneNumberId);
    return this.dataSource.transaction(async (m) => {
      await this.lockOrganization(m, auth.organizationId);
      await this.assertNotClaimedInOrganization(m, auth.organizationId, dto.provider, providerPhoneNumberId);
      const instance = m.create(WhatsappInstance, {
        organizationId: auth.organizationId,
        name: dto.name,
        phoneNumber,
        provider: dto.provider,
        providerPhoneNumberId,
        providerBusinessAccountId: dto.providerBusinessAccountId ?? null,
        webhookToken: randomBytes(24).toString('hex'),
      });
      return m.save(WhatsappInstance, instance);
    });
  }

  /** Applies a partial update; the claim on a Cloud API phone_number_id changes through CloudClaims. */
  async update(auth: AuthContext, id: string, dto: UpdateWhatsappInstanceDto): Promise<WhatsappInstance> {
    const phoneNumber = dto.phoneNumber === undefined ? undefined : this.normalizePhoneNumber(dto.phoneNumber);
    const current = await this.get(auth, id);
    const providerPhoneNumberId =
      dto.providerPhoneNumberId === undefined ? current.providerPhoneNumberId : (dto.providerPhoneNumberId ?? null);
    if (dto.providerPhoneNumberId !== undefined) {
      this.assertProviderPhoneNumberId(current.provider, providerPhoneNumberId);
    }
    const claim = await this.claims.plan(auth, current, dto, providerPhoneNumberId);
    return this.dataSource.transaction(async (m) => {
      await this.lockOrganization(m, auth.organizationId);
      const instance = await this.get(auth, id, m);
      if (dto.providerPhoneNumberId !== undefined && providerPhoneNumberId !== instance.providerPhoneNumberId) {
        await this.assertNotClaimedInOrganization(m, auth.organizationId, instance.provider, providerPhoneNumberId, id);
        instance.providerPhoneNumberId = providerPhoneNumberId;
      }
      if (dto.name !== undefined) instance.name = dto.name;
      if (phoneNumber !== undefined) instance.phoneNumber = phoneNumber;
      if (dto.providerBusinessAccountId !== undefined) {
        instance.providerBusinessAccountId = dto.providerBusinessAccountId ?? null;
      }
      await this.claims.apply(m, auth, instance, claim);
      return m.save(WhatsappInstance, instance);
    });
  }

  async remove(auth: AuthContext, id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const instance = await this.get(auth, id, m);
      const conversations = await m.count(WhatsappConversation, {
        where: { organizationId: auth.organizationId, instanceId: id },
      });
      if (conversations > 0) {
        throw new ConflictError(
          `WhatsApp instance "${instance.name}" has ${conversations} conversation(s) and cannot be deleted`,
        );
      }
      await m.delete(WhatsappInstance, { organizationId: auth.organizationId, id });
    });
  }

  private normalizePhoneNumber(input: string): string {
    const phone = normalizePhone(input);
    if (!phone) throw InvalidInputError.field('phoneNumber', 'phoneNumber must be a valid phone number');
    return phone.e164;
  }

  /** Cloud API instances are addressed by their phone_number_id: required, digits only. */
  private assertProviderPhoneNumberId(provider: WhatsappProvider, providerPhoneNumberId: string | null): void {
    if (provider !== WhatsappProvider.CLOUD_API) return;
    if (providerPhoneNumberId === null) {
      throw InvalidInputError.field(
        'providerPhoneNumberId',
        'providerPhoneNumberId is required for provider cloud_api (the Cloud API phone_number_id)',
      );
    }
    if (!CLOUD_API_ID.test(providerPhoneNumberId)) {
      throw InvalidInputError.field(
        'providerPhoneNumberId',
        'providerPhoneNumberId must contain only digits for provider cloud_api',
      );
    }
  }

  /**
   * One claim per phone_number_id and organization (a friendlier 409 than the unique index's). Other organizations'
   * claims are not looked at: answering 409 for them would tell anyone which ids are taken.
   */
  private async assertNotClaimedInOrganization(
    m: EntityManager,
    organizationId: string,
    provider: WhatsappProvider,
    providerPhoneNumberId: string | null,
    exceptId?: string,
  ): Promise<void> {
    if (provider !== WhatsappProvider.CLOUD_API || providerPhoneNumberId === null) return;
    const qb = m
      .createQueryBuilder(WhatsappInstance, 'i')
      .where('i.organizationId = :organizationId', { organizationId })
      .andWhere('i.provider = :provider', { provider })
      .andWhere('i.providerPhoneNumberId = :providerPhoneNumberId', { providerPhoneNumberId });
    if (exceptId) qb.andWhere('i.id <> :exceptId', { exceptId });
    if (await qb.getExists()) {
      throw new ConflictError(
        `A Cloud API instance with providerPhoneNumberId "${providerPhoneNumberId}" already exists`,
      );
    }
  }

  /**
   * Serializes the uniqueness check and the write per organization, so concurrent writes get the check's 409 rather
   * than the unique index's. Transaction-scoped: released at commit or rollback.
   */
  private async lockOrganization(m: EntityManager, organizationId: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('whatsapp_instances:' || $1))`, [organizationId]);
  }
}
