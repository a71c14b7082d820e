import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TicketStatus } from '@whatrack/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthContext } from '../../common/auth/auth-context';
import { ConflictError, InvalidInputError, NotFoundError } from '../../common/errors/domain-errors';
import { Ticket } from '../tickets/entities/ticket.entity';
import type { CreateStageDto } from './dto/create-stage.dto';
import type { UpdateStageDto } from './dto/update-stage.dto';
import { TicketStage } from './entities/ticket-stage.entity';
import { ensureTicketStages } from './ensure-ticket-stages';

@Injectable()
export class StagesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  ensureTicketStages(organizationId: string, manager?: EntityManager): Promise<void> {
    if (manager) return ensureTicketStages(manager, organizationId);
    return this.dataSource.transaction((m) => ensureTicketStages(m, organizationId));
  }

  list(auth: AuthContext, manager: EntityManager = this.dataSource.manager): Promise<TicketStage[]> {
    return manager.find(TicketStage, {
      where: { organizationId: auth.organizationId },
      order: { position: 'ASC', createdAt: 'ASC' },
    });
  }

  async get(auth: AuthContext, id: string, manager: EntityManager = this.dataSource.manager): Promise<TicketStage> {
    const stage = await manager.findOneBy(TicketStage, { organizationId: auth.organizationId, id });
    if (!stage) throw NotFoundError.of('Stage', id);
    return stage;
  }

  create(auth: AuthContext, dto: CreateStageDto): Promise<TicketStage> {
    return this.dataSource.transaction(async (m) => {
      await this.assertNameFree(m, auth.organizationId, dto.name);
      const { max } = (await m
        .createQueryBuilder(TicketStage, 's')
        .select('MAX(s.position)', 'max')
        .where('s.organizationId = :org', { org: auth.organizationId })
        .getRawOne<{ max: number | null }>()) ?? { max: null };
      const stage = m.create(TicketStage, {
        organizationId: auth.organizationId,
        name: dto.name,
        color: dto.color.toLowerCase(),
        isClosed: dto.isClosed ?? false,
        position: (max ?? -1) + 1,
      });
      return m.save(TicketStage, stage);
    });
  }

  update(auth: AuthContext, id: string, dto: UpdateStageDto): Promise<TicketStage> {
    return this.dataSource.transaction(async (m) => {
      const stage = await this.get(auth, id, m);
      if (dto.name !== undefined && dto.name.toLowerCase() !== stage.name.toLowerCase()) {
        await this.assertNameFree(m, auth.organizationId, dto.name, id);
      }
      const closedChanged = dto.isClosed !== undefined && dto.isClosed !== stage.isClosed;
      if (dto.name !== undefined) stage.name = dto.name;
      if (dto.color !== undefined) stage.color = dto.color.toLowerCase();
      if (dto.isClosed !== undefined) stage.isClosed = dto.isClosed;
      const saved = await m.save(TicketStage, stage);
      if (closedChanged) await this.syncTicketStatus(m, auth.organizationId, id, stage.isClosed);
      return saved;
    });
  }

  async remove(auth: AuthContext, id: string, moveTo?: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const stage = await this.get(auth, id, m);
      const total = await m.count(TicketStage, { where: { organizationId: auth.organizationId } });
      if (total <= 1) throw new ConflictError('The last stage cannot be deleted: an organization always has one');
      const tickets = await m.count(Ticket, { where: { organizationId: auth.organizationId, stageId: id } });
      if (tickets > 0) {
        if (!moveTo) {
          throw new ConflictError(
            `Stage "${stage.name}" has ${tickets} ticket(s): pass ?moveTo=<stageId> to move them first`,
          );
        }
        if (moveTo === id) throw InvalidInputError.field('moveTo', 'moveTo must be a different stage');
        const target = await this.get(auth, moveTo, m);
        await m.update(Ticket, { organizationId: auth.organizationId, stageId: id }, { stageId: target.id });
        await this.syncTicketStatus(m, auth.organizationId, target.id, target.isClosed);
      }
      await m.delete(TicketStage, { organizationId: auth.organizationId, id });
    });
  }

  reorder(auth: AuthContext, ids: string[]): Promise<TicketStage[]> {
    return this.dataSource.transaction(async (m) => {
      const stages = await this.list(auth, m);
      const known = new Set(stages.map((s) => s.id));
      const given = new Set(ids);
      if (given.size !== ids.length) throw InvalidInputError.field('ids', 'ids must not repeat a stage');
      if (given.size !== known.size || ids.some((id) => !known.has(id))) {
        throw InvalidInputError.field('ids', "ids must list exactly the organization's stages");
      }
      for (const [position, id] of ids.entries()) {
        await m.update(TicketStage, { organizationId: auth.organizationId, id }, { position });
      }
      return this.list(auth, m);
    });
  }

  /** Tickets follow their stage's closed flag: entering a closed stage closes them, leaving it reopens them. */
  private async syncTicketStatus(
    m: EntityManager,
    organizationId: string,
    stageId: string,
    isClosed: boolean,
  ): Promise<void> {
    await m
      .createQueryBuilder()
      .update(Ticket)
      .set(
        isClosed
          ? { status: TicketStatus.CLOSED, closedAt: () => 'COALESCE(closed_at, now())' }
          : { status: TicketStatus.OPEN, closedAt: null },
      )
      .where('organization_id = :organizationId AND stage_id = :stageId', { organizationId, stageId })
      .execute();
  }

  private async assertNameFree(
    m: EntityManager,
    organizationId: string,
    name: string,
    exceptId?: string,
  ): Promise<void> {
    const qb = m
      .createQueryBuilder(TicketStage, 's')
      .where('s.organizationId = :organizationId', { organizationId })
      .andWhere('lower(s.name) = lower(:name)', { name });
    if (exceptId) qb.andWhere('s.id <> :exceptId', { exceptId });
    if (await qb.getExists()) throw new ConflictError(`A stage named "${name}" already exists`);
  }
}
