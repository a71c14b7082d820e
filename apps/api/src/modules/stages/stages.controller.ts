import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Auth } from '../../common/auth/auth.decorator';
import type { AuthContext } from '../../common/auth/auth-context';
import { ErrorResponseDto } from '../../common/errors/error-response.dto';
import { UuidParam } from '../../common/validation/uuid-param.decorator';
import { CreateStageDto } from './dto/create-stage.dto';
import { DeleteStageQueryDto } from './dto/delete-stage-query.dto';
import { ReorderStagesDto } from './dto/reorder-stages.dto';
import { StageListResponseDto, StageResponseDto } from './dto/stage-response.dto';
import { UpdateStageDto } from './dto/update-stage.dto';
import { StagesService } from './stages.service';
import { Roles } from '../../common/auth/roles.decorator';
import { ApiKeyAccess } from '../../common/auth/api-key-scope.decorator';
import { ApiKeyScope, UserRole } from '@whatrack/shared';

@ApiTags('stages')
@Controller('stages')
export class StagesController {
  constructor(private readonly stages: StagesService) {}

  @Get()
  @ApiOperation({ operationId: 'listStages', summary: 'Kanban stages in order' })
  @ApiOkResponse({ type: StageListResponseDto })
  async list(@Auth() auth: AuthContext): Promise<StageListResponseDto> {
    const stages = await this.stages.list(auth);
    return { items: stages.map((s) => StageResponseDto.from(s)) };
  }

  @Post()
  @Roles(UserRole.OWNER, UserRole.ADMIN)
  @ApiKeyAccess(ApiKeyScope.ADMIN)
  @ApiOperation({ operationId: 'createStage', summary: 'Add a stage at the end of the board' })
  @ApiCreatedResponse({ type: StageResponseDto })
  @ApiConflictResponse({ description: 'A stage with this name exists', type: ErrorResponseDto })
  async create(@Auth() auth: AuthContext, @Body() dto: CreateStageDto): Promise<StageResponseDto> {
    return StageResponseDto.from(await this.stages.create(auth, dto));
  }

  @Put('order')
  @Roles(UserRole.OWNER, UserRole.ADMIN)
  @ApiKeyAccess(ApiKeyScope.ADMIN)
  @ApiOperation({
    operationId: 'reorderStages',
    summary: "Set the board order; ids must list exactly the organization's stages",
  })
  @ApiOkResponse({ type: StageListResponseDto })
  async reorder(@Auth() auth: AuthContext, @Body() dto: ReorderStagesDto): Promise<StageListResponseDto> {
    const stages = await this.stages.reorder(auth, dto.ids);
    return { items: stages.map((s) => StageResponseDto.from(s)) };
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getStage', summary: 'One stage' })
  @ApiOkResponse({ type: StageResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async get(@Auth() auth: AuthContext, @UuidParam() id: string): Promise<StageResponseDto> {
    return StageResponseDto.from(await this.stages.get(auth, id));
  }

  @Patch(':id')
  @Roles(UserRole.OWNER, UserRole.ADMIN)
  @ApiKeyAccess(ApiKeyScope.ADMIN)
  @ApiOperation({
    operationId: 'updateStage',
    summary: 'Rename, recolor or change the closed flag (tickets follow it)',
  })
  @ApiOkResponse({ type: StageResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  async update(
    @Auth() auth: AuthContext,
    @UuidParam() id: string,
    @Body() dto: UpdateStageDto,
  ): Promise<StageResponseDto> {
    return StageResponseDto.from(await this.stages.update(auth, id, dto));
  }

  @Delete(':id')
  @Roles(UserRole.OWNER, UserRole.ADMIN)
  @ApiKeyAccess(ApiKeyScope.ADMIN)
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteStage', summary: 'Delete a stage; with tickets, ?moveTo=<stageId> is required' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({
    description: 'The stage has tickets and no moveTo, or it is the last stage',
    type: ErrorResponseDto,
  })
  async remove(@Auth() auth: AuthContext, @UuidParam() id: string, @Query() query: DeleteStageQueryDto): Promise<void> {
    await this.stages.remove(auth, id, query.moveTo);
  }
}
