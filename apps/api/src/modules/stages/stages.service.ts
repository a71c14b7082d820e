import { Injectable } from '@nestjs/common';
import type { AuthContext } from '../../common/auth/auth-context';
import { ConflictError, InvalidInputError, NotFoundError } from '../../common/errors/domain-errors';
import { Db } from '../../database/db';
import type { CreateStageDto } from './dto/create-stage.dto';
import type { UpdateStageDto } from './dto/update-stage.dto';
import { ensureTicketStages } from './ensure-ticket-stages';
import { TicketStageMovesRepository } from '../tickets/ticket-stage-moves.repository';
import { type StageRow, TicketStagesRepository } from './ticket-stages.repository';

@Injectable()
export class StagesService {
  constructor(
    private readonly db: Db,
    private readonly stages: TicketStagesRepository,
    private readonly stageTickets: TicketStageMovesRepository,
  ) {}

  /** `tx`: the caller's transaction (its Db, or its TypeORM manager while callers still hold one). */
  ensureTicketStages(organizationId: string, tx?: Db): Promise<void> {
    if (tx) return ensureTicketStages(tx, organizationId);
    return this.db.transaction((t) => ensureTicketStages(t, organizationId));
  }

  list(auth: AuthContext, tx?: Db): Promise<StageRow[]> {
    return this.stages.list(tx ? tx : this.db, { organizationId: auth.organizationId });
  }

  async get(auth: AuthContext, id: string, tx?: Db): Promise<StageRow> {
    const stage = await this.stages.findById(tx ? tx : this.db, { organizationId: auth.organizationId, id });
    if (!stage) throw NotFoundError.of('Stage', id);
    return stage;
  }

  create(auth: AuthContext, dto: CreateStageDto): Promise<StageRow> {
    const organizationId = auth.organizationId;
    return this.db.transaction(async (tx) => {
      await this.assertNameFree(tx, organizationId, dto.name);
      const max = await this.stages.maxPosition(tx, { organizationId });
      const [stage] = await this.stages.insert(tx, { organizationId }, [
        { name: dto.name, color: dto.color.toLowerCase(), isClosed: dto.isClosed ?? false, position: (max ?? -1) + 1 },
      ]);
      return stage;
    });
  }

  update(auth: AuthContext, id: string, dto: UpdateStageDto): Promise<StageRow> {
    const organizationId = auth.organizationId;
    return this.db.transaction(async (tx) => {
      const stage = await this.get(auth, id, tx);
      if (dto.name !== undefined && dto.name.toLowerCase() !== stage.name.toLowerCase()) {
        await this.assertNameFree(tx, organizationId, dto.name, id);
      }
      const changes: Partial<StageRow> = {};
      if (dto.name !== undefined && dto.name !== stage.name) changes.name = dto.name;
      const color = dto.color?.toLowerCase();
      if (color !== undefined && color !== stage.color) changes.color = color;
      if (dto.isClosed !== undefined && dto.isClosed !== stage.isClosed) changes.isClosed = dto.isClosed;
      // Nothing changed: no write (updated_at stays), as TypeORM's save did.
      if (Object.keys(changes).length === 0) return stage;
      const saved = (await this.stages.update(tx, { organizationId, id }, changes)) ?? { ...stage, ...changes };
      if (changes.isClosed !== undefined) {
        await this.stageTickets.syncStatus(tx, { organizationId, stageId: id, isClosed: changes.isClosed });
      }
      return saved;
    });
  }

  async remove(auth: AuthContext, id: string, moveTo?: string): Promise<void> {
    const organizationId = auth.organizationId;
    await this.db.transaction(async (tx) => {
      const stage = await this.get(auth, id, tx);
      const total = await this.stages.count(tx, { organizationId });
      if (total <= 1)
        throw new ConflictError(
          'The last stage cannot be deleted: an organization always has one',
          undefined,
          'last_stage',
        );
      const tickets = await this.stageTickets.countInStage(tx, { organizationId, stageId: id });
      if (tickets > 0) {
        if (!moveTo) {
          throw new ConflictError(
            `Stage "${stage.name}" has ${tickets} ticket(s): pass ?moveTo=<stageId> to move them first`,
            undefined,
            'stage_has_tickets',
          );
        }
        if (moveTo === id) throw InvalidInputError.field('moveTo', 'moveTo must be a different stage');
        const target = await this.get(auth, moveTo, tx);
        await this.stageTickets.moveToStage(tx, { organizationId, stageId: id, toStageId: target.id });
        await this.stageTickets.syncStatus(tx, { organizationId, stageId: target.id, isClosed: target.isClosed });
      }
      await this.stages.delete(tx, { organizationId, id });
    });
  }

  reorder(auth: AuthContext, ids: string[]): Promise<StageRow[]> {
    const organizationId = auth.organizationId;
    return this.db.transaction(async (tx) => {
      const stages = await this.list(auth, tx);
      const known = new Set(stages.map((s) => s.id));
      const given = new Set(ids);
      if (given.size !== ids.length) throw InvalidInputError.field('ids', 'ids must not repeat a stage');
      if (given.size !== known.size || ids.some((id) => !known.has(id))) {
        throw InvalidInputError.field('ids', "ids must list exactly the organization's stages");
      }
      for (const [position, id] of ids.entries()) {
        await this.stages.update(tx, { organizationId, id }, { position });
      }
      return this.list(auth, tx);
    });
  }

  private async assertNameFree(tx: Db, organizationId: string, name: string, exceptId?: string): Promise<void> {
    if (await this.stages.nameTaken(tx, { organizationId, name, exceptId })) {
      throw new ConflictError(
        `A stage named "${name}" already exists`,
        [{ field: 'name', code: 'already_exists', message: 'already exists' }],
        'already_exists',
      );
    }
  }
}
